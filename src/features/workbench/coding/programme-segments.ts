/** A range of the programme text, start inclusive, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A run of the programme text rendered as one element: all boilerplate or not, in one match or none. */
export interface Segment extends Span {
  readonly boilerplate: boolean;
  /** The index of the search match the run lies in, else null. */
  readonly match: number | null;
}

const inside = (ranges: readonly Span[], at: number) =>
  ranges.findIndex((r) => r.start <= at && at < r.end);

/**
 * Cuts `length` characters of text at every edge of the boilerplate passages and the search
 * matches, so each run is one element with its start offset: the DOM selection maps back to
 * offsets of the raw text exactly (selection-offsets.ts).
 */
export function segmentsOf(
  length: number,
  boilerplate: readonly Span[],
  matches: readonly Span[],
): Segment[] {
  const edges = new Set([0, length]);
  for (const r of [...boilerplate, ...matches]) {
    edges.add(Math.max(0, Math.min(length, r.start)));
    edges.add(Math.max(0, Math.min(length, r.end)));
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    const match = inside(matches, start);
    out.push({
      start,
      end,
      boilerplate: inside(boilerplate, start) >= 0,
      match: match >= 0 ? match : null,
    });
  }
  return out;
}

/** Escapes a search text for a RegExp; whitespace matches any run of whitespace (line breaks too). */
const patternOf = (query: string) =>
  query
    .trim()
    .split(/\s+/u)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('\\s+');

/** Case-insensitive places of `query` in `text`; none for a query under two characters. */
export function searchMatches(text: string, query: string): Span[] {
  if (query.trim().length < 2) return [];
  const pattern = new RegExp(patternOf(query), 'giu');
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Whether a search text occurs in `text` (as searchMatches finds it). */
export function containsQuery(text: string, query: string): boolean {
  return query.trim().length >= 2 && new RegExp(patternOf(query), 'iu').test(text);
}

export const overlaps = (a: Span, ranges: readonly Span[]) =>
  ranges.some((r) => r.start < a.end && a.start < r.end);
