import list from 'virtual:valkompass/compasses';
import type { Localized } from '../domain/bank/types.ts';

/** A compass as the site lists it, before its questions are loaded. */
export interface CompassEntry {
  readonly id: string;
  readonly title: Localized;
  readonly description: Localized;
}

/** Every compass this deployment serves, in the order of their folders (from the build). */
export const COMPASSES: readonly CompassEntry[] = list;

/** The one compass there was before a deployment could serve several: old links lead to it. */
const FIRST_COMPASS = 'socialpolitik';

/**
 * The compass that links from before compasses had their own addresses (`/fraga/3`,
 * `/resultat`, `/delat#…`) belong to: the first compass, if this site still serves it; else the
 * first one it serves.
 */
export const LEGACY_COMPASS: string | null =
  COMPASSES.find((c) => c.id === FIRST_COMPASS)?.id ?? COMPASSES[0]?.id ?? null;

export const isServedCompass = (id: string | undefined): id is string =>
  id !== undefined && COMPASSES.some((c) => c.id === id);

/** The compass the site's start page is, when the site serves exactly one; else null (a list). */
export const ONLY_COMPASS: string | null = COMPASSES.length === 1 ? COMPASSES[0]!.id : null;
