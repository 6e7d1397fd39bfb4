import { describe, expect, it } from 'vitest';
import type { Position, Stance, Statement } from '../bank/types.ts';
import { percentHalfUp } from './exact.ts';
import { matchParties, type Answers } from './match.ts';

const stance = (position: Position | null, confidence: Stance['confidence'] = 1): Stance => ({
  position,
  confidence: position === null ? 0 : confidence,
  quotes: position === null ? [] : ['citat'],
  rationale: '',
});

const statement = (id: string, stances: Record<string, Stance>): Statement => ({
  id,
  theme: 't',
  direction: 'more',
  text: { sv: id, en: id },
  explainer: { sv: id, en: id },
  terms: [],
  stances,
});

// The worked example of SCORING.md.
const statements = [
  statement('s1', { a: stance(1), b: stance(0), c: stance(1, 0.5) }),
  statement('s2', { a: stance(-1), b: stance(1), c: stance(null) }),
  statement('s3', { a: stance(1), b: stance(0), c: stance(0) }),
  statement('s4', { a: stance(-1), b: stance(1), c: stance(null) }),
  statement('s5', { a: stance(1), b: stance(-1), c: stance(-1) }),
];
const voter: Answers = {
  s1: { answer: 1, important: true },
  s2: { answer: 0.5 },
  s3: { answer: 0 },
  s4: { answer: -1 },
  s5: { answer: 'skip' },
};

describe('matchParties', () => {
  it('reproduces the worked example of the spec: A 75 %, B 55 %, C 70 % with K 0.4', () => {
    const result = matchParties(['a', 'b', 'c'], statements, voter)!;
    expect(result.answered).toBe(4);
    const [a, b, c] = result.parties;
    expect(a).toMatchObject({ party: 'a', percent: 75, score: 0.75, coverage: 1, stated: 4 });
    expect(b).toMatchObject({ party: 'b', percent: 55, score: 0.55, coverage: 1, stated: 4 });
    expect(c).toMatchObject({ party: 'c', percent: 70, score: 0.7, coverage: 0.4, stated: 2 });
  });

  it('returns no result, not 0 %, when nothing is answered', () => {
    expect(matchParties(['a'], statements, {})).toBeNull();
    expect(matchParties(['a'], statements, { s1: { answer: 'skip' } })).toBeNull();
  });

  it('says "cannot tell" (agreement null) for a party silent on every answered statement', () => {
    const result = matchParties(['c'], statements, { s2: { answer: 1 } })!;
    expect(result.parties[0]).toMatchObject({
      percent: 50,
      coverage: 0,
      agreement: null,
      stated: 0,
    });
  });

  it('gives 100 % to a voter who answers exactly as a fully explicit party, 0 % to the opposite', () => {
    const same: Answers = {
      s1: { answer: 1 },
      s2: { answer: -1 },
      s3: { answer: 1 },
      s4: { answer: -1 },
    };
    const opposite: Answers = {
      s1: { answer: -1 },
      s2: { answer: 1 },
      s3: { answer: -1 },
      s4: { answer: 1 },
    };
    expect(matchParties(['a'], statements, same)!.parties[0]!.percent).toBe(100);
    expect(matchParties(['a'], statements, opposite)!.parties[0]!.percent).toBe(0);
  });
});

describe('percentHalfUp', () => {
  it('rounds half up exactly where floating point would not', () => {
    expect(Math.round(0.285 * 100)).toBe(28); // the trap
    expect(percentHalfUp(285, 1000)).toBe(29);
    expect(percentHalfUp(1, 8)).toBe(13); // 12.5 → 13
    expect(percentHalfUp(1, 3)).toBe(33);
    expect(percentHalfUp(0, 5)).toBe(0);
    expect(percentHalfUp(5, 5)).toBe(100);
  });
});
