/**
 * A newsroom's draft, taken as a voter before it is published: the workbench puts the draft's
 * open data in this tab's sessionStorage and opens `/<id>/`; the app, finding no compass of that
 * id in its build, shows the draft from here, marked as a draft, instead of asking the service for
 * a published one. The draft never leaves the browser, and it is gone when the tab closes, so a
 * voter who later opens the published compass in another tab sees the published one.
 */
import { parseCompass } from '../domain/bank/parse-compass.ts';
import type { Compass } from '../domain/bank/types.ts';

const KEY = 'valkompass.draft-preview';

/** Keeps `openData` (the draft's `/data/<id>.json`, as toOpenData writes it) for this tab. */
export function storeDraftPreview(openData: { readonly id: string }): boolean {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(openData));
    return true;
  } catch {
    return false;
  }
}

/** The draft kept for `id` in this tab, parsed and checked like a published compass; else null. */
export function readDraftPreview(id: string): Compass | null {
  let data: unknown;
  try {
    const text = sessionStorage.getItem(KEY);
    if (text === null) return null;
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if ((data as { id?: unknown } | null)?.id !== id) return null;
  const parsed = parseCompass(data);
  return parsed.ok ? parsed.compass : null;
}

/** Ends the preview in this tab (the page's "Avsluta förhandsvisningen"). */
export function endDraftPreview(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused: nothing was kept either.
  }
}
