import { useHydrated } from '../../components/use-hydrated.ts';

/**
 * The site's origin (`https://…`), for the full addresses the material prints. A prerendered page
 * is made at build time, when the origin it will be served from is not known: its HTML, and the
 * render that hydrates it, give the addresses without the origin (still a working link), and the
 * origin is filled in right after the app has taken the page over, long before anyone prints.
 */
export function useSiteOrigin(): string {
  return useHydrated() ? window.location.origin : '';
}
