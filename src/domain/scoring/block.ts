import { percentHalfUp } from './exact.ts';
import type { Tally } from './tally.ts';
import * as term from './term.ts';

// Local bindings of the term accessors: the hot loops below call them parties × statements
// times, and some module loaders (tsx, test runners) put a getter behind every imported name.
const { termAgreed, termCovered, termPoints, termStated, termWahlOMat } = term;
import type { IneligibleReason } from './types.ts';

/**
 * Who gets a rank over a block: at least `minStated` stated positions and, when
 * `quarterOfAnswered`, stated positions on at least a quarter of the block's answered
 * statements (4·stated ≥ answered). Plain counts, not weighted by confidence or importance, so
 * that the rule says exactly what the results page prints ("tar ställning i 7 av dina 10").
 * Data rather than a callback: it runs once per party and block.
 */
export interface EligibilityRule {
  readonly minStated: number;
  readonly quarterOfAnswered: boolean;
}

/** Overall: stated ≥ 3 and 4·stated ≥ answered. */
export const overallRule: EligibilityRule = { minStated: 3, quarterOfAnswered: true };

/** Per theme: at least 2 stated positions in the theme. */
export const themeRule: EligibilityRule = { minStated: 2, quarterOfAnswered: false };

/** From this many parties on, leave-one-out percentages come from look-up tables. */
export const LOOKUP_FROM = 64;

/** The code of a party that is ranked (`Block.codes`). */
export const ELIGIBLE = 0;
/** The code of a party with fewer stated positions than the rule's minimum. */
export const TOO_FEW_STATED = 1;
/** The code of a party that states a position on less than a quarter of the answers. */
export const SMALL_SHARE = 2;
/** Each code's reason, by code. */
const REASONS: readonly (IneligibleReason | null)[] = [null, 'too-few-stated', 'small-share'];

/** The reason behind a code of `Block.codes`: null when the party is ranked. */
export const reasonOf = (code: number): IneligibleReason | null => REASONS[code] ?? null;

/** Why a party with `stated` positions among `answered` statements is not ranked (ELIGIBLE: it is). */
export function eligibilityCode(rule: EligibilityRule, stated: number, answered: number): number {
  if (stated < rule.minStated) return TOO_FEW_STATED;
  return rule.quarterOfAnswered && 4 * stated < answered ? SMALL_SHARE : ELIGIBLE;
}

/** Sums over a set of answered statements (a block: all of them, or one theme's), per party. */
export interface Block {
  /** W over the block. */
  readonly weight: number;
  /** Σ w·16e, Σ w·4c, Σ w·4c·4a, stated count and Σ w·Wahl-O-Mat points, per party. */
  readonly points: Int32Array;
  readonly covered: Int32Array;
  readonly agreed: Int32Array;
  readonly stated: Int32Array;
  readonly wahlOMat: Int32Array;
  readonly percent: Int32Array;
  /** Why each party is not ranked, as a code (see `reasonOf`); ELIGIBLE when it is ranked. */
  readonly codes: Uint8Array;
  /** Leave-one-out percent range per party. */
  readonly low: Int32Array;
  readonly high: Int32Array;
  /** Party indices ranked first in the full block (several on a tie, none if nobody is eligible). */
  readonly top: readonly number[];
  /** Answered-statement indices whose removal changes the top set. */
  readonly flips: readonly number[];
  /** Leave-one-out runs made (0 with fewer than two statements in the block, or when not asked for). */
  readonly runs: number;
}

/**
 * Scores every party over the given answered statements, then reruns the block without each
 * statement in turn (leave one out) by subtracting that statement's terms: equal to a full
 * recomputation, at the cost of one pass over the parties per statement.
 */
export function scoreBlock(
  t: Tally,
  columns: readonly number[],
  rule: EligibilityRule,
  { leaveOneOut = true }: { readonly leaveOneOut?: boolean } = {},
): Block {
  const p = t.parties.length;
  const n = t.statements.length;
  const packed = t.packed;
  const cols = Int32Array.from(columns);
  let weight = 0;
  for (const j of cols) weight += t.weights[j]!;
  // One buffer for the per-party arrays: with 10 000 candidates and a block per theme, separate
  // allocations cost more than the arithmetic. The sums are small integers (at most 64 per
  // statement), so 32-bit integers hold them exactly.
  const buffer = new ArrayBuffer(p * (8 * 4 + 1));
  const view = (k: number) => new Int32Array(buffer, k * 4 * p, p);
  const [points, covered, agreed, stated, wahlOMat, percent, low, high] = [
    0, 1, 2, 3, 4, 5, 6, 7,
  ].map(view) as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  const codes = new Uint8Array(buffer, 8 * 4 * p, p);
  let best = -1;
  // This loop runs parties × statements times; the accessors are one shift and one mask each.
  for (let i = 0; i < p; i++) {
    const base = i * n;
    let e = 0;
    let c = 0;
    let a = 0;
    let s = 0;
    let g = 0;
    for (let r = 0; r < cols.length; r++) {
      const x = packed[base + cols[r]!]!;
      e += termPoints(x);
      c += termCovered(x);
      a += termAgreed(x);
      s += termStated(x);
      g += termWahlOMat(x);
    }
    points[i] = e;
    covered[i] = c;
    agreed[i] = a;
    stated[i] = s;
    wahlOMat[i] = g;
    percent[i] = percentHalfUp(e, 16 * weight);
    codes[i] = eligibilityCode(rule, s, cols.length);
    if (codes[i] === ELIGIBLE && percent[i]! > best) best = percent[i]!;
  }
  const top: number[] = [];
  for (let i = 0; i < p; i++) if (codes[i] === ELIGIBLE && percent[i] === best) top.push(i);

  low.set(percent);
  high.set(percent);
  const flips: number[] = [];
  const runs = leaveOneOut && cols.length > 1 ? cols.length : 0;
  if (runs > 0) {
    // Party-major, so that each party's terms are read in memory order: first every run's
    // percent and each run's best, then which runs changed the top set. The ranked set stays
    // the one of the full block (eligibility is decided once, on all the answers): a run only
    // recomputes percentages, so τ measures how much they hang on one answer, not how close a
    // party sits to the eligibility threshold.
    const runPercent = new Int8Array(p * runs);
    const runBest = new Int32Array(runs).fill(-1);
    const rest = Int32Array.from(cols, (j) => weight - t.weights[j]!);
    // With many parties, percentHalfUp(e, 16·rest) is looked up rather than divided: rest takes
    // at most two values (w is 1 or 2), so two small tables serve every run.
    const tables = new Map<number, Int8Array>();
    const lookUp =
      p >= LOOKUP_FROM
        ? Array.from(rest, (w) => {
            let table = tables.get(w);
            if (!table)
              tables.set(
                w,
                (table = Int8Array.from({ length: 16 * w + 1 }, (_, e) =>
                  percentHalfUp(e, 16 * w),
                )),
              );
            return table;
          })
        : null;
    for (let i = 0; i < p; i++) {
      const base = i * n;
      const ranked = codes[i] === ELIGIBLE;
      let lo = 101;
      let hi = -1;
      for (let r = 0; r < runs; r++) {
        const x = packed[base + cols[r]!]!;
        const e = points[i]! - termPoints(x);
        const pct = lookUp ? lookUp[r]![e]! : percentHalfUp(e, 16 * rest[r]!);
        if (pct < lo) lo = pct;
        if (pct > hi) hi = pct;
        runPercent[i * runs + r] = ranked ? pct : -1;
        if (ranked && pct > runBest[r]!) runBest[r] = pct;
      }
      low[i] = lo;
      high[i] = hi;
    }
    const changed = new Uint8Array(runs);
    const inTop = new Uint8Array(p);
    for (const i of top) inTop[i] = 1;
    for (let i = 0; i < p; i++) {
      for (let r = 0; r < runs; r++) {
        const pct = runPercent[i * runs + r]!;
        if ((pct >= 0 && pct === runBest[r]) !== (inTop[i] === 1)) changed[r] = 1;
      }
    }
    for (let r = 0; r < runs; r++) if (changed[r] === 1) flips.push(cols[r]!);
  }
  return {
    weight,
    points,
    covered,
    agreed,
    stated,
    wahlOMat,
    percent,
    codes,
    low,
    high,
    top,
    flips,
    runs,
  };
}
