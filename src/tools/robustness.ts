/**
 * `npm run robustness [-- --check]`: simulates voters on every compass and writes
 * questions/<compass>/ROBUSTNESS.md: how often the top party changes when statements are dropped,
 * when implied confidence is set differently, and under the comparison methods.
 * Deterministic (seeded), so --check can tell whether the file is current.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compassFolders, loadBank, formatIssue } from './load-bank.ts';
import { renderRobustness } from './robustness-report.ts';

const check = process.argv.includes('--check');
let failed = false;
for (const folder of compassFolders(resolve('questions'))) {
  const result = loadBank(folder);
  if (!result.ok) {
    for (const issue of result.issues) console.error(formatIssue(issue));
    failed = true;
    continue;
  }
  const report = renderRobustness(result.compass);
  const path = join(folder, 'ROBUSTNESS.md');
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== report) {
      console.error(`${relative(process.cwd(), path)} is out of date: run npm run robustness`);
      failed = true;
    }
  } else {
    console.log(report);
    writeFileSync(path, report);
  }
}
if (failed) process.exitCode = 1;
