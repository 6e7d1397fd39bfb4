import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Compass, Stance } from '../../domain/bank/types.ts';
import { buildCompass } from '../../test/compass-builder.ts';
import { demoCompass } from '../../test/render-app.tsx';
import { drawGame, quoteParties, quotePool, ROUNDS, seededRandom } from './draw.ts';

const stance = (quotes: readonly string[]): Stance => ({
  position: quotes.length ? 1 : null,
  confidence: quotes.length ? 1 : 0,
  quotes,
  rationale: '',
});

/** A compass of `parties` parties; quote texts from a small alphabet, so that some repeat. */
const compassArb = fc
  .record({
    parties: fc.integer({ min: 1, max: 6 }),
    statements: fc.integer({ min: 1, max: 8 }),
  })
  .chain(({ parties, statements }) =>
    fc
      .array(
        fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }), {
          minLength: parties,
          maxLength: parties,
        }),
        { minLength: statements, maxLength: statements },
      )
      .map((grid) =>
        buildCompass({
          parties: Array.from({ length: parties }, (_, i) => ({ id: `p${i}` })),
          statements: grid.map((row, s) => ({
            id: `s${s}`,
            stances: Object.fromEntries(
              row.map((quotes, p) => [`p${p}`, stance(quotes.map((q) => `Citat ${q}.`))]),
            ),
          })),
        }),
      ),
  );

const counts = (rounds: readonly { party: string }[]) => {
  const out = new Map<string, number>();
  for (const round of rounds) out.set(round.party, (out.get(round.party) ?? 0) + 1);
  return out;
};

/** Which parties use each quote text, across the whole compass. */
const users = (compass: Compass) => {
  const out = new Map<string, Set<string>>();
  for (const s of compass.statements)
    for (const [party, st] of Object.entries(s.stances))
      for (const q of st.quotes) out.set(q, (out.get(q) ?? new Set()).add(party));
  return out;
};

describe('drawGame', () => {
  it('never repeats a quote, and each round is a real quote of that party for that statement', () => {
    fc.assert(
      fc.property(compassArb, fc.integer(), (compass, seed) => {
        const rounds = drawGame(compass, seededRandom(seed));
        expect(new Set(rounds.map((r) => r.quote)).size).toBe(rounds.length);
        const who = users(compass);
        for (const round of rounds) {
          const statement = compass.statements.find((s) => s.id === round.statement);
          expect(statement?.stances[round.party]?.quotes).toContain(round.quote);
          // Never a quote that another party uses too: it would have two right answers.
          expect([...(who.get(round.quote) ?? [])]).toEqual([round.party]);
        }
      }),
    );
  });

  it('has ten rounds, or every usable quote when there are fewer', () => {
    fc.assert(
      fc.property(compassArb, fc.integer(), (compass, seed) => {
        const rounds = drawGame(compass, seededRandom(seed));
        expect(rounds.length).toBe(Math.min(ROUNDS, quotePool(compass).length));
      }),
    );
  });

  it('shows each party about equally often: at most one apart, unless a party ran out of quotes', () => {
    fc.assert(
      fc.property(compassArb, fc.integer(), (compass, seed) => {
        const rounds = drawGame(compass, seededRandom(seed));
        const drawn = counts(rounds);
        const supply = counts(quotePool(compass));
        const most = Math.max(0, ...drawn.values());
        for (const party of quoteParties(compass)) {
          const n = drawn.get(party) ?? 0;
          if (n < (supply.get(party) ?? 0)) expect(n).toBeGreaterThanOrEqual(most - 1);
        }
      }),
    );
  });

  it('gives 2 rounds to each of 5 parties with plenty of quotes', () => {
    const compass = buildCompass({
      parties: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
      statements: Array.from({ length: 6 }, (_, s) => ({
        id: `s${s}`,
        stances: Object.fromEntries(
          ['a', 'b', 'c', 'd', 'e'].map((p) => [p, stance([`${p} säger ${s}.`])]),
        ),
      })),
    });
    for (let seed = 0; seed < 50; seed++) {
      const drawn = counts(drawGame(compass, seededRandom(seed)));
      expect([...drawn.values()]).toEqual([2, 2, 2, 2, 2]);
    }
  });

  it('is the same game for the same seed and differs between seeds', () => {
    const compass = buildCompass({
      parties: ['a', 'b', 'c'].map((id) => ({ id })),
      statements: Array.from({ length: 8 }, (_, s) => ({
        id: `s${s}`,
        stances: Object.fromEntries(['a', 'b', 'c'].map((p) => [p, stance([`${p}${s}`])])),
      })),
    });
    expect(drawGame(compass, seededRandom(7))).toEqual(drawGame(compass, seededRandom(7)));
    const games = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        JSON.stringify(drawGame(compass, seededRandom(seed))),
      ),
    );
    expect(games.size).toBeGreaterThan(10);
  });

  it('uses all five quotes of the demo compass, none from a silent party', () => {
    const rounds = drawGame(demoCompass, seededRandom(1));
    expect(rounds).toHaveLength(5);
    expect(counts(rounds)).toEqual(
      new Map([
        ['a', 2],
        ['b', 3],
      ]),
    );
  });
});
