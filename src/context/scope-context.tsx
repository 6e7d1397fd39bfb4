import { createContext, useContext, useMemo } from 'react';
import { type SitePaths, sitePaths } from '../config/paths.ts';
import { type Reading, readingPrefix } from '../i18n/reading.ts';

/**
 * Where a page is: the reading its address is in (`/en/…`) and the compass it belongs to
 * (`/<compass>/…`). Outside any (in tests, say) a page is Swedish and its links are the old
 * root-level ones.
 */
export interface Scope {
  readonly reading: Reading;
  readonly compass: string | null;
}

const ScopeContext = createContext<Scope>({ reading: 'sv', compass: null });

export const ScopeProvider = ScopeContext.Provider;

export const useScope = (): Scope => useContext(ScopeContext);

/** Every route of the app, for this page's reading and compass (see `sitePaths`). */
export function usePaths(): SitePaths {
  const { reading, compass } = useScope();
  return useMemo(() => sitePaths(readingPrefix(reading), compass), [reading, compass]);
}
