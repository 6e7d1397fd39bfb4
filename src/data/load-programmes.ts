/** Each party's verbatim programme text, by party id. */
export type Programmes = Readonly<Record<string, string>>;

const cache = new Map<string, Promise<Programmes | null>>();

/**
 * The programme texts of a compass, fetched once from the app's own origin, for the programme
 * viewer; null when missing or not of the expected shape (the viewer then says so).
 */
export function loadProgrammes(
  compassId: string,
  fetchJson: typeof fetch = fetch,
): Promise<Programmes | null> {
  let pending = cache.get(compassId);
  if (!pending) {
    pending = (async () => {
      try {
        const response = await fetchJson(
          `${import.meta.env.BASE_URL}data/${encodeURIComponent(compassId)}-programmes.json`,
        );
        if (!response.ok) return null;
        const data: unknown = await response.json();
        if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
        const entries = Object.entries(data as Record<string, unknown>);
        return entries.every(([, text]) => typeof text === 'string') ? (data as Programmes) : null;
      } catch {
        return null;
      }
    })();
    cache.set(compassId, pending);
    void pending.then((value) => {
      if (value === null) cache.delete(compassId);
    });
  }
  return pending;
}
