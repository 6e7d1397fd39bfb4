import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import { stance, workedExampleCompass } from '../../test/worked-example-compass.ts';
import { profileScores } from './class-profile.ts';
import type { CategoryCounts } from './randomized-counters.ts';
import { type RandomizedClassFigures, randomizedClassResult } from './randomized-estimate.ts';
import { CATEGORIES } from './randomized-response.ts';

// The worked example of docs/method.md, "Classroom rounds with randomized response": 20
// submissions on the compass of the method's own worked example, every number worked out by hand
// there and checked here.

const compass = workedExampleCompass;

const counts = (emot: number, varken: number, f: number, skipped: number): CategoryCounts => ({
  emot,
  varken,
  for: f,
  'hoppade-over': skipped,
});

const round = {
  p: 0.4,
  submissions: 20,
  statements: {
    s1: counts(2, 2, 14, 2),
    s2: counts(8, 2, 8, 2),
    s3: counts(1, 9, 9, 1),
    s4: counts(3, 2, 3, 12),
    s5: counts(5, 4, 3, 8),
  },
};

const result = randomizedClassResult(compass, round, { open: false }) as RandomizedClassFigures;
const row = (id: string, key: 'estimate' | 'sharePercent') =>
  CATEGORIES.map((c) => result.statements[id]!.categories[c][key]);

describe('the randomized worked example: 20 submissions, p = 0.4', () => {
  it('estimates each share as (o − 2) / 12', () => {
    // n·p/4 = 2 of each category are noise; (1 − p)·n = 12 sent their own.
    const twelfths = (id: string) => row(id, 'estimate').map((t) => Math.round(t * 12 * 1e9) / 1e9);
    expect(twelfths('s1')).toEqual([0, 0, 12, 0]);
    expect(twelfths('s2')).toEqual([6, 0, 6, 0]);
    expect(twelfths('s3')).toEqual([-1, 7, 7, -1]);
    expect(twelfths('s4')).toEqual([1, 0, 1, 10]);
    expect(twelfths('s5')).toEqual([3, 2, 1, 6]);
  });

  it('shows the shares clamped at 0 and renormalised, in whole percent', () => {
    expect(row('s1', 'sharePercent')).toEqual([0, 0, 100, 0]);
    expect(row('s2', 'sharePercent')).toEqual([50, 0, 50, 0]);
    expect(row('s3', 'sharePercent')).toEqual([0, 50, 50, 0]); // −1/12 → 0; 7/14 each
    expect(row('s4', 'sharePercent')).toEqual([8, 0, 8, 83]);
    expect(row('s5', 'sharePercent')).toEqual([25, 17, 8, 50]);
  });

  it('gives each share its SE: S1 för 100 % ± 17, S2 emot 50 % ± 18', () => {
    const se = (id: string, c: 'emot' | 'for') =>
      Math.round(100 * result.statements[id]!.categories[c].standardError);
    expect(se('s1', 'for')).toBe(17); // √(0.7·0.3/20)/0.6 = 0.1708
    expect(se('s2', 'emot')).toBe(18); // √(0.4·0.6/20)/0.6 = 0.1826
  });

  it('places the class: +¾, 0, +⅜, skipped, −¼', () => {
    expect(compass.statements.map((s) => result.statements[s.id]!.exactPosition)).toEqual([
      { numerator: 3, denominator: 4 },
      { numerator: 0, denominator: 1 },
      { numerator: 3, denominator: 8 },
      null, // answered 2/12 < ½
      { numerator: -1, denominator: 4 }, // answered 6/12 = ½: on the line, answered
    ]);
  });

  it('scores the profile: C 66 %, B 64 %, A 61 %, all ranked', () => {
    // Σ e over S1, S2, S3, S5: A 0.875 + 0.5 + 0.6875 + 0.375 = 2.4375 → 60.9375 %;
    // B 0.625 + 0.5 + 0.8125 + 0.625 = 2.5625 → 64.0625 %; C 0.6875 + 0.5 + 0.8125 + 0.625 =
    // 2.625 → 65.625 %, half up 66 %. C takes a stand on 3 of the 4: ranked.
    expect(result.profile).toEqual({
      answered: 4,
      parties: [
        {
          party: 'c',
          percent: 66,
          score: 0.65625,
          stated: 3,
          eligible: true,
          reason: null,
          rank: 1,
        },
        {
          party: 'b',
          percent: 64,
          score: 0.640625,
          stated: 4,
          eligible: true,
          reason: null,
          rank: 2,
        },
        {
          party: 'a',
          percent: 61,
          score: 0.609375,
          stated: 4,
          eligible: true,
          reason: null,
          rank: 3,
        },
      ],
    });
  });

  it('puts a split class in the middle: a party at 0 would agree fully on S2', () => {
    const atZero = buildCompass({
      parties: [{ id: 'mid', name: 'Mitten' }],
      statements: [{ id: 's2', stances: { mid: stance(0) } }],
    });
    const s2 = { s2: result.statements.s2!.exactPosition };
    expect(profileScores(atZero, s2)!.parties[0]!.score).toBe(1);
    // A pupil at ±¾ would agree 1 − (¾)/2 = 62.5 % with it.
  });
});
