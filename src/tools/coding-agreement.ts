/**
 * `npm run bank:agreement [a.yaml b.yaml]`: agreement between two independent codings of a bank
 * (questions/socialpolitik/coding/coder-a.yaml and coder-b.yaml by default), before reconciliation.
 * Prints the share of cells with the same position and Cohen's kappa, and lists every disagreement.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { cohensKappa, type Category } from './kappa.ts';

interface CodedStance {
  position: number | null;
  confidence: number;
}
type Coding = { id: string; stances: Record<string, CodedStance> }[];

const [
  fileA = 'questions/socialpolitik/coding/coder-a.yaml',
  fileB = 'questions/socialpolitik/coding/coder-b.yaml',
] = process.argv.slice(2);
const a = parse(readFileSync(fileA, 'utf8')) as Coding;
const b = parse(readFileSync(fileB, 'utf8')) as Coding;

const pairs: [Category, Category][] = [];
const stated: [Category, Category][] = [];
const disagreements: string[] = [];
let sameConfidence = 0;
for (const statement of a) {
  const other = b.find((s) => s.id === statement.id);
  if (!other) throw new Error(`${fileB} has no statement "${statement.id}"`);
  for (const [party, stance] of Object.entries(statement.stances)) {
    const theirs = other.stances[party];
    if (!theirs) throw new Error(`${fileB}: "${statement.id}" has no stance for "${party}"`);
    const x = String(stance.position);
    const y = String(theirs.position);
    pairs.push([x, y]);
    stated.push([
      stance.position === null ? 'silent' : 'stated',
      theirs.position === null ? 'silent' : 'stated',
    ]);
    if (stance.position === theirs.position && stance.confidence === theirs.confidence)
      sameConfidence += 1;
    if (x !== y)
      disagreements.push(
        `${statement.id} / ${party}: A ${x} (c ${stance.confidence}) vs B ${y} (c ${theirs.confidence})`,
      );
  }
}
const same = pairs.filter(([x, y]) => x === y).length;
const pct = (n: number) => `${((100 * n) / pairs.length).toFixed(1)} %`;
console.log(`cells: ${pairs.length}`);
console.log(`same position (silent counted as a category): ${same} (${pct(same)})`);
console.log(
  `Cohen's kappa, position (6 categories: −1, −½, 0, ½, 1, silent): ${cohensKappa(pairs).toFixed(3)}`,
);
console.log(
  `same stated/silent call: ${stated.filter(([x, y]) => x === y).length} (${pct(stated.filter(([x, y]) => x === y).length)}), kappa ${cohensKappa(stated).toFixed(3)}`,
);
console.log(`same position and confidence: ${sameConfidence} (${pct(sameConfidence)})`);
console.log(`\ndisagreements (${disagreements.length}):`);
for (const line of disagreements) console.log(`- ${line}`);
