import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import type { Compass, Confidence, Position, Stance } from '../bank/types.ts';
import { scoreVoter } from '../scoring/index.ts';
import { classResult, MIN_SUBMISSIONS } from './class-result.ts';
import { addCounters, ANSWER_KEYS, emptyCounters, submissionDelta } from './counters.ts';

// The invariants of a round's counters over generated compasses and classes. The expected
// figures are computed here from the pupils' raw answers and from scoreVoter directly, never
// from the counters, so the counters are checked against an independent tally.

const POS: Position[] = [-1, -0.5, 0, 0.5, 1];
const silent: Stance = { position: null, confidence: 0, quotes: [], rationale: '' };
const stanceArb: fc.Arbitrary<Stance> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...POS), fc.constantFrom<Confidence>(0.5, 0.75, 1))
    .map(([position, confidence]) => ({ position, confidence, quotes: ['q'], rationale: 'r' })),
  fc.constant(silent),
);

/** A pupil's entry for one statement: left out, skipped, or answered (maybe important). */
type Entry = 'absent' | { answer: Position | 'skip'; important?: boolean };
const entryArb: fc.Arbitrary<Entry> = fc.oneof(
  fc.constant('absent' as const),
  fc.record(
    { answer: fc.constant('skip' as const), important: fc.boolean() },
    { requiredKeys: ['answer'] },
  ),
  fc.record(
    { answer: fc.constantFrom(...POS), important: fc.boolean() },
    { requiredKeys: ['answer'] },
  ),
);

interface Scenario {
  compass: Compass;
  /** Each pupil's submission, as the client would send it. */
  pupils: { answers: Record<string, { answer: Position | 'skip'; important?: boolean }> }[];
}

/** A compass (1–5 parties, 1–10 statements) and a class of `min`..`max` pupils. */
const scenarioArb = (min = 0, max = 12): fc.Arbitrary<Scenario> =>
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 10 }))
    .chain(([p, n]) =>
      fc.record({
        stances: fc.array(fc.array(stanceArb, { minLength: p, maxLength: p }), {
          minLength: n,
          maxLength: n,
        }),
        pupils: fc.array(fc.array(entryArb, { minLength: n, maxLength: n }), {
          minLength: min,
          maxLength: max,
        }),
      }),
    )
    .map(({ stances, pupils }) => {
      const parties = stances[0]!.map((_, i) => ({ id: `p${i}`, name: `Parti ${i}` }));
      const compass = buildCompass({
        parties,
        statements: stances.map((row, j) => ({
          id: `s${j}`,
          stances: Object.fromEntries(parties.map((party, i) => [party.id, row[i]!])),
        })),
      });
      return {
        compass,
        pupils: pupils.map((entries) => ({
          answers: Object.fromEntries(
            entries.flatMap((entry, j) => (entry === 'absent' ? [] : [[`s${j}`, entry]])),
          ),
        })),
      };
    });

const roundOf = ({ compass, pupils }: Scenario) =>
  pupils
    .map((pupil) => submissionDelta(compass, pupil))
    .reduce(addCounters, emptyCounters(compass));

/** Round half up of sum / n, by quotient and remainder (not the formula the module uses). */
const roundedMean = (sum: number, n: number): number => {
  const quotient = Math.floor(sum / n);
  return 2 * (sum - quotient * n) >= n ? quotient + 1 : quotient;
};

describe('round counters (properties)', () => {
  it('are the same whatever the order and grouping of the pupils', () => {
    fc.assert(
      fc.property(
        scenarioArb(0, 10).chain((scenario) =>
          fc.tuple(
            fc.constant(scenario),
            fc.shuffledSubarray(
              scenario.pupils.map((_, i) => i),
              { minLength: scenario.pupils.length },
            ),
            fc.nat(),
          ),
        ),
        ([scenario, order, cut]) => {
          const { compass, pupils } = scenario;
          const deltas = pupils.map((pupil) => submissionDelta(compass, pupil));
          const inOrder = deltas.reduce(addCounters, emptyCounters(compass));
          const shuffled = order.map((i) => deltas[i]!);
          // A different grouping: two partial sums, added the other way round.
          const k = pupils.length === 0 ? 0 : cut % (pupils.length + 1);
          const left = shuffled.slice(0, k).reduce(addCounters, emptyCounters(compass));
          const right = shuffled
            .slice(k)
            .reduceRight((acc, d) => addCounters(d, acc), emptyCounters(compass));
          expect(addCounters(right, left)).toEqual(inOrder);
          expect(shuffled.reduce(addCounters, emptyCounters(compass))).toEqual(inOrder);
        },
      ),
    );
  });

  it('count every pupil once per statement, and match a tally of the raw answers', () => {
    fc.assert(
      fc.property(scenarioArb(), (scenario) => {
        const { compass, pupils } = scenario;
        const round = roundOf(scenario);
        expect(round.submissions).toBe(pupils.length);
        for (const s of compass.statements) {
          const c = round.statements[s.id]!;
          const answered = ANSWER_KEYS.reduce((sum, key) => sum + c[key], 0);
          expect(answered + c.skip).toBe(pupils.length);
          expect(c.important).toBeLessThanOrEqual(answered);
          const given = pupils.map((pupil) => pupil.answers[s.id]);
          for (const position of POS)
            expect(c[String(position) as (typeof ANSWER_KEYS)[number]]).toBe(
              given.filter((g) => g?.answer === position).length,
            );
          expect(c.important).toBe(
            given.filter((g) => g !== undefined && g.answer !== 'skip' && g.important === true)
              .length,
          );
        }
      }),
    );
  });

  it('give each party the mean of the engine percents, rounded half up, and its firsts', () => {
    fc.assert(
      fc.property(scenarioArb(MIN_SUBMISSIONS, 12), (scenario) => {
        const { compass, pupils } = scenario;
        const result = classResult(compass, roundOf(scenario), { open: false });
        if (!('parties' in result)) throw new Error('expected figures');
        const scored = pupils
          .map((pupil) => scoreVoter(compass, pupil))
          .filter((r) => r.status === 'ok');
        for (const party of compass.parties) {
          const { meanPercent, first } = result.parties[party.id]!;
          const percents = scored.map((r) => r.parties.find((p) => p.party === party.id)!.percent);
          const sum = percents.reduce((a, b) => a + b, 0);
          expect(meanPercent).toBe(scored.length === 0 ? null : roundedMean(sum, scored.length));
          if (meanPercent !== null) {
            expect(meanPercent).toBeGreaterThanOrEqual(Math.min(...percents));
            expect(meanPercent).toBeLessThanOrEqual(Math.max(...percents));
            expect(Number.isInteger(meanPercent)).toBe(true);
          }
          expect(first).toBe(scored.filter((r) => r.stability.top.includes(party.id)).length);
        }
      }),
    );
  });

  it('never reveal a statement or party figure below five submissions, nor while open', () => {
    fc.assert(
      fc.property(scenarioArb(0, 8), fc.boolean(), (scenario, open) => {
        const round = roundOf(scenario);
        const result = classResult(scenario.compass, round, { open });
        const n = scenario.pupils.length;
        if (open) expect(result).toStrictEqual({ status: 'open' });
        else if (n < MIN_SUBMISSIONS)
          expect(result).toStrictEqual({ submissions: n, withheld: 'too-few' });
        else {
          expect(Object.keys(result).sort()).toEqual([
            'compass',
            'parties',
            'statements',
            'submissions',
            'version',
          ]);
          expect(result).toMatchObject({ submissions: n, statements: round.statements });
        }
      }),
    );
  });
});
