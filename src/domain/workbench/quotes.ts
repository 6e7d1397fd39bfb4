/**
 * Quotes as the workbench makes them: a coder selects a passage of the programme (by dragging, or
 * by choosing a sentence from the keyboard), and the selection becomes a quote with offsets into
 * the raw programme text. Anything accepted here passes the bank's own quote check (checkBank).
 */
import {
  locateQuoteAll,
  lookUpQuote,
  MIN_QUOTE_LENGTH,
  normalizeSpace,
  prepareProgramme,
} from '../bank/quotes.ts';

/** A quote in a programme: the raw text from `start` (inclusive) to `end` (exclusive). */
export interface QuoteRange {
  readonly start: number;
  readonly end: number;
  /** Exactly `programmeText.slice(start, end)`. */
  readonly text: string;
}

/** Why a selection cannot be a quote. */
export type SelectionProblem =
  /** The offsets are not whole numbers with 0 ≤ start ≤ end ≤ the text's length. */
  | 'out-of-range'
  /** Nothing but whitespace is selected. */
  | 'empty'
  /** Fewer than MIN_QUOTE_LENGTH characters (after collapsing whitespace): proves nothing. */
  | 'too-short'
  /** The selection touches a passage marked as boilerplate (not programme content). */
  | 'boilerplate'
  /** The bank would not find it in the programme's content (e.g. it bridges a cut passage). */
  | 'not-programme';

export type SelectionResult =
  | { readonly ok: true; readonly quote: QuoteRange }
  | { readonly ok: false; readonly reason: SelectionProblem };

const validRange = (text: string, start: number, end: number) =>
  Number.isInteger(start) &&
  Number.isInteger(end) &&
  start >= 0 &&
  start <= end &&
  end <= text.length;

/** Where each boilerplate passage occurs in the raw text (whitespace-insensitive). */
export function boilerplateRanges(
  programmeText: string,
  boilerplate: readonly string[],
): { start: number; end: number }[] {
  return boilerplate.flatMap((passage) => locateQuoteAll(programmeText, passage));
}

/**
 * Turns a selection [start, end) of the raw programme text into a quote: the selected slice with
 * surrounding whitespace trimmed off (and the offsets moved accordingly), or the reason it cannot
 * be one. Checked in this order: range, empty, too short, boilerplate, not in the programme.
 */
export function quoteFromSelection(
  programmeText: string,
  start: number,
  end: number,
  boilerplate: readonly string[],
): SelectionResult {
  if (!validRange(programmeText, start, end)) return { ok: false, reason: 'out-of-range' };
  const slice = programmeText.slice(start, end);
  const text = slice.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const from = start + (slice.length - slice.trimStart().length);
  const quote: QuoteRange = { start: from, end: from + text.length, text };
  if (normalizeSpace(text).length < MIN_QUOTE_LENGTH) return { ok: false, reason: 'too-short' };
  const overlaps = boilerplateRanges(programmeText, boilerplate).some(
    (r) => r.start < quote.end && quote.start < r.end,
  );
  if (overlaps) return { ok: false, reason: 'boilerplate' };
  const found = lookUpQuote(text, prepareProgramme(programmeText, boilerplate));
  if (found === 'boilerplate') return { ok: false, reason: 'boilerplate' };
  if (found === 'absent') return { ok: false, reason: 'not-programme' };
  return { ok: true, quote };
}

/** Whether a quote's text is exactly the programme text at its offsets. */
export function checkQuote(programmeText: string, quote: QuoteRange): boolean {
  return (
    validRange(programmeText, quote.start, quote.end) &&
    programmeText.slice(quote.start, quote.end) === quote.text
  );
}

export type Reanchored =
  /** Found once: the new offsets, and the new text's own slice (its whitespace may differ). */
  | { readonly status: 'found'; readonly old: QuoteRange; readonly quote: QuoteRange }
  /** Not in the new text at all. */
  | { readonly status: 'lost'; readonly old: QuoteRange }
  /** In the new text more than once: none is picked, a coder must choose. */
  | { readonly status: 'ambiguous'; readonly old: QuoteRange; readonly count: number };

/**
 * Finds each quote again in a replaced programme text by its text, whitespace-insensitively
 * (locateQuote's matching), one result per quote in the same order. Occurrences touching a
 * boilerplate passage of the new text do not count.
 */
export function reanchorQuotes(
  newText: string,
  quotes: readonly QuoteRange[],
  boilerplate: readonly string[] = [],
): Reanchored[] {
  const cut = boilerplateRanges(newText, boilerplate);
  return quotes.map((old) => {
    const places = locateQuoteAll(newText, old.text).filter(
      (r) => !cut.some((b) => b.start < r.end && r.start < b.end),
    );
    if (places.length === 0) return { status: 'lost', old };
    if (places.length > 1) return { status: 'ambiguous', old, count: places.length };
    const { start, end } = places[0]!;
    return { status: 'found', old, quote: { start, end, text: newText.slice(start, end) } };
  });
}

/**
 * Abbreviations whose full stop never ends a sentence, even before a capital ("t.ex. Huddinge").
 * Lower case, with their dots.
 */
const NEVER_ENDS = new Set(
  [
    't.ex. bl.a. s.k. p.g.a. pga. d.v.s. dvs. f.d. fr.o.m. t.o.m. o.d. e.d. m.a.o. resp.',
    'ca. kl. nr. jfr. inkl. exkl. ang. enl. kr. mkr. mnkr. mdkr. milj. tkr. prof. dr. ev. tel. fr. sid.',
  ]
    .join(' ')
    .split(' '),
);
/** Abbreviations that often close a list: they end a sentence only before a capital letter. */
const END_BEFORE_CAPITAL = new Set(['m.m.', 'm.fl.', 'osv.', 'o.s.v.', 'etc.']);

/**
 * The sentences of a programme, as trimmed ranges of the raw text (without a leading list bullet),
 * for choosing a quote from the keyboard. A sentence ends at a line break (headings and list items are sentences of their own)
 * or after . ! ? … (with any closing quote marks or brackets) followed by whitespace and a capital
 * letter, digit, quote mark, dash or bullet. A full stop after a Swedish abbreviation (t.ex., bl.a.,
 * s.k., m.m. …) or list numbering opening a sentence ("1. Vi vill") does not end one, except
 * that m.m., m.fl., osv. and etc. do before a capital.
 */
export function sentencesOf(programmeText: string): QuoteRange[] {
  const out: QuoteRange[] = [];
  const push = (from: number, to: number) => {
    const slice = programmeText.slice(from, to);
    // Leading whitespace and a list bullet are not part of the sentence.
    const lead = /^\s*(?:[•·▪‣◦*–—-]\s+)?/u.exec(slice)![0].length;
    const text = slice.slice(lead).trimEnd();
    if (text === '') return;
    out.push({ start: from + lead, end: from + lead + text.length, text });
  };
  const boundary = /[.!?…]+["'”»)\]]*(?=[^\S\r\n]+["'“”«»\-–—•\p{Lu}\p{N}])|\r?\n|\r/gu;
  let from = 0;
  for (let m = boundary.exec(programmeText); m !== null; m = boundary.exec(programmeText)) {
    const to = m.index + m[0].length;
    if (m[0].startsWith('.') && !endsSentence(programmeText, from, m.index, to)) continue;
    push(from, to);
    from = to;
  }
  push(from, programmeText.length);
  return out;
}

function endsSentence(text: string, from: number, dot: number, after: number): boolean {
  const word = /\S*$/u
    .exec(text.slice(from, dot + 1))![0]
    .replace(/^["'“«([]+/u, '')
    .toLowerCase();
  if (NEVER_ENDS.has(word)) return false;
  // List numbering ("1. Vi vill …"): a small number opening the sentence.
  if (/^\d{1,2}\.$/u.test(word) && text.slice(from, dot + 1).trim() === word) return false;
  if (!END_BEFORE_CAPITAL.has(word)) return true;
  const next = /\s*(\S)/uy;
  next.lastIndex = after;
  return /\p{Lu}/u.test(next.exec(text)?.[1] ?? '');
}
