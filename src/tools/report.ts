/**
 * `npm run bank:report [-- --check]`: prints the balance report of every compass and writes it to
 * questions/<compass>/REPORT.md. With --check it writes nothing and exits 1 when a REPORT.md is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { renderReport } from './balance-report.ts';
import { compassFolders, formatIssue, loadBank } from './load-bank.ts';

const check = process.argv.includes('--check');
let failed = false;
for (const folder of compassFolders(resolve('questions'))) {
  const result = loadBank(folder);
  if (!result.ok) {
    for (const issue of result.issues) console.error(formatIssue(issue));
    failed = true;
    continue;
  }
  const report = renderReport(result.compass);
  const path = join(folder, 'REPORT.md');
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== report) {
      console.error(`${relative(process.cwd(), path)} is out of date: run npm run bank:report`);
      failed = true;
    }
  } else {
    console.log(report);
    writeFileSync(path, report);
  }
}
if (failed) process.exitCode = 1;
