/**
 * Quotes against the stored programme text: what a coder or the editor sends is a selection
 * (offsets); it is accepted when `quoteFromSelection` turns it into a quote (inside the text, not
 * only whitespace, not touching boilerplate, long enough, and found by the bank's own quote
 * check). What is stored is that quote: the selection with surrounding whitespace trimmed off
 * (offsets moved accordingly) and its text, so that it can be found again when the programme is
 * replaced.
 */
import type { QuoteRange } from '../../domain/workbench/quotes.ts';
import { quoteFromSelection, reanchorQuotes } from '../../domain/workbench/quotes.ts';
import type { ProgrammeItem } from './items.ts';
import { WorkbenchError } from './messages.ts';

/** The quote a selection makes in the programme, or 400 `quote-not-in-programme`. */
export function quoteIn(
  programme: ProgrammeItem | null,
  selection: { start: number; end: number },
): QuoteRange {
  if (!programme) throw new WorkbenchError('quote-not-in-programme', { reason: 'no-programme' });
  const made = quoteFromSelection(
    programme.text,
    selection.start,
    selection.end,
    programme.boilerplate,
  );
  if (!made.ok) throw new WorkbenchError('quote-not-in-programme', { reason: made.reason });
  return made.quote;
}

/** A stored quote after its programme was replaced: moved to its text's one place, or lost. */
export interface Moved {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lost: boolean;
}

/**
 * Each quote found again in the new text by its text (`reanchorQuotes`); one not found, or found
 * more than once, keeps its old offsets and text and is marked lost.
 */
export function moveQuotes(
  newText: string,
  boilerplate: readonly string[],
  quotes: readonly QuoteRange[],
): Moved[] {
  return reanchorQuotes(newText, quotes, boilerplate).map((result) =>
    result.status === 'found' && result.old.text.trim() !== ''
      ? { ...result.quote, lost: false }
      : { start: result.old.start, end: result.old.end, text: result.old.text, lost: true },
  );
}
