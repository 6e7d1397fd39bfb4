/**
 * `npm run bank:agreement [a.yaml b.yaml]`: agreement between two independent codings of a bank
 * (questions/socialpolitik/coding/coder-a.yaml and coder-b.yaml by default), before reconciliation.
 * Prints the share of cells with the same position and Cohen's kappa, and lists every disagreement.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type Coding, codingAgreement } from './agreement.ts';

const [
  fileA = 'questions/socialpolitik/coding/coder-a.yaml',
  fileB = 'questions/socialpolitik/coding/coder-b.yaml',
] = process.argv.slice(2);
const read = (file: string) => parse(readFileSync(file, 'utf8')) as Coding;
const result = codingAgreement(read(fileA), read(fileB));
const pct = (n: number) => `${((100 * n) / result.cells).toFixed(1)} %`;
console.log(`cells: ${result.cells}`);
console.log(
  `same position (silent counted as a category): ${result.samePosition} (${pct(result.samePosition)})`,
);
console.log(
  `Cohen's kappa, position (6 categories: −1, −½, 0, ½, 1, silent): ${result.kappa.toFixed(3)}`,
);
console.log(
  `same stated/silent call: ${result.sameStated} (${pct(result.sameStated)}), kappa ${result.kappaStated.toFixed(3)}`,
);
console.log(`same position and confidence: ${result.sameCoding} (${pct(result.sameCoding)})`);
console.log(`\ndisagreements (${result.disagreements.length}):`);
for (const line of result.disagreements) console.log(`- ${line}`);
