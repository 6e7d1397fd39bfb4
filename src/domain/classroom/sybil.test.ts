import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import { seededRandomValues } from '../../test/seeded-words.ts';
import type { Position } from '../bank/types.ts';
import type { Answer, VoterAnswer } from '../scoring/index.ts';
import {
  addRandomizedCounters,
  emptyRandomizedCounters,
  type RandomizedCounters,
  randomizedDelta,
} from './randomized-counters.ts';
import { MIN_SUBMISSIONS, randomizedClassResult } from './randomized-estimate.ts';
import {
  CATEGORIES,
  type Category,
  RANDOMIZATION_P,
  randomizedSubmission,
  truthfulProbability,
  uniformFromRandomValues,
} from './randomized-response.ts';

// The Sybil attack: a teacher sends k scripted submissions of their own, whose categories they
// know, so that one pupil's submission is all that is left once their own are subtracted. Against
// counts of true answers this reads the pupil's answers exactly. Against randomized response it
// reads exactly what the pupil's browser sent, which is the truth for each statement only with
// probability 0.7: the attack gets no further than the randomization lets anyone.

/** z: a correct implementation fails a check with probability about 7 · 10⁻⁶ (seeded: never flaky). */
const Z = 4.5;
const STATEMENTS = 8;
const ROUNDS = 2000;

const compass = buildCompass({
  parties: [{ id: 'a' }],
  statements: Array.from({ length: STATEMENTS }, (_, j) => ({
    id: `s${j}`,
    stances: { a: { position: 1, confidence: 1, quotes: ['q'], rationale: '' } },
  })),
});
const ids = compass.statements.map((s) => s.id);

/** An answer in a category, as the quiz keeps it (a skip may also be no entry at all). */
const ANSWER_IN: Record<Category, Answer> = {
  emot: -0.5,
  varken: 0,
  for: 1,
  'hoppade-over': 'skip',
};

/**
 * Simulates rounds of k scripted submissions and one pupil, and returns how often the teacher
 * read the pupil's true category and how often what the browser sent.
 */
function attack(
  k: number,
  seed: number,
  read: (counters: RandomizedCounters) => RandomizedCounters['statements'],
) {
  const random = uniformFromRandomValues(seededRandomValues(seed));
  const pick = (): Category => CATEGORIES[random(CATEGORIES.length)]!;
  let truthRead = 0;
  let sentRead = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // The teacher's own submissions: categories they chose, posted without randomization (the
    // service cannot tell them from a browser's).
    const scripted = Array.from({ length: k }, () =>
      Object.fromEntries(ids.map((id) => [id, pick()])),
    );
    const truths = Object.fromEntries(ids.map((id) => [id, pick()]));
    const answers: Record<string, VoterAnswer> = Object.fromEntries(
      ids.flatMap((id) =>
        truths[id] === 'hoppade-over' && round % 2 === 0
          ? []
          : [[id, { answer: ANSWER_IN[truths[id]!] }]],
      ),
    );
    const pupil = randomizedSubmission(compass.statements, answers, RANDOMIZATION_P, random);
    const counters = [...scripted.map((categories) => ({ p: RANDOMIZATION_P, categories })), pupil]
      .map((body) => randomizedDelta(compass, JSON.parse(JSON.stringify(body))))
      .reduce(addRandomizedCounters, emptyRandomizedCounters(compass));
    const seen = read(counters);
    for (const id of ids) {
      // Subtract their own: exactly one category is left with a count of 1.
      const left = CATEGORIES.filter(
        (c) => seen[id]![c] - scripted.filter((s) => s[id] === c).length === 1,
      );
      expect(left).toHaveLength(1);
      if (left[0] === truths[id]) truthRead++;
      if (left[0] === pupil.categories[id]) sentRead++;
    }
  }
  return { truthRead, sentRead, trials: ROUNDS * STATEMENTS };
}

function expectRandomizedResponseRate({ truthRead, sentRead, trials }: ReturnType<typeof attack>) {
  const q = truthfulProbability(RANDOMIZATION_P); // 0.7
  const se = Math.sqrt((q * (1 - q)) / trials);
  // The teacher reads what the browser sent, every time …
  expect(sentRead).toBe(trials);
  // … which is the pupil's true category at the randomized-response rate 0.7, not 1.
  expect(Math.abs(truthRead / trials - q)).toBeLessThanOrEqual(Z * se);
  expect(1 - truthRead / trials).toBeGreaterThan(Z * se);
}

describe('a teacher who submits k scripted submissions beside one pupil', () => {
  it('k = 4: a copy of the counters shows the pupil’s true categories only at the rate 0.7', () => {
    // Five submissions: the teacher's view is withheld, so this is what the operator, or anyone
    // with a copy of the database, can read.
    const result = attack(4, 4, (counters) => {
      expect(randomizedClassResult(compass, counters, { open: false })).toStrictEqual({
        submissions: 5,
        withheld: 'too-few',
      });
      return counters.statements;
    });
    expectRandomizedResponseRate(result);
  });

  it('k = 9: the teacher’s own view of ten submissions shows them only at the rate 0.7', () => {
    const result = attack(9, 9, (counters) => {
      const shown = randomizedClassResult(compass, counters, { open: false });
      if (!('statements' in shown)) throw new Error('ten submissions must be shown');
      expect(shown.submissions).toBe(MIN_SUBMISSIONS);
      return Object.fromEntries(
        ids.map((id) => [
          id,
          Object.fromEntries(
            CATEGORIES.map((c) => [c, shown.statements[id]!.categories[c].observed]),
          ) as Record<Category, number>,
        ]),
      );
    });
    expectRandomizedResponseRate(result);
  });

  it('k = 4 against counts of true answers reads every answer exactly (why the change)', () => {
    // What the service counted before randomized response: per statement, how many pupils gave
    // each of the five answers or skipped. Tallied here from the answers themselves.
    const random = uniformFromRandomValues(seededRandomValues(5));
    const ANSWERS = [-1, -0.5, 0, 0.5, 1, 'skip'] as const;
    const pickAnswer = (): Position | 'skip' => ANSWERS[random(ANSWERS.length)]!;
    let read = 0;
    const rounds = 200;
    for (let round = 0; round < rounds; round++) {
      const scripted = Array.from({ length: 4 }, () =>
        Object.fromEntries(ids.map((id) => [id, pickAnswer()])),
      );
      const pupil = Object.fromEntries(ids.map((id) => [id, pickAnswer()]));
      const everyone = [...scripted, pupil];
      for (const id of ids) {
        const count = (a: Position | 'skip', of: typeof everyone) =>
          of.filter((s) => s[id] === a).length;
        const left = ANSWERS.filter((a) => count(a, everyone) - count(a, scripted) === 1);
        if (left.length === 1 && left[0] === pupil[id]) read++;
      }
    }
    expect(read).toBe(rounds * STATEMENTS);
  });
});
