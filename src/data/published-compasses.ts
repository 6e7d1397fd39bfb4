import type { PublishedEntry, PublishedList } from '../domain/workbench/api.ts';

export type { PublishedEntry, PublishedList };

/**
 * What asking the service for its published compasses gave: the page of the list; `none` when
 * this site has no service behind it (a static host: the API is missing, answers with a page
 * instead of JSON, or cannot be reached), so the site lists only what it was built with;
 * `failed` when the service is there but answered with an error.
 */
export type PublishedListing =
  | { readonly status: 'ok'; readonly list: PublishedList }
  | { readonly status: 'none' }
  | { readonly status: 'failed' };

/** A compass id as the bank allows it (and so the only kind worth asking the service for). */
export const isCompassId = (id: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);

const isText = (value: unknown): value is string => typeof value === 'string';

const isTexts = (value: unknown): value is PublishedEntry['title'] =>
  typeof value === 'object' &&
  value !== null &&
  isText((value as Record<string, unknown>).sv) &&
  ['en', 'ar'].every((k) => {
    const text = (value as Record<string, unknown>)[k];
    return text === undefined || isText(text);
  });

/** One row of the list, read defensively: a row of another shape is left out, not shown half. */
function readEntry(value: unknown): PublishedEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const row = value as Record<string, unknown>;
  const languages = Array.isArray(row.languages)
    ? row.languages.filter((l): l is 'sv' | 'en' | 'ar' => l === 'sv' || l === 'en' || l === 'ar')
    : ['sv' as const];
  if (
    !isText(row.id) ||
    !isCompassId(row.id) ||
    !isTexts(row.title) ||
    !isTexts(row.description) ||
    !isText(row.municipality) ||
    (row.region !== undefined && !isText(row.region))
  )
    return null;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    municipality: row.municipality,
    ...(isText(row.region) && { region: row.region }),
    ...(isText(row.electionDate) && { electionDate: row.electionDate }),
    version: typeof row.version === 'number' ? row.version : 1,
    published: isText(row.published) ? row.published : '',
    languages,
  };
}

/** The list's JSON, or null when it is not a list of compasses at all. */
export function readPublishedList(data: unknown): PublishedList | null {
  if (typeof data !== 'object' || data === null) return null;
  const { compasses, total } = data as Record<string, unknown>;
  if (!Array.isArray(compasses) || typeof total !== 'number') return null;
  const rows = compasses.map(readEntry).filter((row) => row !== null);
  return { compasses: rows, total: Math.max(total, rows.length) };
}

/**
 * One page of the published compasses whose title, municipality or region matches `query`
 * (`GET /api/compasses?q=&offset=`, at most 50 a page), from the app's own origin.
 */
export async function listPublished(
  query: string,
  offset: number,
  signal?: AbortSignal,
  fetchJson: typeof fetch = fetch,
): Promise<PublishedListing> {
  const search = new URLSearchParams({ q: query, offset: String(offset) });
  let response: Response;
  try {
    response = await fetchJson(`${import.meta.env.BASE_URL}api/compasses?${search}`, {
      headers: { accept: 'application/json' },
      ...(signal && { signal }),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { status: 'none' };
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    // A static host answers with its own page, or with nothing: no service here.
    return { status: 'none' };
  }
  if (response.status === 404) return { status: 'none' };
  if (!response.ok) return { status: 'failed' };
  const list = readPublishedList(data);
  return list ? { status: 'ok', list } : { status: 'none' };
}
