/**
 * A cell the editor has not decided: the coders' common coding, when every coder of the workspace
 * coded it and all agree on position and kind; confidence `general` if any coder said so, every
 * quote once, every note once. The service assembles its draft with it (publish, the draft
 * check) and the browser its live check, so the two always agree on what is undecided.
 */
import type { Position } from '../bank/types.ts';
import type { CodingKind, DraftCoding, Explicitness } from './draft.ts';

/** One coder's coding of the cell, as both the service's store and the API give it. */
export interface CoderCoding {
  readonly position: Position | null;
  readonly kind: CodingKind;
  readonly confidence: Explicitness;
  readonly quote: { readonly start: number; readonly end: number } | null;
  readonly quoteText: string | null;
  readonly note: string;
}

export function agreedCoding(
  cell: { readonly statement: string; readonly party: string },
  codings: readonly CoderCoding[],
  coders: number,
): DraftCoding | null {
  const first = codings[0];
  if (!first || coders === 0 || codings.length < coders) return null;
  if (!codings.every((c) => c.position === first.position && c.kind === first.kind)) return null;
  const quotes = new Map<string, { start: number; end: number; text: string }>();
  for (const c of codings)
    if (c.quote)
      quotes.set(`${c.quote.start}:${c.quote.end}`, { ...c.quote, text: c.quoteText ?? '' });
  const notes = [...new Set(codings.map((c) => c.note.trim()).filter((n) => n !== ''))];
  return {
    statement: cell.statement,
    party: cell.party,
    position: first.position,
    kind: first.kind,
    confidence: codings.some((c) => c.confidence === 'general') ? 'general' : 'explicit',
    quotes: [...quotes.values()],
    note: notes.join('\n\n'),
  };
}
