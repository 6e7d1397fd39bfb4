import { percentHalfUp } from './exact.ts';
import type { IneligibleReason } from './types.ts';
import type { Tally } from './tally.ts';

/** Decides whether a party gets a rank, from its stated count, Σ w·4c and W over a block. */
export type EligibilityRule = (
  stated: number,
  covered: number,
  weight: number,
) => IneligibleReason | null;

/** Overall: at least 3 stated positions among the answers and K ≥ 0.25 (⇔ Σ w·4c ≥ W). */
export const overallRule: EligibilityRule = (stated, covered, weight) =>
  stated < 3 ? 'too-few-stated' : covered < weight ? 'low-coverage' : null;

/** Per theme: at least 2 stated positions in the theme. */
export const themeRule: EligibilityRule = (stated) => (stated < 2 ? 'too-few-stated' : null);

/** Sums over a set of answered statements (a block: all of them, or one theme's), per party. */
export interface Block {
  readonly columns: readonly number[];
  /** W over the block. */
  readonly weight: number;
  readonly points: Float64Array;
  readonly covered: Float64Array;
  readonly agreed: Float64Array;
  readonly stated: Int32Array;
  readonly wahlOMat: Float64Array;
  readonly percent: Int32Array;
  readonly reasons: (IneligibleReason | null)[];
  /** Leave-one-out percent range per party. */
  readonly low: Int32Array;
  readonly high: Int32Array;
  /** Party indices ranked first in the full block. */
  readonly top: readonly number[];
  /** Columns whose removal changes the top set, and how many leave-one-out runs there were. */
  readonly flips: readonly number[];
  readonly runs: number;
}

/** Parties ranked first: eligible with the highest percent (several on a tie). */
function topOf(percent: Int32Array, eligible: (i: number) => boolean, count: number): number[] {
  let best = -1;
  const top: number[] = [];
  for (let i = 0; i < count; i++) {
    if (!eligible(i)) continue;
    if (percent[i]! > best) {
      best = percent[i]!;
      top.length = 0;
    }
    if (percent[i] === best) top.push(i);
  }
  return top;
}

/**
 * Scores every party over the given answered-statement columns, and reruns the block without
 * each column in turn (leave one out) by subtracting that column's terms: equal to a full
 * recomputation, at the cost of one pass per column.
 */
export function scoreBlock(t: Tally, columns: readonly number[], rule: EligibilityRule): Block {
  const p = t.parties.length;
  const n = t.statements.length;
  let weight = 0;
  for (const j of columns) weight += t.weights[j]!;
  const points = new Float64Array(p);
  const covered = new Float64Array(p);
  const agreed = new Float64Array(p);
  const stated = new Int32Array(p);
  const wahlOMat = new Float64Array(p);
  const percent = new Int32Array(p);
  const reasons: (IneligibleReason | null)[] = new Array<IneligibleReason | null>(p);
  for (let i = 0; i < p; i++) {
    const base = i * n;
    let e = 0;
    let c = 0;
    let a = 0;
    let s = 0;
    let g = 0;
    for (const j of columns) {
      const k = base + j;
      e += t.points[k]!;
      c += t.covered[k]!;
      a += t.agreed[k]!;
      s += t.stated[k]!;
      g += t.wahlOMat[k]!;
    }
    points[i] = e;
    covered[i] = c;
    agreed[i] = a;
    stated[i] = s;
    wahlOMat[i] = g;
    percent[i] = percentHalfUp(e, 16 * weight);
    reasons[i] = rule(s, c, weight);
  }
  const top = topOf(percent, (i) => reasons[i] === null, p);

  const low = Int32Array.from(percent);
  const high = Int32Array.from(percent);
  const flips: number[] = [];
  let runs = 0;
  if (columns.length > 1) {
    const inTop = new Uint8Array(p);
    for (const i of top) inTop[i] = 1;
    const runPercent = new Int32Array(p);
    const runEligible = new Uint8Array(p);
    for (let r = 0; r < columns.length; r++) {
      const j = columns[r]!;
      const w = t.weights[j]!;
      const rest = weight - w;
      let best = -1;
      for (let i = 0; i < p; i++) {
        const k = i * n + j;
        const pct = percentHalfUp(points[i]! - t.points[k]!, 16 * rest);
        runPercent[i] = pct;
        if (r === 0 || pct < low[i]!) low[i] = pct;
        if (r === 0 || pct > high[i]!) high[i] = pct;
        const ok = rule(stated[i]! - t.stated[k]!, covered[i]! - t.covered[k]!, rest) === null;
        runEligible[i] = ok ? 1 : 0;
        if (ok && pct > best) best = pct;
      }
      let same = true;
      for (let i = 0; i < p && same; i++) {
        const first = runEligible[i] === 1 && runPercent[i] === best;
        if (first !== (inTop[i] === 1)) same = false;
      }
      runs++;
      if (!same) flips.push(j);
    }
  }
  return {
    columns,
    weight,
    points,
    covered,
    agreed,
    stated,
    wahlOMat,
    percent,
    reasons,
    low,
    high,
    top,
    flips,
    runs,
  };
}
