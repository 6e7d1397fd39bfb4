/**
 * `npm run validate [folder…]`: checks every compass under questions/ (or the given folders).
 * Prints one line per problem, `file:line: what is wrong and how to fix it`, and exits 1 if any.
 */
import { resolve } from 'node:path';
import { compassFolders, formatIssue, loadBank } from './load-bank.ts';

const args = process.argv.slice(2);
const folders =
  args.length > 0 ? args.map((a) => resolve(a)) : compassFolders(resolve('questions'));
let problems = 0;
for (const folder of folders) {
  const result = loadBank(folder);
  if (result.ok) {
    const { compass } = result;
    console.log(
      `ok ${compass.id} ${compass.version}: ${compass.statements.length} statements, ${compass.parties.length} parties, ${compass.themes.length} themes`,
    );
  } else {
    for (const issue of result.issues) console.error(formatIssue(issue));
    problems += result.issues.length;
  }
}
if (folders.length === 0) {
  console.error('questions/: no compass folder found (a folder with a compass.yaml)');
  process.exitCode = 1;
} else if (problems > 0) {
  console.error(`${problems} problem${problems === 1 ? '' : 's'} found`);
  process.exitCode = 1;
}
