/**
 * Randomized response, the part that runs in the pupil's browser. Each answer becomes one of four
 * categories, and each category is sent truthfully only with a known probability: no sent
 * category proves what the pupil answered, whoever reads it (the teacher, the operator, anyone
 * with a copy of the database). The service counts what it receives and estimates the class's
 * shares from many submissions (`randomized-estimate.ts`). docs/method.md, "Classroom rounds with
 * randomized response", gives the reasoning and the numbers.
 *
 * Imports only types, so the pupil's page can bundle this file without the matching engine.
 */
import type { Answer, Voter } from '../scoring/index.ts';

/**
 * The four categories a pupil's answer to a statement is sent as, in this order:
 * - `emot`: −1 helt emot or −½ delvis emot;
 * - `varken`: 0 varken för eller emot;
 * - `for`: +½ delvis för or +1 helt för;
 * - `hoppade-over`: skipped, or not reached (no answer at all).
 *
 * Three answer categories rather than five points: at the same ε, K categories need
 * p = K / (K + 6), so six categories (five points and a skip) would need p = 0.5 and every
 * estimate would be noisier (docs/method.md).
 */
export const CATEGORIES = ['emot', 'varken', 'for', 'hoppade-over'] as const;

/** One of {@link CATEGORIES}. */
export type Category = (typeof CATEGORIES)[number];

/**
 * The probability p that the browser replaces a category by one drawn uniformly from all four
 * (the true one included). With p = 0.4 the sent category is the true one with probability
 * 1 − p + p/4 = 0.7, and each other category is sent with probability p/4 = 0.1, so ε = ln 7 ≈ 1.95
 * per statement ({@link privacyLoss}).
 */
export const RANDOMIZATION_P = 0.4;

/**
 * A source of uniform random integers: `random(bound)` is an integer 0..bound − 1, each equally
 * likely, independent of every other call. The browser builds one with
 * {@link uniformFromRandomValues} on `crypto.getRandomValues`; tests pass a seeded one.
 */
export type RandomInt = (bound: number) => number;

/** A pupil's submission: one category per statement of the compass, after randomization. */
export interface RandomizedSubmission {
  /** The p the categories were randomized with ({@link RANDOMIZATION_P}). */
  readonly p: number;
  /** Every statement id of the compass, each with the category sent. */
  readonly categories: Readonly<Record<string, Category>>;
}

/** p is drawn in hundredths, so that one integer draw decides it exactly (no float threshold). */
export const P_STEPS = 100;

/**
 * p as a whole number of hundredths, 0..99.
 *
 * @throws RangeError when p is not one of 0, 0.01, …, 0.99: p = 1 would send pure noise, from
 *   which nothing can be estimated (the estimator divides by 1 − p).
 */
export function pInHundredths(p: number): number {
  const steps = Math.round(p * P_STEPS);
  if (!(p >= 0 && p < 1) || Math.abs(p * P_STEPS - steps) > 1e-9)
    throw new RangeError(`p must be a whole number of hundredths in 0..0.99, not ${String(p)}`);
  return steps;
}

/** The probability that the sent category is the true one: 1 − p + p/4 (0.7 for p = 0.4). */
export const truthfulProbability = (p: number): number => 1 - p + p / 4;

/**
 * ε per statement: the largest ratio, over any sent category, between its probability under two
 * different true categories is (1 − p + p/4) / (p/4), and ε is its logarithm. For p = 0.4:
 * ln(0.7 / 0.1) = ln 7 ≈ 1.9459. Infinity for p = 0 (the truth is sent).
 */
export const privacyLoss = (p: number): number => Math.log(truthfulProbability(p) / (p / 4));

/**
 * The category of an answer: −1 and −½ `emot`, 0 `varken`, ½ and 1 `for`; a skip or no answer at
 * all (a statement the pupil did not reach) `hoppade-over`.
 */
export function categoryOf(answer: Answer | undefined): Category {
  if (answer === undefined || answer === 'skip') return 'hoppade-over';
  return answer < 0 ? 'emot' : answer > 0 ? 'for' : 'varken';
}

/** Draws per call of {@link randomizeCategory}: 4 · 100, so that both steps come from one draw. */
const DRAW_BOUND = CATEGORIES.length * P_STEPS;

/**
 * The category to send for a true category: with probability p one of the four drawn uniformly
 * (the true one can be drawn again), otherwise the true one. One draw r, uniform on 0..399: when
 * r < 4 · 100p (probability p) the category is `CATEGORIES[r mod 4]`, uniform because 4 · 100p is
 * a multiple of 4; otherwise the truth. Exact: no float is compared with p.
 *
 * @param truth the pupil's true category ({@link categoryOf}).
 * @param p {@link RANDOMIZATION_P} in the app; any whole number of hundredths in 0..0.99.
 * @param random a uniform source ({@link uniformFromRandomValues} in the browser).
 * @throws RangeError for a p that is not a whole number of hundredths below 1, a truth that is not
 *   a category, or a source that returns something other than an integer 0..399.
 */
export function randomizeCategory(truth: Category, p: number, random: RandomInt): Category {
  const steps = pInHundredths(p);
  if (!CATEGORIES.includes(truth)) throw new RangeError(`"${String(truth)}" is not a category`);
  const r = random(DRAW_BOUND);
  if (!Number.isInteger(r) || r < 0 || r >= DRAW_BOUND)
    throw new RangeError(`the random source returned ${String(r)} for a bound of ${DRAW_BOUND}`);
  return r < CATEGORIES.length * steps ? CATEGORIES[r % CATEGORIES.length]! : truth;
}

/**
 * What the pupil's browser sends: every statement of the compass, in compass order, as its
 * randomized category. A statement the pupil skipped or did not reach is `hoppade-over` and is
 * randomized like the rest, so that sending proves nothing about how far the pupil got. "Viktigt
 * för mig" is not sent at all (docs/method.md says why); neither is anything but the categories
 * and p.
 *
 * @param statements the compass's statements (only the ids are read), in compass order.
 * @param answers the pupil's answers by statement id, as the quiz keeps them; ids that are not in
 *   `statements` are ignored.
 * @param p {@link RANDOMIZATION_P}.
 * @param random a uniform source; one draw per statement.
 */
export function randomizedSubmission(
  statements: readonly { readonly id: string }[],
  answers: Voter['answers'],
  p: number,
  random: RandomInt,
): RandomizedSubmission {
  pInHundredths(p); // checked before any draw, even with no statements
  return {
    p,
    // fromEntries defines own properties, so an id "__proto__" stays a plain key.
    categories: Object.fromEntries(
      statements.map(({ id }) => {
        // Own properties only: an id such as "constructor" must not read Object.prototype.
        const given = Object.hasOwn(answers, id) ? answers[id] : undefined;
        return [id, randomizeCategory(categoryOf(given?.answer), p, random)];
      }),
    ),
  };
}

/** 2³²: the number of values of one 32-bit word. */
const WORD = 2 ** 32;

/**
 * Words drawn for one value before the source is declared broken. A word is rejected with
 * probability (2³² mod bound) / 2³² < ½, so a working source fails 64 times in a row with
 * probability below 2⁻⁶⁴; running out means a source that returns only unusable words.
 */
const MAX_DRAWS = 64;

/**
 * A {@link RandomInt} built on a source of uniform 32-bit words in the shape of the Web Crypto
 * API's `crypto.getRandomValues` (the browser passes `(a) => crypto.getRandomValues(a)`; no DOM
 * type is needed here). Unbiased by rejection sampling: a word w is used only when
 * w < 2³² − (2³² mod bound), a multiple of bound, so every value 0..bound − 1 has exactly
 * ⌊2³² / bound⌋ words; `w mod bound` alone would favour the small values whenever bound does not
 * divide 2³².
 *
 * @param getRandomValues fills the array it is given with uniform random words and returns it.
 * @returns a source whose `random(bound)` takes an integer bound 1..2³².
 */
export function uniformFromRandomValues(
  getRandomValues: (array: Uint32Array) => Uint32Array,
): RandomInt {
  return (bound) => {
    if (!Number.isInteger(bound) || bound < 1 || bound > WORD)
      throw new RangeError(`a bound must be an integer 1..2^32, not ${String(bound)}`);
    const limit = WORD - (WORD % bound);
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      const word = getRandomValues(new Uint32Array(1))[0];
      if (word === undefined) throw new Error('the random source returned an empty array');
      if (word < limit) return word % bound;
    }
    throw new Error(`the random source gave no usable word in ${MAX_DRAWS} draws`);
  };
}
