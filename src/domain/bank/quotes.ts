/** Collapses every run of whitespace (spaces, line breaks, no-break spaces) to one space. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Marks where boilerplate was cut out, so that no quote can bridge the gap. */
const CUT = '\u0000';

/** A programme prepared for quote look-ups. */
export interface Programme {
  /** Whitespace-normalised programme text with boilerplate cut out. */
  readonly content: string;
  /** Whitespace-normalised full file, boilerplate included. */
  readonly whole: string;
  /** Declared boilerplate passages that do not occur in the file. */
  readonly missingBoilerplate: readonly string[];
}

/** Prepares a programme file for quote checks, cutting out the declared boilerplate passages. */
export function prepareProgramme(raw: string, boilerplate: readonly string[]): Programme {
  const whole = normalizeSpace(raw);
  let content = whole;
  const missingBoilerplate: string[] = [];
  for (const passage of boilerplate) {
    const needle = normalizeSpace(passage);
    if (!whole.includes(needle)) missingBoilerplate.push(passage);
    else content = content.split(needle).join(CUT);
  }
  return { content, whole, missingBoilerplate };
}

export type QuoteLookup = 'found' | 'boilerplate' | 'absent';

/** Whether a quote occurs verbatim (up to whitespace) in the programme's content. */
export function lookUpQuote(quote: string, programme: Programme): QuoteLookup {
  const needle = normalizeSpace(quote);
  if (needle.length > 0 && programme.content.includes(needle)) return 'found';
  if (needle.length > 0 && programme.whole.includes(needle)) return 'boilerplate';
  return 'absent';
}

/** The shortest quote accepted, in characters: anything shorter proves nothing. */
export const MIN_QUOTE_LENGTH = 12;

/**
 * Where a quote sits in the raw programme text (start inclusive, end exclusive), matching any
 * run of whitespace in either for any other; null when it is not there. For highlighting.
 */
export function locateQuote(raw: string, quote: string): { start: number; end: number } | null {
  const pattern = quotePattern(quote, 'u');
  const match = pattern?.exec(raw);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** The quote as a pattern matching any run of whitespace for any other; null when it is empty. */
function quotePattern(quote: string, flags: string): RegExp | null {
  const words = normalizeSpace(quote).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), flags);
}

/**
 * Every place a quote sits in the raw programme text, with locateQuote's matching, in text order.
 * Overlapping occurrences count separately ("ja ja" is twice in "ja ja ja"). Empty for an empty quote.
 */
export function locateQuoteAll(raw: string, quote: string): { start: number; end: number }[] {
  const pattern = quotePattern(quote, 'gu');
  if (pattern === null) return [];
  const found: { start: number; end: number }[] = [];
  for (let match = pattern.exec(raw); match !== null; match = pattern.exec(raw)) {
    found.push({ start: match.index, end: match.index + match[0].length });
    pattern.lastIndex = match.index + 1;
  }
  return found;
}
