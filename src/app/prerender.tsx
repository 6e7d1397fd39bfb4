/**
 * The app rendered at build time (src/tools/vite-plugin-prerender.ts builds this module for Node
 * and calls it): the pages whose content does not depend on the voter, in every reading, as HTML
 * that the browser paints before any script runs and the app then hydrates (main.tsx). The same
 * routes, components and strings as in the browser; the data is what the build publishes.
 */
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { I18nextProvider } from 'react-i18next';
import { StaticRouter, useRoutes } from 'react-router';
import { COMPASSES, ONLY_COMPASS } from '../config/compasses.ts';
import { sitePaths } from '../config/paths.ts';
import { methodFigures, readMethodFigures } from '../data/load-method.ts';
import { type Programmes, programmeTexts } from '../data/load-programmes.ts';
import { compasses } from '../data/use-compass.ts';
import { parseCompass } from '../domain/bank/parse-compass.ts';
import { createI18n, switchLanguage } from '../i18n/i18n.ts';
import { type Reading, readingLanguage, readingPrefix, READINGS } from '../i18n/reading.ts';
import { SCREENS } from './page-screens.ts';
import { PAGES } from './pages.ts';
import { routes } from './routes.tsx';

export { COMPASSES, READINGS };

/** A compass's published files, as the build wrote them under data/. */
export interface CompassFiles {
  readonly compass: unknown;
  readonly programmes: unknown;
  readonly method: unknown;
}

/** One page to prerender: its address, and its page's module (by name) whose chunk it preloads. */
export interface PageToRender {
  readonly path: string;
  readonly reading: Reading;
  readonly compass: string;
  /** The page module's name (pages.ts), or null for a page in the start page's chunk. */
  readonly module: string | null;
}

/**
 * Puts a compass's published files where the app's loaders look first, so that the pages render
 * without fetching; throws if the compass is not valid (the build has validated it already).
 */
export function seedCompass(id: string, files: CompassFiles): void {
  const parsed = parseCompass(files.compass);
  if (!parsed.ok) throw new Error(`prerender: the published compass "${id}" does not parse`);
  compasses.seed(id, { status: 'ok', compass: parsed.compass });
  programmeTexts.seed(id, files.programmes as Programmes);
  methodFigures.seed(id, readMethodFigures(files.method));
}

/**
 * Every page the page table (pages.ts) marks as prerendered, at each address its screens list
 * (page-screens.ts; not an old address that leads on, and without a fragment), in every reading:
 * the site's start page once per reading, the others for each compass.
 */
export function pagesToRender(files: ReadonlyMap<string, CompassFiles>): PageToRender[] {
  const parsed = COMPASSES.flatMap(({ id }) => {
    const found = parseCompass(files.get(id)?.compass);
    return found.ok ? [{ id, compass: found.compass }] : [];
  });
  const pages: PageToRender[] = [];
  for (const reading of READINGS) {
    const prefix = readingPrefix(reading);
    for (const entry of PAGES) {
      if (!entry.prerendered) continue;
      const module = entry.module?.name ?? null;
      // A page at a reading's root is the same whichever compass its screens are listed with.
      const compasses = entry.route.in === 'site' ? parsed.slice(0, 1) : parsed;
      for (const { id, compass } of compasses) {
        const at = sitePaths(prefix, id);
        const paths = SCREENS[entry.name]({ at, compass })
          .filter((screen) => screen.lands === undefined)
          .map((screen) => screen.path.split('#')[0]!);
        const owner = entry.route.in === 'site' ? (ONLY_COMPASS ?? '') : id;
        for (const path of new Set(paths)) pages.push({ path, reading, compass: owner, module });
      }
    }
  }
  return pages;
}

function Routes() {
  return useRoutes(routes);
}

/** The HTML of the app at `path` in `reading`, all lazy parts loaded (the root's inner HTML). */
export async function renderPage(path: string, reading: Reading): Promise<string> {
  const i18n = createI18n();
  await switchLanguage(i18n, readingLanguage(reading));
  const { prelude } = await prerender(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StaticRouter location={path}>
          <Routes />
        </StaticRouter>
      </I18nextProvider>
    </StrictMode>,
    // One piece, however long: a page split into parts would need inline scripts to put them
    // together, which the site's policy forbids (and which would not run without JavaScript).
    { onError: (error) => console.error(error), progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  return new Response(prelude).text();
}
