import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import { seededRandomValues } from '../../test/seeded-words.ts';
import { ClassroomError, type ClassroomErrorCode } from './classroom-error.ts';
import {
  addRandomizedCounters,
  emptyRandomizedCounters,
  type RandomizedCounters,
  randomizedDelta,
} from './randomized-counters.ts';
import {
  CATEGORIES,
  type Category,
  RANDOMIZATION_P,
  randomizedSubmission,
  uniformFromRandomValues,
} from './randomized-response.ts';

const compass = buildCompass({
  parties: [{ id: 'a' }],
  statements: [{ id: 's1' }, { id: 's2' }, { id: 's3' }],
});

const all = (category: Category) => ({ s1: category, s2: category, s3: category });

function refusal(submission: unknown): ClassroomErrorCode | 'accepted' {
  try {
    randomizedDelta(compass, submission);
    return 'accepted';
  } catch (error) {
    if (error instanceof ClassroomError) return error.code;
    throw error;
  }
}

describe('randomizedDelta', () => {
  it('counts one submission: one category per statement', () => {
    expect(
      randomizedDelta(compass, {
        p: 0.4,
        categories: { s1: 'emot', s2: 'for', s3: 'hoppade-over' },
      }),
    ).toStrictEqual({
      p: 0.4,
      submissions: 1,
      statements: {
        s1: { emot: 1, varken: 0, for: 0, 'hoppade-over': 0 },
        s2: { emot: 0, varken: 0, for: 1, 'hoppade-over': 0 },
        s3: { emot: 0, varken: 0, for: 0, 'hoppade-over': 1 },
      },
    });
  });

  it('accepts what the browser sends, after a JSON round trip', () => {
    const random = uniformFromRandomValues(seededRandomValues(11));
    for (let i = 0; i < 20; i++) {
      const sent = randomizedSubmission(compass.statements, {}, RANDOMIZATION_P, random);
      const delta = randomizedDelta(compass, JSON.parse(JSON.stringify(sent)));
      for (const { id } of compass.statements)
        expect(delta.statements[id]![sent.categories[id]!]).toBe(1);
    }
  });

  it('refuses anything but the randomized shape, with a stable code', () => {
    expect(refusal(null)).toBe('invalid-voter');
    expect(refusal([])).toBe('invalid-voter');
    expect(refusal({ categories: all('emot') })).toBe('invalid-voter'); // no p
    expect(refusal({ p: 0, categories: all('emot') })).toBe('wrong-randomization'); // the truth
    expect(refusal({ p: 0.5, categories: all('emot') })).toBe('wrong-randomization');
    expect(refusal({ p: '0.4', categories: all('emot') })).toBe('invalid-voter');
    expect(refusal({ answers: { s1: { answer: 1 } } })).toBe('outdated-submission');
    expect(refusal({ p: 0.4, categories: all('emot'), important: {} })).toBe('invalid-voter');
    expect(refusal({ p: 0.4, categories: [] })).toBe('invalid-voter');
    expect(refusal({ p: 0.4, categories: { s1: 'emot', s2: 'emot' } })).toBe('invalid-voter');
    expect(refusal({ p: 0.4, categories: { ...all('emot'), s4: 'emot' } })).toBe(
      'unknown-statement',
    );
    expect(refusal(JSON.parse('{"p":0.4,"categories":{"__proto__":"emot"}}'))).toBe(
      'unknown-statement',
    );
    expect(refusal({ p: 0.4, categories: { ...all('emot'), s2: 1 } })).toBe('invalid-answer');
    expect(refusal({ p: 0.4, categories: { ...all('emot'), s2: 'skip' } })).toBe('invalid-answer');
    // A category nested deeper than any recursion can go is refused, not a stack overflow.
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal({ p: 0.4, categories: { ...all('emot'), s2: deep } })).toBe('invalid-answer');
    expect(refusal({ p: 0.4, categories: all('varken') })).toBe('accepted');
  });
});

const countersArb: fc.Arbitrary<RandomizedCounters> = fc
  .array(fc.constantFrom(...CATEGORIES), { minLength: 3, maxLength: 3 })
  .map(([s1, s2, s3]) => randomizedDelta(compass, { p: 0.4, categories: { s1, s2, s3 } }));
const roundArb = fc
  .array(countersArb, { maxLength: 6 })
  .map((deltas) => deltas.reduce(addRandomizedCounters, emptyRandomizedCounters(compass)));

describe('addRandomizedCounters', () => {
  it('is associative and commutative, with the empty counters as neutral element', () => {
    fc.assert(
      fc.property(roundArb, roundArb, roundArb, (a, b, c) => {
        const add = addRandomizedCounters;
        expect(add(a, b)).toStrictEqual(add(b, a));
        expect(add(add(a, b), c)).toStrictEqual(add(a, add(b, c)));
        expect(add(a, emptyRandomizedCounters(compass))).toStrictEqual(a);
      }),
      { seed: 0x5eed, numRuns: 200 },
    );
  });

  it('keeps every statement summing to the submissions', () => {
    fc.assert(
      fc.property(roundArb, (round) => {
        for (const counts of Object.values(round.statements))
          expect(CATEGORIES.reduce((sum, c) => sum + counts[c], 0)).toBe(round.submissions);
      }),
      { seed: 0x5eed, numRuns: 200 },
    );
  });

  it('refuses to add counters of different p', () => {
    const other = { ...emptyRandomizedCounters(compass), p: 0.3 };
    expect(() => addRandomizedCounters(emptyRandomizedCounters(compass), other)).toThrow(
      RangeError,
    );
  });
});
