/**
 * Readability measures for Swedish text: word count and LIX (läsbarhetsindex, Björnsson 1968).
 * One tokenizer for every count, so the validator, the balance report and the app agree.
 *
 *   LIX = words / sentences + 100 × long words / words
 *
 * Choices (the classic definition leaves them open):
 * - A **word** is a run of letters or digits. Letters are any Unicode letter, so å, ä, ö, é and
 *   Arabic count as letters. A hyphen or apostrophe *between* two such runs joins them into one
 *   word ("LSS-boende", "a-kassa", "hbtq-personers" are one word each); a free-standing dash
 *   ("–", " - ") is punctuation, not a word.
 * - A **number** is a word ("15"; "3,5" is one word; "2 000" is two, as a reader sees two
 *   groups); its digits count towards its length, so "1000000" is long.
 * - **Symbols** are not words: "%", "§", "&", "+" and quotation marks add nothing, so "50 %" is
 *   one word. Write "procent" in easy-read text if the word should count.
 * - A word is **long** when it has more than six characters, not counting hyphens, apostrophes
 *   and decimal marks ("LSS-boende" has 9, so it is long; "jourhem" has 7, long; "kommun" has 6,
 *   not).
 * - A **sentence** ends at ".", "!" or "?" (one or more in a row, perhaps then a closing quote
 *   or bracket) followed by a space or the end of the text. A colon does not end a sentence (in the bank's texts it introduces a list).
 *   Text after the last full stop counts as one more sentence; a text with words always has at
 *   least one. Abbreviations are not recognised: "t.ex. ett" is the words "t", "ex", "ett" and a
 *   sentence end, which is one more reason to write them out in easy-read text.
 */

/**
 * A word: letters/digits, optionally joined by single inner hyphens or apostrophes, or (between
 * digits) a decimal comma or point, so "3,5" is one word.
 */
const WORD = /[\p{L}\p{N}]+(?:(?:[-‐‑'’]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;
/** What does not count towards a word's length. */
const JOINERS = /[-‐‑'’.,]/gu;
/** Sentence-final punctuation (and any closing quote or bracket), then whitespace or the end. */
const SENTENCE_END = /[.!?]+["”’»)\]]*(?=\s|$)/gu;
/** A word is long when it has more than this many characters (hyphens and apostrophes not counted). */
export const LONG_WORD = 6;

/** The words of a text, in order, as written. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** How many words a text has (see the choices above). */
export function countWords(text: string): number {
  return words(text).length;
}

/** How many characters of a word count towards its length (letters and digits only). */
const wordLength = (word: string): number => word.replace(JOINERS, '').length;

/** How many sentences a text has; 0 only when it has no words. */
export function countSentences(text: string): number {
  if (countWords(text) === 0) return 0;
  let sentences = 0;
  let rest = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    if (countWords(text.slice(rest, match.index)) > 0) sentences++;
    rest = match.index + match[0].length;
  }
  if (countWords(text.slice(rest)) > 0) sentences++;
  return sentences;
}

/** The parts of a LIX figure, for reports that want to show them. */
export interface LixCounts {
  readonly words: number;
  readonly sentences: number;
  readonly longWords: number;
}

export function lixCounts(text: string): LixCounts {
  const all = words(text);
  return {
    words: all.length,
    sentences: countSentences(text),
    longWords: all.filter((w) => wordLength(w) > LONG_WORD).length,
  };
}

/**
 * LIX of a text: words per sentence plus the percentage of long words. 0 for a text without
 * words. Not rounded (round when showing it). Under 30: very easy; 30–40 easy; 40–50 medium
 * (ordinary news text); over 50 hard.
 */
export function lix(text: string): number {
  const { words: n, sentences, longWords } = lixCounts(text);
  if (n === 0) return 0;
  return n / sentences + (100 * longWords) / n;
}

/** The median of a list of numbers (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
