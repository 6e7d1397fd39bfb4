// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoCompass } from '../../test/render-app.tsx';
import { seededRandomValues } from '../../test/seeded-words.ts';
import { DRAWN_STORAGE_KEY, forgetSubmission, keptSubmission } from './drawn-submission.ts';

const ROUND = { code: 'K7M2XP9DW', key: 'the-idempotency-key-0123' };
const ANSWERS = { 'fler-bibliotek': { answer: 1 as const } };
const stored = () => JSON.parse(sessionStorage.getItem(DRAWN_STORAGE_KEY) ?? 'null') as unknown;

beforeEach(() => {
  sessionStorage.clear();
  forgetSubmission();
});
afterEach(() => vi.restoreAllMocks());

describe('keptSubmission', () => {
  it('draws once and then returns the same body, also from storage alone', () => {
    const first = keptSubmission(ROUND, demoCompass.statements, ANSWERS, seededRandomValues(1));
    expect(stored()).toMatchObject({ ...ROUND, submission: first });
    // Another source would draw differently: the kept body is returned instead.
    expect(keptSubmission(ROUND, demoCompass.statements, ANSWERS, seededRandomValues(2))).toEqual(
      first,
    );
    const saved = sessionStorage.getItem(DRAWN_STORAGE_KEY)!;
    forgetSubmission(); // the page's memory gone, as after a reload…
    sessionStorage.setItem(DRAWN_STORAGE_KEY, saved); // …with the tab's storage kept
    expect(keptSubmission(ROUND, demoCompass.statements, ANSWERS, seededRandomValues(3))).toEqual(
      first,
    );
  });

  it('draws anew for another round, another key or another category of an answer', () => {
    const first = keptSubmission(ROUND, demoCompass.statements, ANSWERS, seededRandomValues(1));
    const draw = vi.fn(seededRandomValues(1));
    keptSubmission(
      { ...ROUND, key: 'another-key-of-the-round-0' },
      demoCompass.statements,
      ANSWERS,
      draw,
    );
    expect(draw).toHaveBeenCalled();
    draw.mockClear();
    keptSubmission(ROUND, demoCompass.statements, { 'fler-bibliotek': { answer: 0.5 } }, draw);
    expect(draw).toHaveBeenCalled(); // the key changed back: the one kept was for the other key
    draw.mockClear();
    keptSubmission(ROUND, demoCompass.statements, { 'fler-bibliotek': { answer: 1 } }, draw);
    expect(draw).not.toHaveBeenCalled(); // "helt för" and "delvis för" are one category
    keptSubmission(ROUND, demoCompass.statements, { 'fler-bibliotek': { answer: -1 } }, draw);
    expect(draw).toHaveBeenCalled();
    expect(first.p).toBe(0.4);
  });

  it('ignores what storage holds when it is not a whole submission of this compass and p', () => {
    for (const garbage of [
      'not json',
      JSON.stringify({ ...ROUND, own: [], submission: { p: 0.4, categories: {} } }),
      JSON.stringify({
        ...ROUND,
        own: demoCompass.statements.map(() => 'for'),
        submission: {
          p: 0.5,
          categories: Object.fromEntries(demoCompass.statements.map((s) => [s.id, 'for'])),
        },
      }),
    ]) {
      forgetSubmission();
      sessionStorage.setItem(DRAWN_STORAGE_KEY, garbage);
      const drawn = keptSubmission(ROUND, demoCompass.statements, {}, seededRandomValues(4));
      expect(drawn.p).toBe(0.4);
      expect(Object.keys(drawn.categories)).toEqual(demoCompass.statements.map((s) => s.id));
    }
  });

  it('keeps the draw in memory when storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const first = keptSubmission(ROUND, demoCompass.statements, ANSWERS, seededRandomValues(1));
    expect(keptSubmission(ROUND, demoCompass.statements, ANSWERS, seededRandomValues(2))).toBe(
      first,
    );
  });
});
