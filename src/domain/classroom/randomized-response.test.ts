import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandomValues } from '../../test/seeded-words.ts';
import type { Answer, VoterAnswer } from '../scoring/index.ts';
import {
  CATEGORIES,
  type Category,
  categoryOf,
  privacyLoss,
  type RandomInt,
  RANDOMIZATION_P,
  randomizeCategory,
  randomizedSubmission,
  truthfulProbability,
  uniformFromRandomValues,
} from './randomized-response.ts';

/**
 * z for the statistical checks: a correct implementation fails one of them with probability
 * about 7 · 10⁻⁶. Every source is seeded, so each check passes or fails the same way every run.
 */
const Z = 4.5;

/** A source that answers the given draws in order, and counts how many it was asked for. */
function scripted(draws: readonly number[]): RandomInt & { calls: () => number } {
  let i = 0;
  const random = (bound: number) => {
    const r = draws[i++];
    if (r === undefined || r >= bound) throw new Error(`no scripted draw below ${bound}`);
    return r;
  };
  return Object.assign(random, { calls: () => i });
}

/** A getRandomValues that hands out the given words, one per call, and counts them. */
function words(list: readonly number[]) {
  let i = 0;
  const source = (array: Uint32Array) => {
    for (let k = 0; k < array.length; k++) {
      const word = list[i++];
      if (word === undefined) throw new Error('out of scripted words');
      array[k] = word;
    }
    return array;
  };
  return Object.assign(source, { used: () => i });
}

describe('categories', () => {
  it('puts each answer in its category; a skip or no answer is hoppade-over', () => {
    const answers: (Answer | undefined)[] = [-1, -0.5, 0, 0.5, 1, 'skip', undefined];
    expect(answers.map(categoryOf)).toEqual([
      'emot',
      'emot',
      'varken',
      'for',
      'for',
      'hoppade-over',
      'hoppade-over',
    ]);
    expect(CATEGORIES).toEqual(['emot', 'varken', 'for', 'hoppade-over']);
  });

  it('sends the truth with probability 0.7 at p = 0.4, so ε = ln 7 ≈ 1.95', () => {
    expect(RANDOMIZATION_P).toBe(0.4);
    expect(truthfulProbability(RANDOMIZATION_P)).toBeCloseTo(0.7, 15);
    expect(privacyLoss(RANDOMIZATION_P)).toBeCloseTo(Math.log(7), 12);
    expect(privacyLoss(RANDOMIZATION_P)).toBeCloseTo(1.9459, 4);
  });
});

describe('randomizeCategory', () => {
  it('gives exactly the randomized-response distribution over all 400 draws, for every p', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(...CATEGORIES),
        (steps, truth) => {
          const p = steps / 100;
          const sent = new Map<Category, number>(CATEGORIES.map((c) => [c, 0]));
          for (let r = 0; r < 400; r++) {
            const category = randomizeCategory(truth, p, scripted([r]));
            sent.set(category, sent.get(category)! + 1);
          }
          // Out of 400 equally likely draws: 400·(1 − p) keep the truth, and the 400·p that
          // randomize give each category 100·p, the truth included.
          for (const c of CATEGORIES)
            expect(sent.get(c)).toBe(c === truth ? 400 - 4 * steps + steps : steps);
        },
      ),
      { seed: 0x5eed, numRuns: 200 },
    );
    // p = 0.4: 280 of 400 draws send the truth (0.7), 40 each of the others (0.1).
    const truthKept = Array.from({ length: 400 }, (_, r) =>
      randomizeCategory('varken', 0.4, scripted([r])),
    ).filter((c) => c === 'varken').length;
    expect(truthKept).toBe(280);
  });

  it('keeps the truth at the rate 0.7 with a seeded source (binomial tolerance)', () => {
    const random = uniformFromRandomValues(seededRandomValues(2026));
    const trials = 200_000;
    const sent = new Map<string, number>();
    for (let i = 0; i < trials; i++) {
      const truth = CATEGORIES[i % 4]!;
      const category = randomizeCategory(truth, RANDOMIZATION_P, random);
      const key = category === truth ? 'truth' : 'other';
      sent.set(key, (sent.get(key) ?? 0) + 1);
    }
    const rate = sent.get('truth')! / trials;
    const se = Math.sqrt((0.7 * 0.3) / trials);
    expect(Math.abs(rate - 0.7)).toBeLessThanOrEqual(Z * se);
    // The check can fail: keeping the truth with probability 1 − p = 0.6 (forgetting that the
    // draw can return it) is 0.1 away, far outside the tolerance.
    expect(Z * se).toBeLessThan(0.01);
  });

  it('refuses a p it cannot draw exactly, a bad truth and a broken source', () => {
    const any = scripted([0]);
    for (const p of [-0.1, 1, 1.5, 0.405, Number.NaN])
      expect(() => randomizeCategory('emot', p, any)).toThrow(RangeError);
    expect(() => randomizeCategory('ja' as Category, 0.4, any)).toThrow(RangeError);
    for (const bad of [400, -1, 1.5, Number.NaN])
      expect(() => randomizeCategory('emot', 0.4, () => bad)).toThrow(RangeError);
  });
});

describe('uniformFromRandomValues', () => {
  const WORD = 2 ** 32;

  it('uses a word below the largest multiple of the bound, and rejects every word from it on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: WORD }),
        fc.nat({ max: WORD - 1 }),
        fc.nat({ max: WORD - 1 }),
        (bound, a, b) => {
          const limit = WORD - (WORD % bound);
          // The largest accepted word gives bound − 1: the accepted words 0..limit − 1 are whole
          // cycles of 0..bound − 1, so every value has exactly limit / bound words.
          expect(uniformFromRandomValues(words([limit - 1]))(bound)).toBe(bound - 1);
          // The smallest rejected word is limit: there are exactly 2³² mod bound of them.
          if (limit < WORD) {
            const rejected = limit + (a % (WORD - limit));
            const source = words([limit, rejected, b % limit]);
            expect(uniformFromRandomValues(source)(bound)).toBe((b % limit) % bound);
            expect(source.used()).toBe(3);
          }
          const source = words([a % limit]);
          expect(uniformFromRandomValues(source)(bound)).toBe((a % limit) % bound);
          expect(source.used()).toBe(1);
        },
      ),
      { seed: 0x5eed, numRuns: 500 },
    );
  });

  it('treats the edges right: 2³² − 1 is rejected for 3 and for 400, never for 2³²', () => {
    // 2³² mod 3 = 1 and 2³² mod 400 = 96: the top 1 and 96 words are thrown away.
    expect(uniformFromRandomValues(words([WORD - 1, 5]))(3)).toBe(2);
    expect(uniformFromRandomValues(words([WORD - 2]))(3)).toBe((WORD - 2) % 3);
    expect(uniformFromRandomValues(words([WORD - 96, 401]))(400)).toBe(1);
    expect(uniformFromRandomValues(words([WORD - 97]))(400)).toBe(399);
    expect(uniformFromRandomValues(words([WORD - 1]))(WORD)).toBe(WORD - 1);
    expect(uniformFromRandomValues(words([12345]))(1)).toBe(0);
  });

  it('draws each value equally often from a seeded source (binomial tolerance)', () => {
    const random = uniformFromRandomValues(seededRandomValues(7));
    const draws = 90_000;
    for (const bound of [3, 5, 400]) {
      const counts = new Array<number>(bound).fill(0);
      for (let i = 0; i < draws; i++) counts[random(bound)]!++;
      const q = 1 / bound;
      const se = Math.sqrt(draws * q * (1 - q));
      for (const count of counts) expect(Math.abs(count - draws * q)).toBeLessThanOrEqual(Z * se);
    }
  });

  it('fails loudly on a broken source or a bad bound instead of looping or biasing', () => {
    const broken = () => new Uint32Array([WORD - 1]);
    expect(() => uniformFromRandomValues(broken)(3)).toThrow(/no usable word/);
    expect(() => uniformFromRandomValues(() => new Uint32Array(0))(3)).toThrow(/empty/);
    const random = uniformFromRandomValues(words([0]));
    for (const bound of [0, -1, 2.5, WORD + 1, Number.NaN])
      expect(() => random(bound)).toThrow(RangeError);
  });
});

describe('randomizedSubmission', () => {
  const statements = [{ id: 's1' }, { id: 's2' }, { id: 's3' }, { id: 'constructor' }];
  const answers: Record<string, VoterAnswer> = {
    s1: { answer: 1, important: true },
    s2: { answer: 'skip' },
    other: { answer: -1 },
  };

  it('sends every statement of the compass, in compass order, and nothing else', () => {
    const random = scripted([399, 399, 399, 399]); // r ≥ 160: every truth kept
    const sent = randomizedSubmission(statements, answers, RANDOMIZATION_P, random);
    expect(sent).toStrictEqual({
      p: 0.4,
      categories: {
        s1: 'for',
        s2: 'hoppade-over',
        s3: 'hoppade-over',
        constructor: 'hoppade-over',
      },
    });
    expect(Object.keys(sent.categories)).toEqual(['s1', 's2', 's3', 'constructor']);
    expect(random.calls()).toBe(4); // one draw per statement, the unreached ones included
  });

  it('randomizes skipped and unreached statements like answered ones', () => {
    // Draws 0, 1, 2, 3 are below 4·40 = 160: categories 0..3 whatever the truth.
    const sent = randomizedSubmission(statements, answers, RANDOMIZATION_P, scripted([0, 1, 2, 3]));
    expect(Object.values(sent.categories)).toEqual(['emot', 'varken', 'for', 'hoppade-over']);
  });

  it('sends the true categories with p = 0, whatever the draws', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 399 }), { minLength: 4, maxLength: 4 }), (draws) => {
        const sent = randomizedSubmission(statements, answers, 0, scripted(draws));
        expect(sent.categories).toStrictEqual({
          s1: 'for',
          s2: 'hoppade-over',
          s3: 'hoppade-over',
          constructor: 'hoppade-over',
        });
      }),
      { seed: 0x5eed, numRuns: 50 },
    );
  });

  it('checks p before drawing anything', () => {
    expect(() => randomizedSubmission([], {}, 0.5001, scripted([]))).toThrow(RangeError);
  });
});

describe('seededRandomValues', () => {
  it('repeats its words for a seed and differs between seeds', () => {
    const take = (seed: number) => Array.from(seededRandomValues(seed)(new Uint32Array(8)));
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
    expect(new Set(take(3)).size).toBe(8);
  });
});
