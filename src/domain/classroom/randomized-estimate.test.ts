import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import { seededRandomValues } from '../../test/seeded-words.ts';
import type { CategoryCounts, RandomizedCounters } from './randomized-counters.ts';
import {
  ANSWERED_THRESHOLD,
  CATEGORY_POSITIONS,
  estimateShare,
  estimateStatement,
  MIN_SUBMISSIONS,
  randomizedClassResult,
} from './randomized-estimate.ts';
import {
  CATEGORIES,
  type Category,
  type RandomInt,
  RANDOMIZATION_P,
  randomizeCategory,
  uniformFromRandomValues,
} from './randomized-response.ts';

/**
 * z for the statistical checks: a correct estimator fails one of them with probability about
 * 7 · 10⁻⁶. Every source is seeded, so each check passes or fails the same way every run.
 */
const Z = 4.5;

const zero = (): Record<Category, number> => ({ emot: 0, varken: 0, for: 0, 'hoppade-over': 0 });

/** What a class of these true categories sends, randomized with p. */
function sent(truths: readonly Category[], p: number, random: RandomInt): CategoryCounts {
  const counts = zero();
  for (const truth of truths) counts[randomizeCategory(truth, p, random)]++;
  return counts;
}

/** Mean and sample variance (n − 1) of a list. */
function moments(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/**
 * The tolerance for a sample variance of R draws of a variable with variance σ² and fourth
 * central moment μ4: z times the SE of the sample variance, √((μ4 − σ⁴·(R − 3)/(R − 1)) / R).
 */
const varianceTolerance = (sigma2: number, mu4: number, R: number): number =>
  Z * Math.sqrt((mu4 - (sigma2 ** 2 * (R - 3)) / (R - 1)) / R);

describe('estimateShare', () => {
  it('is (o/n − p/4) / (1 − p), with SE √(π̂(1 − π̂)/n) / (1 − p)', () => {
    // n = 20, p = 0.4: about 2 per category are noise and 12 sent the truth: T̂ = (o − 2) / 12.
    expect(estimateShare(14, 20, 0.4).estimate).toBe(1);
    expect(estimateShare(8, 20, 0.4).estimate).toBe(0.5);
    expect(estimateShare(1, 20, 0.4).estimate).toBeCloseTo(-1 / 12, 15);
    expect(estimateShare(20, 20, 0.4).estimate).toBe(1.5); // all sent it: above 1
    expect(estimateShare(14, 20, 0.4).standardError).toBeCloseTo(
      Math.sqrt((0.7 * 0.3) / 20) / 0.6,
      15,
    );
    expect(estimateShare(0, 20, 0.4).standardError).toBe(0);
  });

  it('refuses counts that are not counts and a p it cannot use', () => {
    expect(() => estimateShare(3, 0, 0.4)).toThrow(RangeError);
    expect(() => estimateShare(11, 10, 0.4)).toThrow(RangeError);
    expect(() => estimateShare(1.5, 10, 0.4)).toThrow(RangeError);
    expect(() => estimateShare(1, 10, 1)).toThrow(RangeError);
  });

  it('has the SEs the ten-submission rule quotes (p = 0.4)', () => {
    // SE at the true π = 0.6·t + 0.1, for a true share t: least at t = 0 (π = 0.1), most at
    // t = ⅔ (π = ½).
    const se = (t: number, n: number) => {
      const pi = 0.6 * t + 0.1;
      return Math.sqrt((pi * (1 - pi)) / n) / 0.6;
    };
    expect(MIN_SUBMISSIONS).toBe(10);
    expect(se(0, 9)).toBeCloseTo(1 / 6, 12); // 16.7 points
    expect(se(2 / 3, 9)).toBeCloseTo(5 / 18, 12); // 27.8 points
    expect(se(0.089, 9)).toBeGreaterThan(0.2); // above 20 points from a true share of 9 %
    expect(se(0.088, 9)).toBeLessThan(0.2);
    expect(se(0, 10)).toBeCloseTo(0.1581, 4);
    expect(se(2 / 3, 10)).toBeCloseTo(0.2635, 4);
    expect(se(0, 25)).toBeCloseTo(0.1, 12);
    expect(se(2 / 3, 25)).toBeCloseTo(1 / 6, 12);
    // The same SE as estimateShare's at the expected count.
    expect(estimateShare(5, 10, 0.4).standardError).toBeCloseTo(se(2 / 3, 10), 12);
  });
});

describe('the estimator against simulated classes', () => {
  const R = 2000;

  it('is unbiased, and its SE is the spread of the estimates (pupils drawn at random)', () => {
    // Each pupil's true category is drawn from the shares t, so each sent category is drawn
    // with π = (1 − p)·t + p/4 and a count is exactly binomial(n, π).
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_SUBMISSIONS, max: 40 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom(0.2, 0.4, 0.6),
        fc.nat(),
        (n, weights, p, seed) => {
          fc.pre(weights.some((w) => w > 0));
          const total = weights.reduce((a, b) => a + b, 0);
          const random = uniformFromRandomValues(seededRandomValues(seed));
          const draw = (): Category => {
            let r = random(total);
            for (let c = 0; ; c++) if ((r -= weights[c]!) < 0) return CATEGORIES[c]!;
          };
          const rounds = Array.from({ length: R }, () => {
            const counts = sent(Array.from({ length: n }, draw), p, random);
            return CATEGORIES.map((c) => estimateShare(counts[c], n, p));
          });
          CATEGORIES.forEach((_, c) => {
            const t = weights[c]! / total;
            const pi = (1 - p) * t + p / 4;
            const pq = pi * (1 - pi);
            const scale = n * (1 - p); // T̂ = (o − n·p/4) / scale
            const sigma2 = (n * pq) / scale ** 2;
            const mu4 = (n * pq * (1 + 3 * (n - 2) * pq)) / scale ** 4;
            const estimates = moments(rounds.map((r) => r[c]!.estimate));
            expect(Math.abs(estimates.mean - t)).toBeLessThanOrEqual(Z * Math.sqrt(sigma2 / R));
            expect(Math.abs(estimates.variance - sigma2)).toBeLessThanOrEqual(
              varianceTolerance(sigma2, mu4, R),
            );
            // The SE each round reports: E[π̂(1 − π̂)] = π(1 − π)·(1 − 1/n), so its square
            // averages σ²·(1 − 1/n).
            const reported = moments(rounds.map((r) => r[c]!.standardError ** 2));
            expect(Math.abs(reported.mean - sigma2 * (1 - 1 / n))).toBeLessThanOrEqual(
              Z * Math.sqrt(reported.variance / R) + 1e-15,
            );
          });
        },
      ),
      { seed: 0x5eed, numRuns: 15 },
    );
  });

  it('is unbiased for a fixed class too, where the SE formula errs on the safe side', () => {
    // A class of 25 whose true categories are fixed: 10 for, 8 emot, 5 varken, 2 skipped. Now
    // only the randomization varies: each pupil sends the truth with a = 0.7 and each other
    // category with b = 0.1, so Var(o_c) = m·a(1 − a) + (n − m)·b(1 − b) for m pupils in c,
    // which is at most the binomial n·π(1 − π) (equal when all or none are in c).
    const truths: Category[] = [
      ...Array<Category>(10).fill('for'),
      ...Array<Category>(8).fill('emot'),
      ...Array<Category>(5).fill('varken'),
      ...Array<Category>(2).fill('hoppade-over'),
    ];
    const n = truths.length;
    const p = RANDOMIZATION_P;
    const random = uniformFromRandomValues(seededRandomValues(25));
    const rounds = Array.from({ length: 2 * R }, () => sent(truths, p, random));
    for (const c of CATEGORIES) {
      const m = truths.filter((truth) => truth === c).length;
      const t = m / n;
      const pqs = [...Array<number>(m).fill(0.7 * 0.3), ...Array<number>(n - m).fill(0.1 * 0.9)];
      // Cumulants of a sum of independent Bernoulli variables add: κ2 = Σ pq,
      // κ4 = Σ pq(1 − 6pq), and μ4 = κ4 + 3κ2².
      const k2 = pqs.reduce((a, b) => a + b, 0);
      const k4 = pqs.reduce((a, pq) => a + pq * (1 - 6 * pq), 0);
      const scale = n * (1 - p);
      const sigma2 = k2 / scale ** 2;
      const mu4 = (k4 + 3 * k2 ** 2) / scale ** 4;
      const estimates = moments(rounds.map((counts) => estimateShare(counts[c], n, p).estimate));
      expect(Math.abs(estimates.mean - t)).toBeLessThanOrEqual(Z * Math.sqrt(sigma2 / (2 * R)));
      expect(Math.abs(estimates.variance - sigma2)).toBeLessThanOrEqual(
        varianceTolerance(sigma2, mu4, 2 * R),
      );
      const pi = (1 - p) * t + p / 4;
      expect(sigma2).toBeLessThanOrEqual((pi * (1 - pi)) / n / (1 - p) ** 2 + 1e-15);
    }
  });

  it('has tolerances tight enough to catch a wrong estimator', () => {
    // 20 pupils who all answered "for", p = 0.4: each round sends "for" with π = 0.7. The raw
    // observed share o/n (no correction for the noise) averages 0.7, not the true 1, and an SE
    // without the 1/(1 − p) factor is 0.6 times the real spread.
    const n = 20;
    const random = uniformFromRandomValues(seededRandomValues(3));
    const rounds = Array.from({ length: R }, () => sent(Array(n).fill('for'), 0.4, random));
    const sigma2 = (0.7 * 0.3) / n / 0.36;
    const mu4 = (n * 0.21 * (1 + 3 * (n - 2) * 0.21)) / (n * 0.6) ** 4;
    const corrected = moments(rounds.map((c) => estimateShare(c.for, n, 0.4).estimate));
    const naive = moments(rounds.map((c) => c.for / n));
    const tolerance = Z * Math.sqrt(sigma2 / R);
    expect(Math.abs(corrected.mean - 1)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(naive.mean - 1)).toBeGreaterThan(tolerance);
    const wrongSigma2 = sigma2 * 0.36;
    expect(Math.abs(corrected.variance - sigma2)).toBeLessThanOrEqual(
      varianceTolerance(sigma2, mu4, R),
    );
    expect(Math.abs(corrected.variance - wrongSigma2)).toBeGreaterThan(
      varianceTolerance(sigma2, mu4, R),
    );
  });
});

/** Arbitrary counts of one statement: four counts summing to n ≥ 1. */
const countsArb = fc
  .array(fc.nat({ max: 30 }), { minLength: 4, maxLength: 4 })
  .filter((xs) => xs.some((x) => x > 0))
  .map(([emot, varken, f, skipped]) => ({
    counts: { emot: emot!, varken: varken!, for: f!, 'hoppade-over': skipped! },
    n: emot! + varken! + f! + skipped!,
  }));

describe('estimateStatement', () => {
  it('shows the estimates clamped at 0 and renormalised, and the profile position', () => {
    fc.assert(
      fc.property(countsArb, fc.constantFrom(0.2, 0.4, 0.6), ({ counts, n }, p) => {
        const result = estimateStatement(counts, n, p);
        const raw = CATEGORIES.map((c) => estimateShare(counts[c], n, p).estimate);
        expect(raw.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12); // the four T̂ sum to 1
        const clamped = raw.map((t) => Math.max(0, t));
        const sum = clamped.reduce((a, b) => a + b, 0);
        CATEGORIES.forEach((c, i) => {
          const shown = result.categories[c];
          expect(shown.observed).toBe(counts[c]);
          expect(shown.estimate).toBe(raw[i]);
          expect(shown.share).toBeCloseTo(clamped[i]! / sum, 12);
          expect(shown.share).toBeGreaterThanOrEqual(0);
          expect(shown.share).toBeLessThanOrEqual(1);
          expect(Math.abs(shown.sharePercent - 100 * shown.share)).toBeLessThanOrEqual(0.5);
        });
        const answeredShare = 1 - result.categories['hoppade-over'].share;
        if (Math.abs(answeredShare - ANSWERED_THRESHOLD) > 1e-9)
          expect(result.answered).toBe(answeredShare >= ANSWERED_THRESHOLD);
        if (!result.answered) {
          expect(result.position).toBeNull();
          expect(result.exactPosition).toBeNull();
          return;
        }
        const expected =
          (CATEGORY_POSITIONS.emot * result.categories.emot.share +
            CATEGORY_POSITIONS.varken * result.categories.varken.share +
            CATEGORY_POSITIONS.for * result.categories.for.share) /
          answeredShare;
        expect(result.position).toBeCloseTo(expected, 12);
        expect(Math.abs(result.position!)).toBeLessThanOrEqual(0.75);
        const { numerator, denominator } = result.exactPosition!;
        expect(numerator / denominator).toBe(result.position);
        const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
        expect(gcd(Math.abs(numerator), denominator)).toBe(1);
      }),
      { seed: 0x5eed, numRuns: 500 },
    );
  });

  it('counts a statement as answered from half the class on', () => {
    const at = (emot: number, varken: number, f: number, skipped: number) =>
      estimateStatement(
        { emot, varken, for: f, 'hoppade-over': skipped },
        emot + varken + f + skipped,
        0.4,
      );
    // n = 20: T̂ = (o − 2) / 12. Answered 6/12 and skipped 6/12: on the line, answered.
    expect(at(5, 4, 3, 8).answered).toBe(true);
    expect(at(5, 4, 3, 8).exactPosition).toEqual({ numerator: -1, denominator: 4 });
    // Answered 5/12, skipped 7/12: skipped by the class.
    expect(at(4, 4, 3, 9).answered).toBe(false);
    // No answer category above the noise n·p/4 = 2: nothing is left of the answers.
    expect(at(2, 2, 2, 14).answered).toBe(false);
    expect(at(1, 2, 2, 15).answered).toBe(false);
  });

  it('refuses counts that do not sum to n', () => {
    expect(() =>
      estimateStatement({ emot: 1, varken: 1, for: 1, 'hoppade-over': 1 }, 5, 0.4),
    ).toThrow(RangeError);
  });
});

describe('randomizedClassResult', () => {
  const compass = buildCompass({
    parties: [{ id: 'a' }],
    statements: [
      { id: 's1', stances: { a: { position: 1, confidence: 1, quotes: ['q'], rationale: '' } } },
    ],
  });
  const round = (n: number): RandomizedCounters => ({
    p: 0.4,
    submissions: n,
    statements: { s1: { emot: 0, varken: 0, for: n, 'hoppade-over': 0 } },
  });

  it('shows nothing while open and only the count below ten submissions', () => {
    expect(randomizedClassResult(compass, round(30), { open: true })).toStrictEqual({
      status: 'open',
    });
    for (let n = 0; n < MIN_SUBMISSIONS; n++)
      expect(randomizedClassResult(compass, round(n), { open: false })).toStrictEqual({
        submissions: n,
        withheld: 'too-few',
      });
    const shown = randomizedClassResult(compass, round(MIN_SUBMISSIONS), { open: false });
    expect(shown).toMatchObject({ compass: 'test', version: '1', submissions: 10, p: 0.4 });
    // All ten sent "for": T̂ = (10 − 1) / 6 = 1.5, shown as 100 %; position ¾ against the
    // party's +1: a = 1 − ¼/2 = 87.5 % → 88 % (half up).
    expect(shown).toMatchObject({
      statements: { s1: { categories: { for: { estimate: 1.5, share: 1, sharePercent: 100 } } } },
      profile: { answered: 1, parties: [{ party: 'a', percent: 88 }] },
    });
  });

  it('shows no party figures when the class skipped everything', () => {
    const skipped: RandomizedCounters = {
      p: 0.4,
      submissions: 10,
      statements: { s1: { emot: 1, varken: 1, for: 1, 'hoppade-over': 7 } },
    };
    expect(randomizedClassResult(compass, skipped, { open: false })).toMatchObject({
      profile: null,
    });
  });

  it('refuses counters that do not fit the compass', () => {
    const bad: RandomizedCounters[] = [
      { ...round(10), submissions: 11 },
      { ...round(10), p: 0.45 + 0.001 },
      { ...round(10), statements: {} },
      { ...round(10), statements: { ...round(10).statements, s2: zero() } },
      { ...round(10), statements: { s1: { ...zero(), for: 9.5, emot: 0.5 } } },
    ];
    for (const counters of bad)
      expect(() => randomizedClassResult(compass, counters, { open: false })).toThrow(RangeError);
  });
});
