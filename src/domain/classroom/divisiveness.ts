/**
 * How divided a class was on a statement, for the teacher's view ("where did you disagree
 * most?"): one number per statement, and the statements in order of it.
 */
import type { Fraction } from '../scoring/index.ts';
import { percentHalfUp } from '../scoring/index.ts';
import { ANSWER_KEYS, type AnswerKey, type StatementCounts } from './counters.ts';

/** How divided the class was on one statement. */
export interface Divisiveness {
  /**
   * D, 0..1: the mean distance on the −1..1 scale between the answers of two pupils drawn at
   * random (with replacement) from those who answered. 0 when everyone gave the same answer;
   * 1 when the class split evenly between −1 and 1, the most divided a class can be.
   */
  readonly value: number;
  /** D exactly: Σᵢ Σⱼ nᵢ·nⱼ·|Vᵢ − Vⱼ| / (2·m²), with V in half steps (−2..2), m answers. */
  readonly exact: Fraction;
  /** D as a whole percent, round-half-up of the exact fraction, 0..100. */
  readonly percent: number;
  /** Pupils who answered (not skipped), ≥ 1. */
  readonly answered: number;
}

/** Each answer key in half steps, the engine's integer scale. */
const HALF_STEPS: Readonly<Record<AnswerKey, number>> = {
  '-1': -2,
  '-0.5': -1,
  '0': 0,
  '0.5': 1,
  '1': 2,
};

/**
 * How divided the class was on one statement: D, the mean distance between two pupils' answers
 * (the mean absolute difference of the answers on the −1..1 scale, over all ordered pairs of
 * answering pupils, a pupil paired with themself included).
 *
 * Why this measure: it is the engine's own notion of disagreement (agreement `a = 1 − |v − p|/2`
 * between a voter and a party), applied between pupils, so "divided" means what "disagree"
 * means everywhere else in the app: two pupils picked at random agree on average 1 − D/2. It
 * uses how far apart answers are (helt för against helt emot is more divided than delvis för
 * against varken för eller emot), which a share on the minority side would ignore, and it
 * counts neutral answers. Pairing with replacement makes D depend only on the shares of the
 * answers, not on how many pupils answered, so statements with different numbers of skips
 * compare fairly. Skips do not count, as in the engine; "viktigt för mig" does not change how
 * divided the class was.
 *
 * @param counts a statement's counts (only the five answer counts are read).
 * @returns null when nobody answered ("cannot tell", not "not divided").
 */
export function divisiveness(counts: Readonly<Record<AnswerKey, number>>): Divisiveness | null {
  const answered = ANSWER_KEYS.reduce((sum, key) => sum + counts[key], 0);
  if (answered === 0) return null;
  let numerator = 0;
  for (const a of ANSWER_KEYS)
    for (const b of ANSWER_KEYS)
      numerator += counts[a] * counts[b] * Math.abs(HALF_STEPS[a] - HALF_STEPS[b]);
  const exact: Fraction = { numerator, denominator: 2 * answered * answered };
  return {
    value: numerator / exact.denominator,
    exact,
    percent: percentHalfUp(numerator, exact.denominator),
    answered,
  };
}

/**
 * Statement ids ordered from the most divided to the least ({@link divisiveness}, compared
 * exactly), then those nobody answered; equal values keep the order given, so ties read in
 * compass order.
 *
 * @param statements counts per statement id, as in a class result.
 * @param order the ids to order, normally the compass's statements in compass order.
 * @throws RangeError when an id of `order` has no counts.
 */
export function byDivisiveness(
  statements: Readonly<Record<string, StatementCounts>>,
  order: readonly string[],
): string[] {
  const rows = order.map((id) => {
    if (!Object.hasOwn(statements, id)) throw new RangeError(`statement "${id}" has no counts`);
    return { id, d: divisiveness(statements[id]!) };
  });
  // Exact comparison by cross-multiplying. The products reach 4·m⁴ and pass 2^53 from about
  // 7 000 answering pupils, hence BigInt. Array.prototype.sort is stable: ties stay in `order`.
  return rows
    .sort((x, y) => {
      if (x.d === null || y.d === null) return (x.d === null ? 1 : 0) - (y.d === null ? 1 : 0);
      const left = BigInt(y.d.exact.numerator) * BigInt(x.d.exact.denominator);
      const right = BigInt(x.d.exact.numerator) * BigInt(y.d.exact.denominator);
      return left > right ? 1 : left < right ? -1 : 0;
    })
    .map((row) => row.id);
}
