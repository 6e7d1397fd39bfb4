import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatementCounts } from './counters.ts';
import { byDivisiveness, divisiveness } from './divisiveness.ts';

const counts = (given: Partial<StatementCounts>): StatementCounts => ({
  '-1': 0,
  '-0.5': 0,
  '0': 0,
  '0.5': 0,
  '1': 0,
  skip: 0,
  important: 0,
  ...given,
});

describe('divisiveness', () => {
  it('is 0 when everyone answered alike and 1 for an even split between the ends', () => {
    expect(divisiveness(counts({ '0.5': 7 }))).toEqual({
      value: 0,
      exact: { numerator: 0, denominator: 98 },
      percent: 0,
      answered: 7,
    });
    expect(divisiveness(counts({ '-1': 3, '1': 3 }))).toMatchObject({ value: 1, percent: 100 });
  });

  it('weighs how far apart the answers are, not only which side they are on', () => {
    // Half at −1 and half at 0: two pupils stand 1 apart half the time, D = ½.
    expect(divisiveness(counts({ '-1': 2, '0': 2 }))!.value).toBe(0.5);
    // The same split between the sides, but nearer each other, is less divided.
    const near = divisiveness(counts({ '-0.5': 2, '0.5': 2 }))!.value;
    const far = divisiveness(counts({ '-1': 2, '1': 2 }))!.value;
    expect(near).toBe(0.5);
    expect(near).toBeLessThan(far);
    // A 2-to-1 split between the ends: 2·2·1·2 / 9 = 8/9, rounded half up to 89 %.
    expect(divisiveness(counts({ '-1': 2, '1': 1 }))).toMatchObject({ percent: 89, answered: 3 });
  });

  it('ignores skips and importance, and is null when nobody answered', () => {
    const base = divisiveness(counts({ '-1': 1, '0.5': 3 }));
    expect(divisiveness(counts({ '-1': 1, '0.5': 3, skip: 9, important: 4 }))).toEqual(base);
    expect(divisiveness(counts({ skip: 5 }))).toBeNull();
  });

  it('agrees with the mean distance over every ordered pair of answers', () => {
    const countArb = fc.nat(12);
    fc.assert(
      fc.property(
        fc.record({
          '-1': countArb,
          '-0.5': countArb,
          '0': countArb,
          '0.5': countArb,
          '1': countArb,
        }),
        fc.integer({ min: 1, max: 4 }),
        (given, times) => {
          const answers = Object.entries(given).flatMap(([key, n]) =>
            Array<number>(n).fill(Number(key)),
          );
          const d = divisiveness(counts(given));
          if (answers.length === 0) return expect(d).toBeNull();
          let sum = 0;
          for (const x of answers) for (const y of answers) sum += Math.abs(x - y);
          expect(d!.value).toBeCloseTo(sum / answers.length ** 2, 12);
          expect(d!.value).toBeGreaterThanOrEqual(0);
          expect(d!.value).toBeLessThanOrEqual(1);
          expect(d!.answered).toBe(answers.length);
          // Only the shares matter: the same class `times` over is exactly as divided.
          const scaled = Object.fromEntries(
            Object.entries(given).map(([key, n]) => [key, n * times]),
          );
          expect(divisiveness(counts(scaled))!.value).toBeCloseTo(d!.value, 12);
        },
      ),
    );
  });
});

describe('byDivisiveness', () => {
  it('puts the most divided first, ties in the given order, nobody-answered last', () => {
    const statements = {
      calm: counts({ '1': 5 }),
      split: counts({ '-1': 2, '1': 2 }),
      empty: counts({ skip: 5 }),
      half: counts({ '-1': 1, '0': 1 }),
      // 2/4 of the way, with other numbers: an exact tie with `half`, 8/16 against 4/8.
      halfAgain: counts({ '-1': 2, '0': 2 }),
      alsoEmpty: counts({}),
    };
    expect(byDivisiveness(statements, Object.keys(statements))).toEqual([
      'split',
      'half',
      'halfAgain',
      'calm',
      'empty',
      'alsoEmpty',
    ]);
    expect(
      byDivisiveness(statements, ['alsoEmpty', 'halfAgain', 'calm', 'half', 'empty', 'split']),
    ).toEqual(['split', 'halfAgain', 'half', 'calm', 'alsoEmpty', 'empty']);
  });

  it('refuses an id without counts', () => {
    expect(() => byDivisiveness({ s1: counts({}) }, ['s1', 's2'])).toThrow(RangeError);
    expect(() => byDivisiveness({}, ['constructor'])).toThrow(RangeError);
  });
});
