import { describe, expect, it } from 'vitest';
import { workedExampleCompass } from '../../test/worked-example-compass.ts';
import { classResult } from './class-result.ts';
import { addCounters, emptyCounters, submissionDelta } from './counters.ts';
import { byDivisiveness, divisiveness } from './divisiveness.ts';

// Six pupils on the compass of the worked example in docs/method.md, every number worked out
// by hand from the method (the engine's own test checks pupil 1's percentages).

const compass = workedExampleCompass;

const pupils = [
  // 1, the voter of docs/method.md: A 75, B 55, C 70 (C unranked); first: A.
  {
    answers: {
      s1: { answer: 1, important: true },
      s2: { answer: 0.5 },
      s3: { answer: 0 },
      s4: { answer: -1 },
      // "important" on a skip is dropped: a skip cannot weigh double.
      s5: { answer: 'skip', important: true },
    },
  },
  // 2, exactly as A everywhere: A 100, B 1/5 = 20, C 2.25/5 = 45 (3 stated: ranked); first: A.
  {
    answers: {
      s1: { answer: 1 },
      s2: { answer: -1 },
      s3: { answer: 1 },
      s4: { answer: -1 },
      s5: { answer: 1 },
    },
  },
  // 3, exactly as B everywhere: A 20, B 100, C 3.5/5 = 70; first: B.
  {
    answers: {
      s1: { answer: 0 },
      s2: { answer: 1 },
      s3: { answer: 0 },
      s4: { answer: 1 },
      s5: { answer: -1 },
    },
  },
  // 4, nothing answered: a submission, but no result.
  { answers: {} },
  // 5, only s3 (important): A 50, B 100, C 100, but nobody takes a stand on 3: nobody first.
  { answers: { s3: { answer: 0, important: true } } },
  // 6, A and B both 2/3 → 67 (a shared first); C 1.875/3 = 62.5 → 63 (half up), unranked.
  { answers: { s1: { answer: 0.5 }, s2: { answer: 0 }, s3: { answer: 0.5 } } },
];

const deltas = pupils.map((pupil) => submissionDelta(compass, pupil));
const round = deltas.reduce(addCounters, emptyCounters(compass));

describe('a round of six pupils on the worked example', () => {
  it('scores each pupil with the engine', () => {
    const percents = deltas.map((d) =>
      Object.values(d.parties).map((p) => (p.scored === 0 ? null : p.percentSum)),
    );
    expect(percents).toEqual([
      [75, 55, 70],
      [100, 20, 45],
      [20, 100, 70],
      [null, null, null],
      [50, 100, 100],
      [67, 67, 63],
    ]);
    expect(deltas.map((d) => Object.values(d.parties).map((p) => p.first))).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
      [1, 1, 0],
    ]);
  });

  it('counts every answer, skip and importance', () => {
    expect(round).toEqual({
      submissions: 6,
      statements: {
        s1: { '-1': 0, '-0.5': 0, '0': 1, '0.5': 1, '1': 2, skip: 2, important: 1 },
        s2: { '-1': 1, '-0.5': 0, '0': 1, '0.5': 1, '1': 1, skip: 2, important: 0 },
        s3: { '-1': 0, '-0.5': 0, '0': 3, '0.5': 1, '1': 1, skip: 1, important: 1 },
        s4: { '-1': 2, '-0.5': 0, '0': 0, '0.5': 0, '1': 1, skip: 3, important: 0 },
        s5: { '-1': 1, '-0.5': 0, '0': 0, '0.5': 0, '1': 1, skip: 4, important: 0 },
      },
      parties: {
        a: { percentSum: 75 + 100 + 20 + 50 + 67, scored: 5, first: 3 },
        b: { percentSum: 55 + 20 + 100 + 100 + 67, scored: 5, first: 2 },
        c: { percentSum: 70 + 45 + 70 + 100 + 63, scored: 5, first: 0 },
      },
    });
  });

  it('shows the class result once closed: means 312/5 → 62, 342/5 → 68, 348/5 → 70', () => {
    expect(classResult(compass, round, { open: true })).toStrictEqual({ status: 'open' });
    expect(classResult(compass, round, { open: false })).toStrictEqual({
      compass: 'exempel',
      version: '3',
      submissions: 6,
      statements: round.statements,
      parties: {
        a: { meanPercent: 62, first: 3 },
        b: { meanPercent: 68, first: 2 },
        c: { meanPercent: 70, first: 0 },
      },
    });
  });

  it('withholds the figures of the first four pupils', () => {
    const four = deltas.slice(0, 4).reduce(addCounters, emptyCounters(compass));
    expect(classResult(compass, four, { open: false })).toStrictEqual({
      submissions: 4,
      withheld: 'too-few',
    });
  });

  it('orders the statements by how divided the class was', () => {
    // D = Σᵢ Σⱼ nᵢ·nⱼ·|vᵢ − vⱼ| / m² on −1..1: s5 {−1, 1}: 4/4; s4 {−1, −1, 1}: 8/9;
    // s2 {−1, 0, ½, 1}: 13/16; s1 {0, ½, 1, 1}: 7/16; s3 {0, 0, 0, ½, 1}: 10/25.
    const values = compass.statements.map((s) => divisiveness(round.statements[s.id]!)!.value);
    expect(values).toEqual([7 / 16, 13 / 16, 10 / 25, 8 / 9, 1]);
    expect(
      byDivisiveness(
        round.statements,
        compass.statements.map((s) => s.id),
      ),
    ).toEqual(['s5', 's4', 's2', 's1', 's3']);
  });
});
