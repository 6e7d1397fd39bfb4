import { useCallback, useEffect, useState } from 'react';
import { listPublished, type PublishedEntry } from '../../data/published-compasses.ts';

/** What the list of published compasses shows for a search. */
export interface Published {
  /** `loading` until the service has answered for this search (or for the next page of it). */
  readonly status: 'loading' | 'ok' | 'none' | 'failed';
  /** The rows fetched so far for this search, page after page. */
  readonly rows: readonly PublishedEntry[];
  /** How many match in all. */
  readonly total: number;
  /** Fetches the next page (appended to `rows`). */
  readonly more: () => void;
  /** Asks again after a failure. */
  readonly retry: () => void;
}

interface Answer {
  readonly query: string;
  readonly offset: number;
  readonly status: 'ok' | 'none' | 'failed';
  readonly rows: readonly PublishedEntry[];
  readonly total: number;
}

/**
 * The published compasses matching `query`, a page at a time from the service. Once the site is
 * known to have no service, it is not asked again: every search then shows the built compasses
 * only. A newer search cancels the answer to an older one.
 */
export function usePublished(query: string): Published {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [wanted, setWanted] = useState({ query, offset: 0, attempt: 0 });
  // A new search starts at its first page.
  const offset = wanted.query === query ? wanted.offset : 0;
  const { attempt } = wanted;
  const noService = answer?.status === 'none';
  useEffect(() => {
    if (noService) return;
    const controller = new AbortController();
    listPublished(query, offset, controller.signal).then(
      (result) =>
        setAnswer((previous) => {
          const kept = offset > 0 && previous?.query === query ? previous.rows : [];
          return result.status === 'ok'
            ? {
                query,
                offset,
                status: 'ok',
                rows: [...kept, ...result.list.compasses],
                total: result.list.total,
              }
            : { query, offset, status: result.status, rows: kept, total: previous?.total ?? 0 };
        }),
      // Aborted by a newer search: that one answers.
      () => undefined,
    );
    return () => controller.abort();
  }, [query, offset, attempt, noService]);
  const current =
    answer !== null && (noService || (answer.query === query && answer.offset === offset));
  const rows = answer !== null && answer.query === query ? answer.rows : [];
  const more = useCallback(
    () => setWanted({ query, offset: rows.length, attempt }),
    [query, rows.length, attempt],
  );
  const retry = useCallback(
    () => setWanted({ query, offset, attempt: attempt + 1 }),
    [query, offset, attempt],
  );
  return {
    status: current ? answer.status : 'loading',
    rows,
    total: current && answer.status === 'ok' ? answer.total : (answer?.total ?? 0),
    more,
    retry,
  };
}
