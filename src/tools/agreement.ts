import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type Category, cohensKappa } from './kappa.ts';

interface CodedStance {
  readonly position: number | null;
  readonly confidence: number;
}
/** One coder's file: statements in order, each with a stance per party. */
export type Coding = readonly {
  readonly id: string;
  readonly stances: Readonly<Record<string, CodedStance>>;
}[];

export interface Agreement {
  readonly cells: number;
  /** Cells where both coders chose the same position (silence counting as a category). */
  readonly samePosition: number;
  /** Cohen's kappa over the six position categories. */
  readonly kappa: number;
  /** Cells where both made the same stated/silent call, and its kappa. */
  readonly sameStated: number;
  readonly kappaStated: number;
  /** Cells with the same position and the same confidence. */
  readonly sameCoding: number;
  readonly disagreements: readonly string[];
}

/** Agreement between two independent codings of the same statements (before reconciliation). */
export function codingAgreement(a: Coding, b: Coding): Agreement {
  const positions: [Category, Category][] = [];
  const stated: [Category, Category][] = [];
  const disagreements: string[] = [];
  let sameCoding = 0;
  for (const statement of a) {
    const other = b.find((s) => s.id === statement.id);
    if (!other) throw new Error(`the second coding has no statement "${statement.id}"`);
    for (const [party, stance] of Object.entries(statement.stances)) {
      const theirs = other.stances[party];
      if (!theirs)
        throw new Error(`the second coding has no stance for "${party}" on "${statement.id}"`);
      const x = String(stance.position);
      const y = String(theirs.position);
      positions.push([x, y]);
      stated.push([
        stance.position === null ? 'silent' : 'stated',
        theirs.position === null ? 'silent' : 'stated',
      ]);
      if (x === y && stance.confidence === theirs.confidence) sameCoding++;
      if (x !== y)
        disagreements.push(
          `${statement.id} / ${party}: A ${x} (c ${stance.confidence}) vs B ${y} (c ${theirs.confidence})`,
        );
    }
  }
  const same = (pairs: [Category, Category][]) => pairs.filter(([x, y]) => x === y).length;
  return {
    cells: positions.length,
    samePosition: same(positions),
    kappa: cohensKappa(positions),
    sameStated: same(stated),
    kappaStated: cohensKappa(stated),
    sameCoding,
    disagreements,
  };
}

/** The agreement of a compass folder's two codings (coding/coder-a.yaml, coder-b.yaml), if both exist. */
export function folderAgreement(folder: string): Agreement | null {
  const a = join(folder, 'coding', 'coder-a.yaml');
  const b = join(folder, 'coding', 'coder-b.yaml');
  if (!existsSync(a) || !existsSync(b)) return null;
  return codingAgreement(
    parse(readFileSync(a, 'utf8')) as Coding,
    parse(readFileSync(b, 'utf8')) as Coding,
  );
}
