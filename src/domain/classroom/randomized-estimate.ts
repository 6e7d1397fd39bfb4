/**
 * What the teacher may see of a randomized round: the class's estimated share of each category
 * per statement, with its standard error; the class profile (the estimated position on each
 * statement); and the profile's agreement with each party. Nothing while the round is open, and
 * nothing but the count below {@link MIN_SUBMISSIONS}. docs/method.md, "Classroom rounds with
 * randomized response", derives the formulas and works an example.
 */
import type { Compass } from '../bank/types.ts';
import { type ProfileScores, profileScores, type Ratio } from './class-profile.ts';
import type { CategoryCounts, RandomizedCounters } from './randomized-counters.ts';
import { CATEGORIES, type Category, P_STEPS, pInHundredths } from './randomized-response.ts';

/**
 * The fewest submissions for which a closed randomized round's figures are shown. The standard
 * error of a share is √(π(1 − π)/n) / (1 − p) with π = (1 − p)·t + p/4 for a true share t; for
 * p = 0.4, π lies in 0.1..0.7, so the SE lies between 1/(2√n) (t = 0) and 5/(6√n) (t = ⅔). At
 * n = 9 that is 16.7 to 27.8 percentage points, and more than 20 for every true share above 9 %
 * (with fewer pupils, more still): below 10 the figures are mostly noise. Even at 10 it is 15.8 to
 * 26.4 points, which is why every share comes with its SE. The privacy of each pupil rests on the randomization, not on
 * this rule.
 */
export const MIN_SUBMISSIONS = 10;

/**
 * The share of the class below which a statement counts as skipped by the class: its position is
 * left out of the profile (as a skip is left out of a pupil's result) when the estimated share
 * who answered it (emot + varken + för, as shown) is below one half, that is when the shown
 * share who skipped it is larger than the shown share who answered.
 */
export const ANSWERED_THRESHOLD = 0.5;

/**
 * Each answer category's place on the answer scale in the class profile, in quarters: the middle
 * of the two answers it stands for (emot: −1 and −½ → −¾; för: ½ and 1 → ¾; varken: 0).
 */
export const CATEGORY_POSITIONS: Readonly<Record<Exclude<Category, 'hoppade-over'>, number>> = {
  emot: -0.75,
  varken: 0,
  for: 0.75,
};
const QUARTERS = { emot: -3, varken: 0, for: 3 } as const;

/** The unbiased estimate of a true share and its standard error. */
export interface ShareEstimate {
  /**
   * T̂ = (o/n − p/4) / (1 − p): unbiased for the true share, but not bound to 0..1 (it is below 0
   * when fewer than n·p/4 sent the category, above 1 when nearly all did).
   */
  readonly estimate: number;
  /** SE = √(π̂·(1 − π̂)/n) / (1 − p), with π̂ = o/n the observed share. */
  readonly standardError: number;
}

/**
 * T̂ and its SE for one category of one statement.
 *
 * @param observed o, the submissions that sent the category, 0..n.
 * @param n the submissions, ≥ 1.
 * @param p the randomization probability, a whole number of hundredths below 1.
 * @throws RangeError for counts that are not integers with 0 ≤ o ≤ n, n ≥ 1, or a bad p.
 */
export function estimateShare(observed: number, n: number, p: number): ShareEstimate {
  const steps = pInHundredths(p);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be ≥ 1, not ${n}`);
  if (!Number.isSafeInteger(observed) || observed < 0 || observed > n)
    throw new RangeError(`an observed count must be 0..${n}, not ${observed}`);
  // With p = s/100: T̂ = (400·o − s·n) / (4·n·(100 − s)), one division of exact integers.
  const estimate = (4 * P_STEPS * observed - steps * n) / (4 * n * (P_STEPS - steps));
  const standardError =
    (Math.sqrt(observed * (n - observed)) / (n * Math.sqrt(n))) * (P_STEPS / (P_STEPS - steps));
  return { estimate, standardError };
}

/** One category of one statement as the teacher's view gets it. */
export interface CategoryEstimate extends ShareEstimate {
  /** o: submissions that sent this category (after randomization). */
  readonly observed: number;
  /**
   * The share shown: T̂ with negative estimates set to 0 and the four renormalised to sum to 1,
   * so 0..1. Exact: the clamped T̂ are proportional to max(0, 400·o − s·n).
   */
  readonly share: number;
  /** `share` as a whole percent, round half up of the exact fraction (the four may sum to 99–101). */
  readonly sharePercent: number;
}

/** One statement as the teacher's view gets it. */
export interface StatementEstimate {
  readonly categories: Readonly<Record<Category, CategoryEstimate>>;
  /** The shown share who answered (emot + varken + för) is at least {@link ANSWERED_THRESHOLD}. */
  readonly answered: boolean;
  /**
   * The class position, −0.75..0.75: the mean of the category positions
   * ({@link CATEGORY_POSITIONS}) weighted by the shown shares of the three answers; null when the
   * class is taken to have skipped the statement.
   */
  readonly position: number | null;
  /** `position` exactly. */
  readonly exactPosition: Ratio | null;
}

const gcd = (a: number, b: number): number => {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
};

/**
 * The estimate of one statement from its counts.
 *
 * @param counts the statement's four counts, summing to n.
 * @param n the round's submissions, ≥ 1.
 * @param p the round's p.
 * @throws RangeError when the counts are not whole numbers summing to n, or p is bad.
 */
export function estimateStatement(counts: CategoryCounts, n: number, p: number): StatementEstimate {
  const steps = pInHundredths(p);
  if (CATEGORIES.reduce((sum, c) => sum + counts[c], 0) !== n)
    throw new RangeError(`the four counts must sum to ${n}`);
  // Each T̂ is (400·o − s·n) / (4·n·(100 − s)): the same positive denominator for all four, so
  // the clamped and renormalised shares are the clamped numerators over their sum.
  const excess = (c: Category): number => Math.max(0, 4 * P_STEPS * counts[c] - steps * n);
  const total = CATEGORIES.reduce((sum, c) => sum + excess(c), 0); // > 0: the four T̂ sum to 1
  const categories = Object.fromEntries(
    CATEGORIES.map((c): [Category, CategoryEstimate] => [
      c,
      {
        observed: counts[c],
        ...estimateShare(counts[c], n, p),
        share: excess(c) / total,
        sharePercent: Math.floor((200 * excess(c) + total) / (2 * total)),
      },
    ]),
  ) as Record<Category, CategoryEstimate>;
  const answeredExcess = excess('emot') + excess('varken') + excess('for');
  // answered share ≥ ½ ⇔ answered ≥ total / 2, in integers.
  const answered = answeredExcess > 0 && 2 * answeredExcess >= total;
  if (!answered) return { categories, answered, position: null, exactPosition: null };
  // x = Σ position · share over the three answers = (¾·för − ¾·emot) / answered, in quarters.
  const numerator =
    QUARTERS.emot * excess('emot') +
    QUARTERS.varken * excess('varken') +
    QUARTERS.for * excess('for');
  const denominator = 4 * answeredExcess;
  const g = gcd(numerator, denominator);
  const exactPosition: Ratio = { numerator: numerator / g || 0, denominator: denominator / g };
  return {
    categories,
    answered,
    position: exactPosition.numerator / exactPosition.denominator,
    exactPosition,
  };
}

/** The round is still open: nothing but that. */
export interface OpenRound {
  readonly status: 'open';
}

/** The round is closed with fewer than {@link MIN_SUBMISSIONS} submissions: figures withheld. */
export interface RandomizedWithheld {
  /** Submissions counted, 0..{@link MIN_SUBMISSIONS} − 1. */
  readonly submissions: number;
  readonly withheld: 'too-few';
}

/** The figures of a closed randomized round with at least {@link MIN_SUBMISSIONS} submissions. */
export interface RandomizedClassFigures {
  readonly compass: string;
  readonly version: string;
  /** Submissions counted, ≥ {@link MIN_SUBMISSIONS}. */
  readonly submissions: number;
  /** The p the submissions were randomized with. */
  readonly p: number;
  /**
   * Per statement id of the compass, every statement present. Show them in compass order: a JSON
   * object puts numeric ids first.
   */
  readonly statements: Readonly<Record<string, StatementEstimate>>;
  /**
   * The class profile's agreement with each party ({@link profileScores}); null when the class is
   * taken to have skipped every statement.
   */
  readonly profile: ProfileScores | null;
}

/** A randomized round's result for the teacher: exactly one of the three shapes. */
export type RandomizedClassResult = OpenRound | RandomizedWithheld | RandomizedClassFigures;

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/**
 * The result of a randomized round for the teacher: `{ status: 'open' }` while open; closed with
 * fewer than {@link MIN_SUBMISSIONS} submissions only their number; otherwise the estimates of
 * every statement and the class profile's agreement with every party. Pure.
 *
 * @param compass the round's compass, of the version the counters were kept for.
 * @param counters the round's counters, the sum of its submissions' `randomizedDelta`s.
 * @throws RangeError when a closed round's counters do not fit the compass or contradict each
 *   other (a server fault, reported rather than shown as wrong figures).
 */
export function randomizedClassResult(
  compass: Compass,
  counters: RandomizedCounters,
  { open }: { readonly open: boolean },
): RandomizedClassResult {
  if (open) return { status: 'open' };
  const problem = countersProblem(compass, counters);
  if (problem !== null)
    throw new RangeError(
      `counters do not fit compass "${compass.id}" version "${compass.version}": ${problem}`,
    );
  const { submissions, p } = counters;
  if (submissions < MIN_SUBMISSIONS) return { submissions, withheld: 'too-few' };
  const statements = Object.fromEntries(
    compass.statements.map((s) => [
      s.id,
      estimateStatement(counters.statements[s.id]!, submissions, p),
    ]),
  );
  return {
    compass: compass.id,
    version: compass.version,
    submissions,
    p,
    statements,
    profile: profileScores(
      compass,
      Object.fromEntries(compass.statements.map((s) => [s.id, statements[s.id]!.exactPosition])),
    ),
  };
}

/** What is wrong with the counters for this compass, or null when they are consistent. */
function countersProblem(compass: Compass, counters: RandomizedCounters): string | null {
  const { submissions, p } = counters;
  if (!isCount(submissions)) return `submissions is ${String(submissions)}`;
  try {
    pInHundredths(p);
  } catch {
    return `p is ${String(p)}`;
  }
  const ids = new Set(compass.statements.map((s) => s.id));
  for (const id of Object.keys(counters.statements))
    if (!ids.has(id)) return `statement "${id}" is not in the compass`;
  for (const id of ids) {
    const c = Object.hasOwn(counters.statements, id) ? counters.statements[id] : undefined;
    if (c === undefined) return `statement "${id}" has no counts`;
    if (!CATEGORIES.every((category) => isCount(c[category])))
      return `statement "${id}" has a count that is not a whole number ≥ 0`;
    const sum = CATEGORIES.reduce((total, category) => total + c[category], 0);
    if (sum !== submissions)
      return `statement "${id}": the counts sum to ${sum}, not ${submissions}`;
  }
  return null;
}
