import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import { classResult, MIN_SUBMISSIONS } from './class-result.ts';
import type { PartyCounters, RoundCounters, StatementCounts } from './counters.ts';

const compass = buildCompass({
  id: 'klass',
  version: '2',
  parties: [{ id: 'p' }, { id: 'q' }],
  statements: [{ id: 's1' }, { id: 's2' }],
});

/** Counters of `n` pupils: all answered s1 with 1, all skipped s2; parties as given. */
function counters(
  n: number,
  parties: Record<string, PartyCounters> = {
    p: { percentSum: 0, scored: 0, first: 0 },
    q: { percentSum: 0, scored: 0, first: 0 },
  },
): RoundCounters {
  const zero: StatementCounts = {
    '-1': 0,
    '-0.5': 0,
    '0': 0,
    '0.5': 0,
    '1': 0,
    skip: 0,
    important: 0,
  };
  return {
    submissions: n,
    statements: { s1: { ...zero, '1': n, important: n }, s2: { ...zero, skip: n } },
    parties,
  };
}
const closed = { open: false };

describe('classResult', () => {
  it('shows nothing while the round is open, however many submitted', () => {
    for (const n of [0, 4, 5, 30, 10_000])
      expect(classResult(compass, counters(n), { open: true })).toStrictEqual({ status: 'open' });
  });

  it('withholds the figures of a closed round below five submissions', () => {
    expect(MIN_SUBMISSIONS).toBe(5);
    for (const n of [0, 1, 4])
      expect(classResult(compass, counters(n), closed)).toStrictEqual({
        submissions: n,
        withheld: 'too-few',
      });
  });

  it('shows exactly the contract from five submissions on', () => {
    const result = classResult(
      compass,
      counters(5, {
        p: { percentSum: 5 * 60, scored: 5, first: 4 },
        q: { percentSum: 0, scored: 0, first: 0 },
      }),
      closed,
    );
    expect(result).toStrictEqual({
      compass: 'klass',
      version: '2',
      submissions: 5,
      statements: {
        s1: { '-1': 0, '-0.5': 0, '0': 0, '0.5': 0, '1': 5, skip: 0, important: 5 },
        s2: { '-1': 0, '-0.5': 0, '0': 0, '0.5': 0, '1': 0, skip: 5, important: 0 },
      },
      parties: { p: { meanPercent: 60, first: 4 }, q: { meanPercent: null, first: 0 } },
    });
  });

  it('rounds the mean percent half up, exactly', () => {
    const mean = (percentSum: number, scored: number) => {
      const result = classResult(
        compass,
        counters(scored, {
          p: { percentSum, scored, first: 0 },
          q: { percentSum: 0, scored, first: 0 },
        }),
        closed,
      );
      if (!('parties' in result)) throw new Error('expected figures');
      return result.parties.p!.meanPercent;
    };
    expect(mean(57 * 6 - 3, 6)).toBe(57); // 56.5 → 57
    expect(mean(57 * 6 - 4, 6)).toBe(56); // 56.33 → 56
    expect(mean(57 * 6 + 2, 6)).toBe(57); // 57.33 → 57
    expect(mean(0, 5)).toBe(0);
    expect(mean(500, 5)).toBe(100);
    expect(mean(499, 5)).toBe(100); // 99.8
    expect(mean(2, 8)).toBe(0); // 0.25
    expect(mean(4, 8)).toBe(1); // 0.5 → 1
  });

  it('copies: the result shares no object with the counters and drops unknown fields', () => {
    const c = counters(5);
    const withExtra = {
      ...c,
      statements: { ...c.statements, s1: { ...c.statements.s1!, pupil: 'Alva' } },
    };
    const result = classResult(compass, withExtra, closed);
    if (!('statements' in result)) throw new Error('expected figures');
    expect(result.statements.s1).not.toBe(withExtra.statements.s1);
    expect(result.statements.s1).toStrictEqual(c.statements.s1);
  });

  it('refuses counters that do not fit the compass or contradict themselves', () => {
    const good = counters(5);
    const broken: [string, RoundCounters][] = [
      ['negative submissions', { ...good, submissions: -1 }],
      ['fractional submissions', { ...good, submissions: 5.5 }],
      ['a missing statement', { ...good, statements: { s1: good.statements.s1! } }],
      [
        'an extra statement',
        { ...good, statements: { ...good.statements, s3: good.statements.s1! } },
      ],
      ['an inherited statement', { ...good, statements: Object.create(good.statements) }],
      ['counts that do not sum', { ...good, submissions: 6 }],
      [
        'more important than answered',
        {
          ...good,
          statements: { ...good.statements, s2: { ...good.statements.s2!, important: 1 } },
        },
      ],
      ['a missing party', { ...good, parties: { p: good.parties.p! } }],
      ['an extra party', { ...good, parties: { ...good.parties, r: good.parties.p! } }],
      [
        'scored above submissions',
        { ...good, parties: { ...good.parties, p: { percentSum: 0, scored: 6, first: 0 } } },
      ],
      [
        'first above scored',
        { ...good, parties: { ...good.parties, p: { percentSum: 0, scored: 1, first: 2 } } },
      ],
      [
        'a sum above 100 %',
        { ...good, parties: { ...good.parties, p: { percentSum: 101, scored: 1, first: 0 } } },
      ],
      [
        'a fractional sum',
        { ...good, parties: { ...good.parties, p: { percentSum: 50.5, scored: 1, first: 0 } } },
      ],
    ];
    expect(() => classResult(compass, good, closed)).not.toThrow();
    for (const [what, c] of broken)
      expect(() => classResult(compass, c, closed), what).toThrow(RangeError);
    // Below five the counts are checked too: a bad store must not pass as "too few".
    expect(() => classResult(compass, { ...counters(3), submissions: 2 }, closed)).toThrow(
      RangeError,
    );
  });
});
