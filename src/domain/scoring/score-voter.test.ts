import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import type { Compass, Position, Stance } from '../bank/types.ts';
import { LOOKUP_FROM } from './block.ts';
import { ScoringError } from './errors.ts';
import { percentHalfUp } from './exact.ts';
import { scoreVoter } from './score-voter.ts';
import type { ScoredVoter, Voter } from './types.ts';
import { parseVoter } from './voter.ts';

const stance = (position: Position | null, confidence: Stance['confidence'] = 1): Stance => ({
  position,
  confidence: position === null ? 0 : confidence,
  quotes: position === null ? [] : ['citat'],
  rationale: '',
});

function compassOf(
  parties: { id: string; name: string }[],
  rows: [string, string, Record<string, Stance>][],
): Compass {
  return buildCompass({
    parties,
    statements: rows.map(([id, theme, stances]) => ({ id, theme, stances })),
  });
}

// The worked example of docs/method.md, number for number.
const example = compassOf(
  [
    { id: 'a', name: 'Parti A' },
    { id: 'b', name: 'Parti B' },
    { id: 'c', name: 'Parti C' },
  ],
  [
    ['s1', 'x', { a: stance(1), b: stance(0), c: stance(1, 0.5) }],
    ['s2', 'x', { a: stance(-1), b: stance(1), c: stance(null) }],
    ['s3', 'y', { a: stance(1), b: stance(0), c: stance(0) }],
    ['s4', 'y', { a: stance(-1), b: stance(1), c: stance(null) }],
    ['s5', 'y', { a: stance(1), b: stance(-1), c: stance(-1) }],
  ],
);
const voter: Voter = {
  answers: {
    s1: { answer: 1, important: true },
    s2: { answer: 0.5 },
    s3: { answer: 0 },
    s4: { answer: -1 },
    s5: { answer: 'skip' },
  },
};
const ok = (result: ReturnType<typeof scoreVoter>): ScoredVoter => {
  if (result.status !== 'ok') throw new Error('expected a result');
  return result;
};
const byParty = (result: ScoredVoter, id: string) => result.parties.find((p) => p.party === id)!;

describe('scoreVoter: the worked example of docs/method.md', () => {
  const result = ok(scoreVoter(example, voter));

  it('gives A 75 %, B 55 %, C 70 % with K 0.4', () => {
    expect(byParty(result, 'a')).toMatchObject({
      percent: 75,
      score: 0.75,
      coverage: 1,
      agreement: 0.75,
      stated: 4,
    });
    expect(byParty(result, 'b')).toMatchObject({
      percent: 55,
      score: 0.55,
      coverage: 1,
      stated: 4,
    });
    expect(byParty(result, 'c')).toMatchObject({
      percent: 70,
      score: 0.7,
      coverage: 0.4,
      stated: 2,
    });
    expect(byParty(result, 'c').exactCoverage).toEqual({ numerator: 8, denominator: 20 });
  });

  it('ranks A and B, and lists C unranked with its reason (only 2 stated positions)', () => {
    expect(result.parties.map((p) => [p.party, p.rank, p.eligible, p.reason])).toEqual([
      ['a', 1, true, null],
      ['b', 2, true, null],
      ['c', null, false, 'too-few-stated'],
    ]);
  });

  it('has τ 0.5 ("känsligt"): leaving out s1 or s4 ties A and B', () => {
    // The ranked set {A, B} is fixed by the full result; C (2 stated) stays out of every run.
    expect(result.stability).toEqual({
      tau: 0.5,
      exactTau: { numerator: 2, denominator: 4 },
      label: 'sensitive',
      flips: ['s1', 's4'],
      top: ['a'],
    });
  });

  it('shows the leave-one-out ranges 58–88 (A) and 44–69 (B)', () => {
    expect(byParty(result, 'a').range).toEqual([58, 88]);
    expect(byParty(result, 'b').range).toEqual([44, 69]);
  });

  it('is preliminary with 4 of the 8 answers needed, and skip does not count', () => {
    expect(result).toMatchObject({ answered: 4, preliminary: true, needed: 8, weight: 5 });
    expect(result.statements).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('has contributions that sum exactly to S', () => {
    for (const p of result.parties) {
      expect(p.contributions.reduce((x, y) => x + y, 0)).toBe(p.exactScore.numerator);
      expect(p.exactScore.denominator).toBe(16 * 5);
    }
    expect(Array.from(byParty(result, 'a').contributions)).toEqual([32, 4, 8, 16]);
  });

  it('scores themes with the same formulas, needing 2 stated positions per theme', () => {
    expect(Object.keys(result.themes)).toEqual(['x', 'y']);
    const x = result.themes.x!;
    expect(x.answered).toBe(2);
    expect(x.statements).toEqual(['s1', 's2']);
    expect(x.weight).toBe(3);
    // Lists run parallel to result.parties (A, B, C). A on s1 (w 2, a 1) and s2 (a ¼):
    // (2 + ¼) / 3 = 75 %; B: (2·½ + ¾) / 3 = 58 %; C states only s1 → no theme score.
    expect(result.parties.map((p) => p.party)).toEqual(['a', 'b', 'c']);
    expect(x.percent).toEqual([75, 58, null]);
    expect(x.stated).toEqual([2, 2, 1]);
    expect(x.points).toEqual([36, 28, 32]);
  });

  it('ranks the comparison methods: stated-only (M) and Wahl-O-Mat', () => {
    expect(result.methods.statedOnly.map((m) => [m.party, m.percent, m.rank])).toEqual([
      ['a', 75, 1],
      ['b', 55, 2],
      ['c', 100, null],
    ]);
    // Wahl-O-Mat: answers collapse to + + 0 − (s1 doubled), 10 points possible.
    // A (+ − + −): 4 + 0 + 1 + 2 = 7; B (0 + 0 +): 2 + 2 + 2 + 0 = 6;
    // C (+ · 0 ·, silence as neutral): 4 + 1 + 2 + 1 = 8, but C stays unranked (2 stated).
    expect(result.methods.wahlOMat.map((m) => [m.party, m.percent, m.rank])).toEqual([
      ['a', 70, 1],
      ['b', 60, 2],
      ['c', 80, null],
    ]);
  });
});

describe('scoreVoter: rules around the numbers', () => {
  it('gives no result, never 0 % for everyone, when nothing is answered', () => {
    expect(scoreVoter(example, { answers: {} })).toEqual({
      status: 'no-result',
      reason: 'nothing-answered',
      answered: 0,
      needed: 8,
    });
    expect(scoreVoter(example, { answers: { s1: { answer: 'skip' } } }).status).toBe('no-result');
  });

  it('shares a rank on equal percent and orders the tie in Swedish alphabetical order', () => {
    const tied = compassOf(
      [
        { id: 'o', name: 'Östra partiet' },
        { id: 'z', name: 'Zeta' },
        { id: 'a', name: 'Alfa' },
        { id: 'aa', name: 'Ängla' },
      ],
      ['1', '2', '3'].map((id) => [
        id,
        't',
        { o: stance(1), z: stance(1), a: stance(-1), aa: stance(1) },
      ]),
    );
    const result = ok(
      scoreVoter(tied, { answers: { 1: { answer: 1 }, 2: { answer: 1 }, 3: { answer: 1 } } }),
    );
    // Swedish: Z < Ä < Ö (an English collation would put Ängla next to Alfa).
    expect(result.parties.map((p) => [p.party, p.percent, p.rank])).toEqual([
      ['z', 100, 1],
      ['aa', 100, 1],
      ['o', 100, 1],
      ['a', 0, 4],
    ]);
  });

  it('compares only the parties asked for, without changing their numbers', () => {
    const all = ok(scoreVoter(example, voter));
    const some = ok(scoreVoter(example, { ...voter, parties: ['b', 'c'] }));
    expect(some.parties.map((p) => p.party)).toEqual(['b', 'c']);
    expect(byParty(some, 'b').percent).toBe(byParty(all, 'b').percent);
    expect(byParty(some, 'b').rank).toBe(1);
  });

  it('ranks by plain counts: 3 implied positions among 12 answers are a quarter, 3 among 13 are not', () => {
    const thin = (count: number) =>
      compassOf(
        [{ id: 'p', name: 'P' }],
        Array.from(
          { length: count },
          (_, i) =>
            [`s${i}`, 't', { p: stance(i < 3 ? 1 : null, 0.5) }] as [
              string,
              string,
              Record<string, Stance>,
            ],
        ),
      );
    const all = (c: Compass) =>
      Object.fromEntries(c.statements.map((s) => [s.id, { answer: 1 as const }]));
    // K = 3 · 0.5 / 12 = 0.125 — the confidence-weighted rule would have left it out.
    const twelve = thin(12);
    expect(ok(scoreVoter(twelve, { answers: all(twelve) })).parties[0]).toMatchObject({
      stated: 3,
      eligible: true,
      reason: null,
      rank: 1,
    });
    const thirteen = thin(13);
    expect(ok(scoreVoter(thirteen, { answers: all(thirteen) })).parties[0]).toMatchObject({
      stated: 3,
      eligible: false,
      reason: 'small-share',
      rank: null,
    });
  });

  it('rounds M once, exactly: agreementPercent, and null (never 0) when the programme is silent', () => {
    // A in the worked example: M = 0.75 exactly → 75; C states a position on s1 and s3 and
    // agrees fully on both → 100; B (all c = 1): w·a = 2·½ + ¾ + 1 + 0 = 2.75 of W = 5 → 55.
    const result = ok(scoreVoter(example, voter));
    expect(byParty(result, 'a').agreementPercent).toBe(75);
    expect(byParty(result, 'b').agreementPercent).toBe(55);
    expect(byParty(result, 'c').agreementPercent).toBe(100);
    const silentOnly = ok(scoreVoter(example, { answers: { s2: { answer: 1 } } }));
    expect(byParty(silentOnly, 'c')).toMatchObject({ agreement: null, agreementPercent: null });
    for (const p of result.parties)
      if (p.exactAgreement)
        expect(p.agreementPercent).toBe(
          percentHalfUp(p.exactAgreement.numerator, p.exactAgreement.denominator),
        );
  });

  it('rounds half up exactly where floating point would not', () => {
    // 285/1000, 57/200 and 46/80 are 0.285 and 0.575 exactly, but as floats times 100 they come
    // out just below 28.5 and 57.5: rounding the float would show 28 % and 57 %.
    expect(percentHalfUp(285, 1000)).toBe(29);
    expect(percentHalfUp(57, 200)).toBe(29);
    expect(percentHalfUp(1, 8)).toBe(13);
    expect(percentHalfUp(0, 5)).toBe(0);
    expect(percentHalfUp(5, 5)).toBe(100);
    // End to end: voter "helt för" on all five (W = 5); Σ 16·e = 16 + 12 + 8 + 0 + 10 = 46.
    const half = compassOf(
      [{ id: 'a', name: 'Parti A' }],
      [
        ['t1', 'x', { a: stance(1) }], // a = 1
        ['t2', 'x', { a: stance(0.5) }], // a = ¾
        ['t3', 'x', { a: stance(0) }], // a = ½
        ['t4', 'x', { a: stance(-1) }], // a = 0
        ['t5', 'x', { a: stance(0.5, 0.5) }], // e = ½ · ¾ + ½ · ½ = ⅝
      ],
    );
    const answers = Object.fromEntries(half.statements.map((s) => [s.id, { answer: 1 as const }]));
    const a = byParty(ok(scoreVoter(half, { answers })), 'a');
    expect(a.exactScore).toEqual({ numerator: 46, denominator: 80 });
    expect(a.percent).toBe(58);
  });

  it('rejects bad input with a typed error naming the problem', () => {
    const error = (v: Voter): [string, string] => {
      try {
        scoreVoter(example, v);
      } catch (e) {
        if (e instanceof ScoringError) return [e.code, e.message];
        throw e;
      }
      return ['no error', ''];
    };
    expect(error({ answers: { nope: { answer: 1 } } })).toEqual([
      'unknown-statement',
      'unknown statement "nope" in the answers',
    ]);
    expect(error({ answers: { s1: { answer: 0.7 as Position } } })[0]).toBe('invalid-answer');
    expect(error({ answers: { s1: { answer: 1 } }, parties: ['x'] })).toEqual([
      'unknown-party',
      'unknown party "x" in the party filter',
    ]);
    const broken = { ...example, statements: [{ ...example.statements[0]!, stances: {} }] };
    expect(() => scoreVoter(broken, { answers: { s1: { answer: 1 } } })).toThrow(ScoringError);
  });
});

describe('scoreVoter with many parties (the look-up path for leave-one-out)', () => {
  it('gives every party the numbers it gets when scored alone', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const positions: (Position | null)[] = [-1, -0.5, 0, 0.5, 1, null];
    const many = compassOf(
      Array.from({ length: LOOKUP_FROM + 36 }, (_, i) => ({ id: `p${i}`, name: `Parti ${i}` })),
      Array.from({ length: 12 }, (_, j): [string, string, Record<string, Stance>] => [
        `s${j}`,
        `t${j % 3}`,
        Object.fromEntries(
          Array.from({ length: LOOKUP_FROM + 36 }, (_, i) => [
            `p${i}`,
            stance(
              positions[Math.floor(random() * 6)]!,
              ([0.5, 0.75, 1] as const)[Math.floor(random() * 3)],
            ),
          ]),
        ),
      ]),
    );
    const answers = Object.fromEntries(
      many.statements.map((s, j) => [s.id, { answer: positions[j % 5]!, important: j % 4 === 0 }]),
    );
    const all = ok(scoreVoter(many, { answers }));
    for (const p of all.parties) {
      const alone = ok(scoreVoter(many, { answers, parties: [p.party] })).parties[0]!;
      expect([p.percent, p.range, p.stated, p.eligible]).toEqual([
        alone.percent,
        alone.range,
        alone.stated,
        alone.eligible,
      ]);
    }
  });
});

describe('scoreVoter: statement ids that are also names on Object.prototype', () => {
  const odd = compassOf(
    [{ id: 'a', name: 'A' }],
    [
      ['constructor', 't', { a: stance(1) }],
      ['toString', 't', { a: stance(-1) }],
      ['s3', 't', { a: stance(1) }],
    ],
  );

  it('counts a statement named "constructor" as answered only when it is', () => {
    const result = ok(scoreVoter(odd, { answers: { s3: { answer: 1 } } }));
    expect(result.answered).toBe(1);
    expect(result.statements).toEqual(['s3']);
  });

  it('reads "__proto__" in untrusted answers as an unknown statement, not a prototype', () => {
    const voter = parseVoter(
      JSON.parse('{"answers":{"__proto__":{"answer":1},"s3":{"answer":1}}}'),
    );
    expect(Object.keys(voter.answers)).toEqual(['__proto__', 's3']);
    expect(() => scoreVoter(odd, voter)).toThrow(/unknown statement "__proto__"/);
  });
});
