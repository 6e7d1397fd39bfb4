import type { Compass } from '../../domain/bank/types.ts';

/** Where a quote was coded: the party whose programme it is from and the statement it backs. */
export interface QuoteSource {
  readonly party: string;
  readonly statement: string;
}

/** One card to cut out: a verbatim quote, once, with every place it was coded for. */
export interface QuoteCard {
  /** 1-based, in the order the cards are printed; the answer key uses the same number. */
  readonly number: number;
  readonly quote: string;
  /** Every (party, statement) the quote was coded for, in compass order; usually one. */
  readonly sources: readonly QuoteSource[];
}

/**
 * Every verbatim quote of the compass once, as a card for "who said what". A quote a party uses
 * for several statements is one card that names each statement. Cards are sorted by the quote's
 * text (Swedish order), so that neither the statement nor the party can be read off the order.
 */
export function quoteCards(compass: Compass): QuoteCard[] {
  const byText = new Map<string, QuoteSource[]>();
  for (const statement of compass.statements)
    for (const party of compass.parties)
      for (const raw of statement.stances[party.id]?.quotes ?? []) {
        const quote = raw.trim();
        if (!quote) continue;
        const sources = byText.get(quote) ?? [];
        if (!sources.some((s) => s.party === party.id && s.statement === statement.id))
          sources.push({ party: party.id, statement: statement.id });
        byText.set(quote, sources);
      }
  const collator = new Intl.Collator('sv');
  return [...byText.entries()]
    .sort(([a], [b]) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([quote, sources], i) => ({ number: i + 1, quote, sources }));
}

/** The distinct parties of a card, in the order they first appear. */
export const cardParties = (card: QuoteCard): string[] => [
  ...new Set(card.sources.map((source) => source.party)),
];

/** The distinct statements of a card, in compass order. */
export const cardStatements = (card: QuoteCard): string[] => [
  ...new Set(card.sources.map((source) => source.statement)),
];
