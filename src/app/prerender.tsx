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
import { PRINTABLES, sitePaths } from '../config/paths.ts';
import { methodFigures, readMethodFigures } from '../data/load-method.ts';
import { type Programmes, programmeTexts } from '../data/load-programmes.ts';
import { compasses } from '../data/use-compass.ts';
import { parseCompass } from '../domain/bank/parse-compass.ts';
import { createI18n, switchLanguage } from '../i18n/i18n.ts';
import { type Reading, readingLanguage, readingPrefix, READINGS } from '../i18n/reading.ts';
import { routes } from './routes.tsx';

export { COMPASSES, READINGS };

/** A compass's published files, as the build wrote them under data/. */
export interface CompassFiles {
  readonly compass: unknown;
  readonly programmes: unknown;
  readonly method: unknown;
}

/** One page to prerender: its address, and the app module whose chunk it needs (for preloading). */
export interface PageToRender {
  readonly path: string;
  readonly reading: Reading;
  readonly compass: string;
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
 * Every page whose content is the same for every voter: the site's start page, and for each
 * compass its start page, every statement, the list of statements with their quotes, the method,
 * the about page, each party's programme, the teachers' page and each printable material, in
 * every reading.
 */
export function pagesToRender(files: ReadonlyMap<string, CompassFiles>): PageToRender[] {
  const pages: PageToRender[] = [];
  for (const reading of READINGS) {
    const prefix = readingPrefix(reading);
    const site = sitePaths(prefix, null).site;
    pages.push({ path: site, reading, compass: ONLY_COMPASS ?? '', module: null });
    for (const { id } of COMPASSES) {
      const parsed = parseCompass(files.get(id)?.compass);
      if (!parsed.ok) continue;
      const { statements, parties } = parsed.compass;
      const p = sitePaths(prefix, id);
      const page = (path: string, module: string | null) =>
        pages.push({ path, reading, compass: id, module });
      page(p.home, null);
      statements.forEach((_, i) => page(p.statement(i + 1), 'src/features/quiz/QuizPage.tsx'));
      page(p.statements, 'src/features/statements/StatementsPage.tsx');
      page(p.method, 'src/features/method/MethodPage.tsx');
      page(p.about, 'src/features/about/AboutPage.tsx');
      for (const party of parties)
        page(p.programme(party.id), 'src/features/programme/ProgrammePage.tsx');
      page(p.teachers, 'src/features/for-teachers/TeacherGuidePage.tsx');
      for (const name of PRINTABLES)
        page(p.printable(name), 'src/features/printables/PrintablePage.tsx');
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
