import { use } from 'react';
import { type CompassLoad, loadCompass } from './load-compass.ts';
import { resource } from './resource.ts';

/** The compasses of this page, each loaded (and validated) once. */
export const compasses = resource<CompassLoad>((id) => loadCompass(id));

/**
 * The compass with this id, loaded and validated; suspends until it is here (so render inside
 * `<Suspense>`). While the app hydrates a prerendered page, React keeps the page's HTML on screen
 * until then.
 */
export function useCompassLoad(id: string): CompassLoad {
  return use(compasses.read(id));
}
