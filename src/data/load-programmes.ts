import { resource } from './resource.ts';

/** Each party's verbatim programme text, by party id. */
export type Programmes = Readonly<Record<string, string>>;

/**
 * The programme texts of a compass, fetched from the app's own origin, for the programme viewer;
 * null when missing or not of the expected shape (the viewer then says so).
 */
export async function loadProgrammes(
  compassId: string,
  fetchJson: typeof fetch = fetch,
): Promise<Programmes | null> {
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
}

/** Each compass's programme texts, fetched once per page (read with `use()`). */
export const programmeTexts = resource<Programmes | null>((id) => loadProgrammes(id));
