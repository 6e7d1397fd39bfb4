import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import type { Compass, Confidence, Position, Stance } from '../bank/types.ts';
import { type ScoredVoter, scoreVoter } from '../scoring/index.ts';
import { profileScores, type Ratio } from './class-profile.ts';

// The class profile is scored with the engine's formulas at points between the steps of the
// scale. These tests hold it to the engine itself: on the steps it must give the engine's result
// exactly, and between them the engine's per-statement values interpolated.

const POS: Position[] = [-1, -0.5, 0, 0.5, 1];
const silent: Stance = { position: null, confidence: 0, quotes: [], rationale: '' };
const stanceArb: fc.Arbitrary<Stance> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...POS), fc.constantFrom<Confidence>(0.5, 0.75, 1))
    .map(([position, confidence]) => ({ position, confidence, quotes: ['q'], rationale: 'r' })),
  fc.constant(silent),
);

/** A compass of 1–5 parties (names that tie and sort the Swedish way) and 1–10 statements. */
const compassArb: fc.Arbitrary<Compass> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 10 }))
  .chain(([p, n]) =>
    fc.record({
      names: fc.array(fc.constantFrom('Ö', 'Z', 'Å', 'A', 'Ä', 'Z'), {
        minLength: p,
        maxLength: p,
      }),
      stances: fc.array(fc.array(stanceArb, { minLength: p, maxLength: p }), {
        minLength: n,
        maxLength: n,
      }),
    }),
  )
  .map(({ names, stances }) =>
    buildCompass({
      parties: names.map((name, i) => ({ id: `p${i}`, name })),
      statements: stances.map((row, j) => ({
        id: `s${j}`,
        stances: Object.fromEntries(row.map((stance, i) => [`p${i}`, stance])),
      })),
    }),
  );

const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

/** The parts of an engine result that the class profile reports, in display order. */
const engineView = (result: ScoredVoter) =>
  result.parties.map((p) => ({
    party: p.party,
    percent: p.percent,
    stated: p.stated,
    eligible: p.eligible,
    reason: p.reason,
    rank: p.rank,
  }));

describe('profileScores', () => {
  it('equals the engine exactly when every class position is a step of the scale', () => {
    fc.assert(
      fc.property(
        compassArb.chain((compass) =>
          fc.tuple(
            fc.constant(compass),
            fc.array(fc.option(fc.constantFrom(...POS)), {
              minLength: compass.statements.length,
              maxLength: compass.statements.length,
            }),
          ),
        ),
        ([compass, steps]) => {
          const ids = compass.statements.map((s) => s.id);
          const profile = profileScores(
            compass,
            Object.fromEntries(
              ids.map((id, j) => [id, steps[j] == null ? null : ratio(2 * steps[j]!, 2)]),
            ),
          );
          const engine = scoreVoter(compass, {
            answers: Object.fromEntries(
              ids.flatMap((id, j) => (steps[j] == null ? [] : [[id, { answer: steps[j]! }]])),
            ),
          });
          if (engine.status !== 'ok') {
            expect(profile).toBeNull();
            return;
          }
          expect(profile!.answered).toBe(engine.answered);
          expect(
            profile!.parties.map(({ party, percent, stated, eligible, reason, rank }) => ({
              party,
              percent,
              stated,
              eligible,
              reason,
              rank,
            })),
          ).toEqual(engineView(engine));
          profile!.parties.forEach((p, i) =>
            expect(p.score).toBeCloseTo(engine.parties[i]!.score, 12),
          );
        },
      ),
      { seed: 0x5eed, numRuns: 300 },
    );
  });

  it('between the steps, is the engine’s value at the neighbouring steps, interpolated', () => {
    const positionArb = fc
      .integer({ min: 1, max: 48 })
      .chain((d) => fc.tuple(fc.integer({ min: -d, max: d }), fc.constant(d)));
    fc.assert(
      fc.property(
        compassArb.chain((compass) =>
          fc.tuple(
            fc.constant(compass),
            fc.array(fc.option(positionArb), {
              minLength: compass.statements.length,
              maxLength: compass.statements.length,
            }),
          ),
        ),
        ([compass, positions]) => {
          const ids = compass.statements.map((s) => s.id);
          const answered = ids.flatMap((id, j) => {
            const position = positions[j];
            if (position == null) return [];
            const [n, d] = position;
            // x = n/d lies between the steps H/2 and (H + 1)/2, with H = ⌊2x⌋, at the fraction
            // λ = 2x − H = L/d of the way (L = 2n − H·d); on x = 1, H = 2 and L = 0.
            const H = Math.floor((2 * n) / d);
            return [{ id, n, d, H, L: 2 * n - H * d }];
          });
          const profile = profileScores(
            compass,
            Object.fromEntries(
              positions.map((x, j) => [ids[j], x == null ? null : ratio(x[0], x[1])]),
            ),
          );
          if (answered.length === 0) {
            expect(profile).toBeNull();
            return;
          }
          const voter = (shift: number) =>
            scoreVoter(compass, {
              answers: Object.fromEntries(
                answered.map(({ id, H }) => [
                  id,
                  { answer: (Math.min(H + shift, 2) / 2) as Position },
                ]),
              ),
            }) as ScoredVoter;
          const lower = voter(0);
          const upper = voter(1);
          for (const party of profile!.parties) {
            const lo = lower.parties.find((p) => p.party === party.party)!;
            const hi = upper.parties.find((p) => p.party === party.party)!;
            // Σ over statements of ((d − L)·w16e(lower) + L·w16e(upper)) / d, over 16·m, exactly.
            let num = 0n;
            let den = 1n;
            answered.forEach(({ d, L }, k) => {
              const term =
                BigInt(d - L) * BigInt(lo.contributions[k]!) +
                BigInt(L) * BigInt(hi.contributions[k]!);
              num = num * BigInt(d) + term * den;
              den *= BigInt(d);
            });
            den *= 16n * BigInt(answered.length);
            expect(party.percent).toBe(Number((200n * num + den) / (2n * den)));
            expect(party.score).toBeCloseTo(Number((num * 10n ** 15n) / den) / 1e15, 12);
            // Who is ranked depends only on which statements the class answered.
            expect([party.stated, party.eligible, party.reason]).toEqual([
              lo.stated,
              lo.eligible,
              lo.reason,
            ]);
          }
        },
      ),
      { seed: 0x5eed, numRuns: 300 },
    );
  });

  it('ranks by whole percent, ties in Swedish alphabetical order', () => {
    const stated = (position: Position): Stance => ({
      position,
      confidence: 1,
      quotes: ['q'],
      rationale: '',
    });
    const compass = buildCompass({
      parties: [
        { id: 'o', name: 'Östra' },
        { id: 'z', name: 'Zeta' },
        { id: 'aa', name: 'Åland' },
        { id: 'far', name: 'Fjärran' },
      ],
      statements: ['s1', 's2', 's3'].map((id) => ({
        id,
        stances: { o: stated(1), z: stated(1), aa: stated(1), far: stated(-1) },
      })),
    });
    const third = ratio(1, 3);
    const result = profileScores(compass, { s1: third, s2: third, s3: third })!;
    // a = 1 − |⅓ − 1|/2 = ⅔ for the three at +1; 1 − |⅓ + 1|/2 = ⅓ for Fjärran.
    expect(result.parties.map((p) => [p.party, p.percent, p.rank])).toEqual([
      ['z', 67, 1],
      ['aa', 67, 1],
      ['o', 67, 1],
      ['far', 33, 4],
    ]);
  });

  it('gives no result when the class answered nothing, and refuses what is not a position', () => {
    const compass = buildCompass({ parties: [{ id: 'a' }], statements: [{ id: 's1' }] });
    expect(profileScores(compass, {})).toBeNull();
    expect(profileScores(compass, { s1: null })).toBeNull();
    expect(() => profileScores(compass, { s2: ratio(0, 1) })).toThrow(RangeError);
    for (const bad of [ratio(2, 1), ratio(1, 0), ratio(-1, -2), ratio(0.5, 1)])
      expect(() => profileScores(compass, { s1: bad })).toThrow(RangeError);
  });
});
