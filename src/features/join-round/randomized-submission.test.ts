import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  RANDOMIZATION_P,
  randomizedSubmission,
  uniformFromRandomValues,
} from '../../domain/classroom/randomized-response.ts';
import type { Voter } from '../../domain/scoring/index.ts';
import { seededRandomValues } from '../../test/seeded-words.ts';
import { drawSubmission, previewRows } from './randomized-submission.ts';

const statements = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }];
/** Agree (marked important), partly against, neutral, skipped; "e" not reached. */
const answers: Voter['answers'] = {
  a: { answer: 1, important: true },
  b: { answer: -0.5 },
  c: { answer: 0, important: true },
  d: { answer: 'skip' },
};

/** A source that always gives the same word: 399 draws r = 399 (the truth), 1 draws r = 1 (varken). */
const constant = (word: number) => (array: Uint32Array) => array.fill(word);

describe('drawSubmission', () => {
  it('is the domain submission with RANDOMIZATION_P from the same source', () => {
    for (const seed of [1, 2026, 0xdeadbeef]) {
      const drawn = drawSubmission(statements, answers, seededRandomValues(seed));
      expect(drawn).toEqual(
        randomizedSubmission(
          statements,
          answers,
          RANDOMIZATION_P,
          uniformFromRandomValues(seededRandomValues(seed)),
        ),
      );
      expect(drawn.p).toBe(0.4);
      expect(Object.keys(drawn.categories)).toEqual(['a', 'b', 'c', 'd', 'e']);
      for (const category of Object.values(drawn.categories))
        expect(CATEGORIES).toContain(category);
    }
  });

  it('sends nothing but p and the categories: no importance, no answer values', () => {
    const drawn = drawSubmission(statements, answers, seededRandomValues(7));
    expect(Object.keys(drawn).sort()).toEqual(['categories', 'p']);
    const json = JSON.stringify(drawn);
    expect(json).not.toMatch(/important|viktig/i);
    expect(json).not.toMatch(/-0\.5|"answer"/);
  });

  it('sends the truth when the draw keeps it, and the drawn category when it does not', () => {
    expect(drawSubmission(statements, answers, constant(399)).categories).toEqual({
      a: 'for',
      b: 'emot',
      c: 'varken',
      d: 'hoppade-over',
      e: 'hoppade-over',
    });
    const swapped = drawSubmission(statements, answers, constant(1));
    expect(Object.values(swapped.categories)).toEqual(Array(5).fill('varken'));
  });
});

describe('previewRows', () => {
  it('pairs each statement with its own and its sent category, marking exactly the differences', () => {
    const rows = previewRows(statements, answers, drawSubmission(statements, answers, constant(1)));
    expect(rows.map((r) => [r.statement.id, r.own, r.sent, r.swapped])).toEqual([
      ['a', 'for', 'varken', true],
      ['b', 'emot', 'varken', true],
      ['c', 'varken', 'varken', false],
      ['d', 'hoppade-over', 'varken', true],
      ['e', 'hoppade-over', 'varken', true],
    ]);
  });

  it('refuses a submission drawn for other statements', () => {
    const other = drawSubmission([{ id: 'a' }], answers, constant(399));
    expect(() => previewRows(statements, answers, other)).toThrow(RangeError);
  });
});
