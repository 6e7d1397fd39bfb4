import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Compass } from '../domain/bank/types.ts';
import { compassFolders, formatIssue, loadBank } from './load-bank.ts';

/**
 * The CLI of a file generated per compass (REPORT.md, ROBUSTNESS.md): renders it for every
 * compass under questions/ and writes it (printing it too), or with `--check` only tells whether
 * the committed file is current. Sets exit code 1 on a broken bank or a stale file.
 */
export function generatePerCompass(
  fileName: string,
  command: string,
  render: (compass: Compass) => string,
): void {
  const check = process.argv.includes('--check');
  let failed = false;
  for (const folder of compassFolders(resolve('questions'))) {
    const result = loadBank(folder);
    if (!result.ok) {
      for (const issue of result.issues) console.error(formatIssue(issue));
      failed = true;
      continue;
    }
    const text = render(result.compass);
    const path = join(folder, fileName);
    if (!check) {
      console.log(text);
      writeFileSync(path, text);
    } else if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      console.error(`${relative(process.cwd(), path)} is out of date: run ${command}`);
      failed = true;
    }
  }
  if (failed) process.exitCode = 1;
}
