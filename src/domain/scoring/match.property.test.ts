import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Confidence, Position, Stance, Statement } from '../bank/types.ts';
import { matchParties, type Answers } from './match.ts';

// Invariants of SCORING.md for the scoring core, over generated compasses and voters.
const position = fc.constantFrom<Position>(-1, -0.5, 0, 0.5, 1);
const stance: fc.Arbitrary<Stance> = fc
  .option(fc.tuple(position, fc.constantFrom<Confidence>(0.5, 0.75, 1)), { nil: undefined })
  .map((coded) =>
    coded === undefined
      ? { position: null, confidence: 0, quotes: [], rationale: '' }
      : { position: coded[0], confidence: coded[1], quotes: ['q'], rationale: 'r' },
  );
const PARTIES = ['a', 'b', 'c'];
const compass = fc
  .array(fc.tuple(stance, stance, stance), { minLength: 1, maxLength: 12 })
  .map((rows) =>
    rows.map((row, i): Statement => ({
      id: `s${i}`,
      theme: 't',
      direction: 'more',
      text: { sv: 's', en: 's' },
      explainer: { sv: 'e', en: 'e' },
      terms: [],
      stances: { a: row[0], b: row[1], c: row[2] },
    })),
  );
const answerOf = fc.record({
  answer: fc.oneof(position, fc.constant('skip' as const)),
  important: fc.boolean(),
});
const scenario = compass.chain((statements) =>
  fc.tuple(
    fc.constant(statements),
    fc.array(answerOf, { minLength: statements.length, maxLength: statements.length }),
  ),
);
const toAnswers = (
  statements: Statement[],
  list: { answer: Position | 'skip'; important: boolean }[],
): Answers => Object.fromEntries(statements.map((s, i) => [s.id, list[i]!]));

describe('matchParties invariants', () => {
  it('keeps S and K in 0..1 and the percent in 0..100, never NaN; no answers means no result', () => {
    fc.assert(
      fc.property(scenario, ([statements, list]) => {
        const result = matchParties(PARTIES, statements, toAnswers(statements, list));
        if (list.every((a) => a.answer === 'skip')) {
          expect(result).toBeNull();
          return;
        }
        for (const m of result!.parties) {
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(1);
          expect(m.coverage).toBeGreaterThanOrEqual(0);
          expect(m.coverage).toBeLessThanOrEqual(1);
          expect(Number.isInteger(m.percent) && m.percent >= 0 && m.percent <= 100).toBe(true);
          expect(m.score - 0.5).toBeCloseTo(m.coverage * ((m.agreement ?? 0.5) - 0.5), 12);
        }
      }),
    );
  });

  it('treats a skipped statement exactly as a deleted one', () => {
    fc.assert(
      fc.property(scenario, ([statements, list]) => {
        const kept = statements.filter((_, i) => list[i]!.answer !== 'skip');
        const answers = toAnswers(statements, list);
        expect(matchParties(PARTIES, kept, answers)).toEqual(
          matchParties(PARTIES, statements, answers),
        );
      }),
    );
  });

  it('makes "important" (w = 2) equal to answering the statement twice', () => {
    fc.assert(
      fc.property(scenario, ([statements, list]) => {
        const twice = statements.flatMap((s, i) =>
          list[i]!.important ? [s, { ...s, id: `${s.id}-again` }] : [s],
        );
        const plain: Answers = Object.fromEntries(
          twice.map((s) => {
            const original =
              list[statements.findIndex((t) => s.id === t.id || s.id === `${t.id}-again`)]!;
            return [s.id, { answer: original.answer }];
          }),
        );
        const weighted = matchParties(PARTIES, statements, toAnswers(statements, list));
        const doubled = matchParties(PARTIES, twice, plain);
        expect(doubled?.parties.map((m) => m.percent)).toEqual(
          weighted?.parties.map((m) => m.percent),
        );
      }),
    );
  });

  it('does not depend on the order of statements or parties', () => {
    fc.assert(
      fc.property(scenario, ([statements, list]) => {
        const answers = toAnswers(statements, list);
        const forward = matchParties(PARTIES, statements, answers);
        const backward = matchParties([...PARTIES].reverse(), [...statements].reverse(), answers);
        expect(backward?.parties.map((m) => m.percent).reverse()).toEqual(
          forward?.parties.map((m) => m.percent),
        );
      }),
    );
  });
});
