/**
 * A PDF page's text items (as pdf.js's getTextContent gives them: a string, where it starts and how
 * wide it is) laid out as programme text: items on one baseline make a line, lines a paragraph,
 * paragraphs are separated by a blank line, and a paragraph is one line, as in the bank's copies.
 * Pure, so that it is tested without a PDF; pdf-text.ts feeds it.
 */

/** One run of text on a page, in PDF points; y grows upwards. */
export interface PositionedText {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size in points. */
  readonly size: number;
}

/** One line of a page, top to bottom. */
export interface PageLine {
  readonly text: string;
  readonly y: number;
  readonly size: number;
}

/** Items whose baselines differ by less than this share of the font size are on one line. */
const SAME_LINE = 0.4;
/** A gap wider than this share of the font size between two items is a space. */
const WORD_GAP = 0.2;
/** A line gap this many times the page's usual one starts a new paragraph. */
const PARAGRAPH_GAP = 1.4;
/**
 * The widest line spacing, as a multiple of the font size, still taken for lines of one paragraph
 * (double spacing is 2): so that a page whose paragraphs are all one line, where the usual gap is
 * the paragraph gap, still has paragraphs.
 */
const LOOSE_LEADING = 1.5;
/** Sizes that differ by more than this many points: a heading ends or starts. */
const SIZE_CHANGE = 1;

/** The page's items as lines, in the order the page draws them. */
export function pageLines(items: readonly PositionedText[]): PageLine[] {
  const lines: PageLine[] = [];
  let text = '';
  let y = 0;
  let size = 0;
  let end = 0;
  for (const item of items) {
    if (item.str === '') continue;
    const tolerance = SAME_LINE * Math.max(size, item.size, 1);
    if (text !== '' && Math.abs(item.y - y) <= tolerance) {
      const gap = item.x - end;
      const spaced = /\s$/u.test(text) || /^\s/u.test(item.str);
      if (!spaced && gap > WORD_GAP * Math.max(size, item.size)) text += ' ';
      text += item.str;
      size = Math.max(size, item.size);
    } else {
      if (text.trim() !== '') lines.push({ text: text.trim(), y, size });
      text = item.str;
      y = item.y;
      size = item.size;
    }
    end = item.x + item.width;
  }
  if (text.trim() !== '') lines.push({ text: text.trim(), y, size });
  return lines;
}

/**
 * The page's usual line spacing: the most common downward step between consecutive lines (to half
 * a point; the smaller on a tie), or undefined with none. Not the median, which paragraph gaps
 * pull up on a page of short paragraphs.
 */
function usualLineGap(lines: readonly PageLine[]): number | undefined {
  const counts = new Map<number, number>();
  lines.slice(1).forEach((line, i) => {
    const gap = Math.round((lines[i]!.y - line.y) * 2) / 2;
    if (gap > 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  });
  let usual: number | undefined;
  for (const [gap, count] of counts) {
    const best = usual === undefined ? 0 : counts.get(usual)!;
    if (count > best || (count === best && gap < usual!)) usual = gap;
  }
  return usual;
}

/** A list item's line: a bullet or a dash, or a number followed by "." or ")". */
const LIST_ITEM = /^(?:[•▪◦‣●○■□–—*-]\s|\d{1,3}[.)]\s)/u;

/** The lines grouped into paragraphs (each a list of lines); a list item starts one of its own. */
export function paragraphs(lines: readonly PageLine[]): PageLine[][] {
  const usual = usualLineGap(lines);
  const groups: PageLine[][] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const current = groups.at(-1);
    const gap = previous ? previous.y - line.y : 0;
    const breaks =
      !previous ||
      !current ||
      gap <= 0 ||
      gap >
        PARAGRAPH_GAP *
          Math.min(usual ?? Infinity, LOOSE_LEADING * Math.max(line.size, previous.size)) ||
      Math.abs(line.size - previous.size) > SIZE_CHANGE ||
      LIST_ITEM.test(line.text);
    if (breaks) groups.push([line]);
    else current.push(line);
  });
  return groups;
}

/**
 * The next line's first word, when it ends a suspended compound ("jour- och kontaktfamiljer",
 * "barn- eller ungdomsenheten"): the hyphen before it is real and the line break a space.
 */
const SUSPENDED = /^(?:och|eller|samt|respektive|resp\.|liksom|and|or|&|,)(?=[\s,.;:]|$)/iu;

/**
 * Joins a paragraph's lines into one, undoing hyphenation at the end of a line only where it was
 * a soft break: "sam-" + "hälle" is "samhälle", but "jour-" + "och kontaktfamiljer" keeps the
 * hyphen and a space, and "LSS-" + "insatser" or "95-" + "procentig" keep the hyphen without one
 * (a hyphen after a capital or a digit is part of the word). A soft hyphen (U+00AD) always joins.
 */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (text === '') text = line;
    else if (text.endsWith('\u00AD')) text = text.slice(0, -1) + line;
    else if (/[\p{L}\p{N}][-\u2010]$/u.test(text)) {
      const before = text.at(-2)!;
      if (SUSPENDED.test(line)) text += ` ${line}`;
      else if (/\p{Ll}/u.test(before) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
      else text += line;
    } else text += ` ${line}`;
  }
  return text;
}

/** A page's text: its paragraphs joined, list items one to a line, a blank line between others. */
export function pageText(items: readonly PositionedText[]): string {
  let text = '';
  let previousWasItem = false;
  for (const group of paragraphs(pageLines(items))) {
    const isItem = LIST_ITEM.test(group[0]!.text);
    const paragraph = joinLines(group.map((line) => line.text));
    if (text !== '') text += isItem && previousWasItem ? '\n' : '\n\n';
    text += paragraph;
    previousWasItem = isItem;
  }
  return text;
}
