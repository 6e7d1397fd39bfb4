import { parseCompass } from '../domain/bank/parse-compass.ts';
import type { BankIssue, Compass } from '../domain/bank/types.ts';

export type CompassLoad =
  | { readonly status: 'ok'; readonly compass: Compass }
  | { readonly status: 'network' }
  | { readonly status: 'invalid'; readonly issues: readonly BankIssue[] };

/**
 * Fetches a compass's open-data JSON from the app's own origin and validates it with the same
 * parser the build uses, so that a broken file can never show wrong percentages.
 */
export async function loadCompass(
  id: string,
  fetchJson: typeof fetch = fetch,
): Promise<CompassLoad> {
  let data: unknown;
  try {
    const response = await fetchJson(
      `${import.meta.env.BASE_URL}data/${encodeURIComponent(id)}.json`,
    );
    if (!response.ok) return { status: 'network' };
    data = await response.json();
  } catch {
    return { status: 'network' };
  }
  const parsed = parseCompass(data);
  return parsed.ok
    ? { status: 'ok', compass: parsed.compass }
    : { status: 'invalid', issues: parsed.issues };
}
