import { describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { scoreVoter } from '../../domain/scoring/index.ts';
import { demoCompass } from '../../test/render-app.tsx';
import { loadValidBank } from '../../tools/load-bank.ts';
import { EXERCISE_ANSWERED, methodExercise } from './method-exercise.ts';
import { quoteCards } from './quote-cards.ts';

const real = loadValidBank('questions/socialpolitik');

describe.each([
  ['the real bank', real],
  ['the demo compass', demoCompass],
] as const)('methodExercise on %s', (_name, compass: Compass) => {
  const exercise = methodExercise(compass)!;

  it('gives the engine’s percentages for the same voter and parties', () => {
    const scored = scoreVoter(compass, exercise.voter);
    if (scored.status !== 'ok') throw new Error('no result');
    for (const mine of exercise.results) {
      const engine = scored.parties.find((p) => p.party === mine.party)!;
      expect(mine.percent).toBe(engine.percent);
      expect(mine.eligible).toBe(engine.eligible);
      expect(mine.stated).toBe(engine.stated);
      // The hand sum, Σ w·e / W, is the engine's exact S.
      expect(mine.sum / mine.totalWeight).toBeCloseTo(engine.score, 12);
      expect(mine.steps.filter((s) => !s.skipped).map((s) => s.weighted16)).toEqual(
        engine.contributions,
      );
    }
  });

  it('has each step follow from the one before, as the sheet says', () => {
    for (const result of exercise.results)
      for (const step of result.steps) {
        if (step.skipped) {
          expect(step.value).toBeNull();
          continue;
        }
        expect(step.weight).toBe(
          exercise.rows.find((r) => r.statement === step.statement)!.important ? 2 : 1,
        );
        if (step.position === null) {
          expect(step.confidence).toBe(0);
          expect(step.value).toBe(0.5);
        } else {
          expect(step.distance).toBe(Math.abs(step.answer! - step.position));
          expect(step.agreement).toBe(1 - step.distance! / 2);
          expect(step.value).toBe(step.confidence * step.agreement! + (1 - step.confidence) * 0.5);
        }
        expect(step.weighted).toBe(step.weight * step.value!);
      }
  });

  it('skips one statement, marks two important, and has a party silent somewhere', () => {
    expect(exercise.rows.filter((r) => r.answer === 'skip')).toHaveLength(1);
    expect(exercise.rows.filter((r) => r.important)).toHaveLength(2);
    expect(exercise.rows.length).toBeLessThanOrEqual(EXERCISE_ANSWERED + 1);
    expect(
      exercise.results.some((r) => r.steps.some((s) => !s.skipped && s.position === null)),
    ).toBe(true);
    expect(exercise.silence).not.toBeNull();
    const { percent, percentIfSame, percentIfOpposite } = exercise.silence!;
    expect(percentIfOpposite).toBeLessThan(percent);
    expect(percentIfSame).toBeGreaterThan(percent);
  });
});

describe('methodExercise on the real bank', () => {
  it('uses five answered statements and shows doubt (a confidence below 1)', () => {
    const exercise = methodExercise(real)!;
    expect(exercise.rows.filter((r) => r.answer !== 'skip')).toHaveLength(5);
    expect(
      exercise.results.some((r) =>
        r.steps.some((s) => !s.skipped && s.position !== null && s.confidence < 1),
      ),
    ).toBe(true);
  });
});

describe('quoteCards', () => {
  it('has every verbatim quote exactly once, with every party and statement it was coded for', () => {
    const cards = quoteCards(real);
    const expected = new Map<string, Set<string>>();
    for (const s of real.statements)
      for (const [party, stance] of Object.entries(s.stances))
        for (const quote of stance.quotes)
          expected.set(quote, (expected.get(quote) ?? new Set()).add(`${party}/${s.id}`));
    expect(cards).toHaveLength(expected.size);
    expect(cards.map((c) => c.number)).toEqual(cards.map((_, i) => i + 1));
    for (const card of cards)
      expect(new Set(card.sources.map((s) => `${s.party}/${s.statement}`))).toEqual(
        expected.get(card.quote),
      );
  });
});
