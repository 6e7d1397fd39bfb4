import type { i18n } from 'i18next';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { type Params, type RouteObject, useLocation } from 'react-router';
import { PageStringsGate } from '../components/PageStringsGate.tsx';
import { isServedCompass, ONLY_COMPASS } from '../config/compasses.ts';
import { methodFigures } from '../data/load-method.ts';
import { programmeTexts } from '../data/load-programmes.ts';
import { compasses } from '../data/use-compass.ts';
import { StartPage } from '../features/start/StartPage.tsx';
import { type Language, loadStrings } from '../i18n/i18n.ts';
import { loadNamespace } from '../i18n/namespaces.ts';
import { type Reading, readingPrefix, READINGS } from '../i18n/reading.ts';
import { CompassLayout } from './CompassLayout.tsx';
import { Layout } from './Layout.tsx';
import { type LazyPage, lazyPage, lazyPageOf } from './lazy-page.tsx';
import { LegacyOrNotFound } from './LegacyOrNotFound.tsx';
import { PageErrorBoundary } from './PageError.tsx';
import { PageReady } from './PageReady.tsx';
import { type PageEntry, PAGES } from './pages.ts';
import { ReadingScope } from './ReadingScope.tsx';
import { SiteHome } from './SiteHome.tsx';
import { Started } from './Started.tsx';

/** Where the app is when it starts: what a route's page needs is loaded for this. */
export interface Arrival {
  params: Params;
  i18n: i18n;
  language: Language;
}

/**
 * What a route's page reads while it renders (its code, strings and data), on the route's
 * `handle`: the app loads it for the page it starts on before it hydrates that page, so a
 * prerendered page is taken over without waiting, never left half-hydrated (main.tsx).
 */
export interface PageNeeds {
  needs: (arrival: Arrival) => Promise<unknown>[];
}

/** What the pages of these matched routes read, for the app's start (main.tsx). */
export const pageNeeds = (
  matches: readonly { route: RouteObject; params: Params }[],
  start: Omit<Arrival, 'params'>,
): Promise<unknown>[] =>
  matches.flatMap(
    ({ route, params }) =>
      (route.handle as PageNeeds | undefined)?.needs({ ...start, params }) ?? [],
  );

const compassNeeds = (id: string | undefined): Promise<unknown>[] =>
  isServedCompass(id) ? [compasses.read(id)] : [];

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary page={pathname}>
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <PageStringsGate>{children}</PageStringsGate>
        <Started />
        <PageReady />
      </Suspense>
    </PageErrorBoundary>
  );
}

/**
 * A route for `Page`, loaded when first needed, with the page's strings, and what else `more`
 * says it reads.
 */
function page<P extends object>(
  path: string,
  Page: LazyPage<P>,
  props: P,
  more: (arrival: Arrival) => Promise<unknown>[] = () => [],
): RouteObject {
  const needs: PageNeeds['needs'] = (arrival) => [
    Page.load(),
    loadStrings(arrival.i18n, arrival.language, 'pages'),
    ...more(arrival),
  ];
  return {
    path,
    element: (
      <Loading>
        <Page {...props} />
      </Loading>
    ),
    handle: { needs } satisfies PageNeeds,
  };
}

/**
 * What a page reads while it renders beyond its module and the pages' strings: its namespace's
 * strings, and the published programmes or method figures.
 */
const extraNeeds =
  (entry: PageEntry) =>
  ({ i18n: instance, language, params }: Arrival): Promise<unknown>[] => [
    ...(entry.strings ? [loadNamespace(instance, entry.strings, language)] : []),
    ...(entry.data === 'programmes' && isServedCompass(params.compass)
      ? [programmeTexts.read(params.compass)]
      : []),
    ...(entry.data === 'method' && isServedCompass(params.compass)
      ? [methodFigures.read(params.compass)]
      : []),
  ];

// The slot reads the joined round from storage: loaded with the results page, not with the start
// page.
const ClassPanelSlot = lazyPage(() => import('./ClassPanelSlot.tsx'), 'ClassPanelSlot');

/** What the router gives a page beyond its address: the results page's class panel slot. */
const pageProps: Readonly<Record<string, Record<string, unknown>>> = {
  results: {
    classPanel: (
      <Suspense fallback={null}>
        <ClassPanelSlot />
      </Suspense>
    ),
  },
};

/** A route for each compass page of the page table (pages.ts), each loaded when first needed. */
const compassPages: RouteObject[] = PAGES.flatMap((entry): RouteObject[] => {
  if (entry.route.in !== 'compass') return [];
  if (entry.route.path === 'index')
    return [
      {
        index: true,
        element: (
          <>
            <StartPage />
            <PageReady />
          </>
        ),
      },
    ];
  if (!entry.module) throw new Error(`routes: the page "${entry.name}" has no module`);
  return [
    page(
      entry.route.path,
      lazyPageOf(entry.module),
      pageProps[entry.name] ?? {},
      extraNeeds(entry),
    ),
  ];
});

/**
 * The site's own pages at a reading's root (`/kompasser`, `/redaktion`), in the site's frame
 * without a compass, each loaded when first needed.
 */
const sitePages: RouteObject[] = PAGES.flatMap((entry): RouteObject[] => {
  const { route } = entry;
  if (route.in !== 'site' || route.path === 'index' || route.path === '*') return [];
  if (!entry.module) throw new Error(`routes: the page "${entry.name}" has no module`);
  const routed = page(route.path, lazyPageOf(entry.module), {}, extraNeeds(entry));
  return [{ ...routed, element: <Layout compassLinks={false}>{routed.element}</Layout> }];
});

/**
 * The site in one reading: Swedish at the root (`/socialpolitik/fraga/3`), the others under their
 * prefix (`/en/socialpolitik/fraga/3`). The site's start page lists the compasses, or is the only
 * one's start page; old root-level links (`/fraga/3`) lead to their compass's page.
 */
const inReading = (reading: Reading): RouteObject => ({
  path: `/${readingPrefix(reading)}`,
  element: <ReadingScope reading={reading} />,
  children: [
    {
      index: true,
      element: <SiteHome />,
      handle: { needs: () => compassNeeds(ONLY_COMPASS ?? undefined) } satisfies PageNeeds,
    },
    ...sitePages,
    {
      path: ':compass',
      element: <CompassLayout />,
      handle: { needs: ({ params }) => compassNeeds(params.compass) } satisfies PageNeeds,
      children: compassPages,
    },
    { path: '*', element: <LegacyOrNotFound /> },
  ],
});

export const routes: RouteObject[] = READINGS.map(inReading);
