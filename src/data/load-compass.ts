import { parseCompass } from '../domain/bank/parse-compass.ts';
import type { BankIssue, Compass } from '../domain/bank/types.ts';
import { nextTask } from './next-task.ts';

/**
 * What loading a compass gave: the valid compass; `network` when the file could not be fetched
 * (offline, or an HTTP error such as 404); `unreadable` when it arrived but is not JSON (e.g. an
 * HTML error page); `invalid` when it is JSON but fails validation.
 */
export type CompassLoad =
  | { readonly status: 'ok'; readonly compass: Compass }
  | { readonly status: 'network' }
  | { readonly status: 'unreadable' }
  | { readonly status: 'invalid'; readonly issues: readonly BankIssue[] };

/**
 * Fetches a compass's open-data JSON from the app's own origin and validates it with the same
 * parser the build uses, so that a broken file can never show wrong percentages.
 */
export async function loadCompass(
  id: string,
  fetchJson: typeof fetch = fetch,
): Promise<CompassLoad> {
  let response: Response;
  try {
    response = await fetchJson(`${import.meta.env.BASE_URL}data/${encodeURIComponent(id)}.json`);
  } catch {
    return { status: 'network' };
  }
  if (!response.ok) return { status: 'network' };
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    return { status: 'unreadable' };
  }
  // Checking the whole compass is the longest step of a page's start: in a task of its own.
  await nextTask();
  const parsed = parseCompass(data);
  return parsed.ok
    ? { status: 'ok', compass: parsed.compass }
    : { status: 'invalid', issues: parsed.issues };
}
