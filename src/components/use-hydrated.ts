import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while React hydrates a prerendered page (and while prerendering), true after: what only
 * the browser knows (the URL's fragment, say) waits for it, so the first render matches the HTML
 * and React renders again with the browser's values straight after. True at once in a page
 * rendered in the browser from scratch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
