import type { Compass } from '../../domain/bank/types.ts';

/** How many rounds a game has, when the compass has enough quotes. */
export const ROUNDS = 10;

/** One round: a verbatim quote, the party whose programme it is from, the statement it was coded for. */
export interface QuoteRound {
  readonly quote: string;
  readonly party: string;
  readonly statement: string;
}

/** A random number in [0, 1), like `Math.random`. */
export type Random = () => number;

/** A small seedable generator (mulberry32): the same seed, the same game. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Every quote that can be a round, once each: a quote the same party uses for several statements
 * counts once (with the first statement it was coded for); a quote that two parties share is left
 * out, since it has no single right answer.
 */
export function quotePool(compass: Compass): QuoteRound[] {
  const byText = new Map<string, QuoteRound | null>();
  for (const statement of compass.statements)
    for (const party of compass.parties)
      for (const raw of statement.stances[party.id]?.quotes ?? []) {
        const quote = raw.trim();
        if (!quote) continue;
        const seen = byText.get(quote);
        if (seen === undefined)
          byText.set(quote, { quote, party: party.id, statement: statement.id });
        else if (seen !== null && seen.party !== party.id) byText.set(quote, null);
      }
  return [...byText.values()].filter((round): round is QuoteRound => round !== null);
}

/** The parties that have at least one quote in the pool, in the compass's order: the answer buttons. */
export function quoteParties(compass: Compass): string[] {
  const withQuotes = new Set(quotePool(compass).map((round) => round.party));
  return compass.parties.map((party) => party.id).filter((id) => withQuotes.has(id));
}

/**
 * Draws a game: `rounds` quotes (fewer when the compass has fewer), none twice, each party about
 * equally often. Parties are taken in turn (in a shuffled order) until the game is full, so their
 * counts differ by at most one, except for a party that has run out of quotes. The rounds are
 * then shuffled, so that the order gives nothing away.
 */
export function drawGame(compass: Compass, random: Random, rounds = ROUNDS): QuoteRound[] {
  const pool = quotePool(compass);
  const queues = new Map<string, QuoteRound[]>();
  for (const id of shuffled(quoteParties(compass), random))
    queues.set(
      id,
      shuffled(
        pool.filter((round) => round.party === id),
        random,
      ),
    );
  const picked: QuoteRound[] = [];
  while (picked.length < rounds) {
    let took = false;
    for (const queue of queues.values()) {
      if (picked.length >= rounds) break;
      const next = queue.shift();
      if (next) {
        picked.push(next);
        took = true;
      }
    }
    if (!took) break;
  }
  return shuffled(picked, random);
}
