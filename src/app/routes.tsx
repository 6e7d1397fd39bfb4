import type { i18n } from 'i18next';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { type Params, type RouteObject, useLocation } from 'react-router';
import { PageStringsGate } from '../components/PageStringsGate.tsx';
import { isServedCompass, ONLY_COMPASS } from '../config/compasses.ts';
import { compassRoute } from '../config/paths.ts';
import { methodFigures } from '../data/load-method.ts';
import { programmeTexts } from '../data/load-programmes.ts';
import { compasses } from '../data/use-compass.ts';
import { StartPage } from '../features/start/StartPage.tsx';
import { type Language, loadStrings } from '../i18n/i18n.ts';
import { type LazyNamespace, loadNamespace } from '../i18n/namespaces.ts';
import { type Reading, readingPrefix, READINGS } from '../i18n/reading.ts';
import { CompassLayout } from './CompassLayout.tsx';
import { type LazyPage, lazyPage } from './lazy-page.tsx';
import { LegacyOrNotFound } from './LegacyOrNotFound.tsx';
import { PageErrorBoundary } from './PageError.tsx';
import { PageReady } from './PageReady.tsx';
import { ReadingScope } from './ReadingScope.tsx';
import { SiteHome } from './SiteHome.tsx';
import { Started } from './Started.tsx';

// Everything past the start page is loaded when first needed (lazy-load what the first screen
// does not need), so the start page stays within its size budget (tests/e2e/size-budget.e2e.ts).
const QuizPage = lazyPage(() => import('../features/quiz/QuizPage.tsx'), 'QuizPage');
const ReviewPage = lazyPage(() => import('../features/review/ReviewPage.tsx'), 'ReviewPage');
const ResultsPage = lazyPage(() => import('../features/results/ResultsPage.tsx'), 'ResultsPage');
const PartyDetail = lazyPage(() => import('../features/results/PartyDetail.tsx'), 'PartyDetail');
const SharedResultPage = lazyPage(
  () => import('../features/results/SharedResultPage.tsx'),
  'SharedResultPage',
);
const ProgrammePage = lazyPage(
  () => import('../features/programme/ProgrammePage.tsx'),
  'ProgrammePage',
);
const MethodPage = lazyPage(() => import('../features/method/MethodPage.tsx'), 'MethodPage');
const AboutPage = lazyPage(() => import('../features/about/AboutPage.tsx'), 'AboutPage');
const StatementWidget = lazyPage(
  () => import('../features/embed/StatementWidget.tsx'),
  'StatementWidget',
);
const SnippetBuilder = lazyPage(
  () => import('../features/embed/SnippetBuilder.tsx'),
  'SnippetBuilder',
);
const ComparisonPage = lazyPage(
  () => import('../features/statements/ComparisonPage.tsx'),
  'ComparisonPage',
);
// The class panel's slot reads the joined round from storage: loaded with the results page, not
// with the start page.
const ClassPanelSlot = lazyPage(() => import('./ClassPanelSlot.tsx'), 'ClassPanelSlot');
const ClassroomPage = lazyPage(
  () => import('../features/join-round/ClassroomPage.tsx'),
  'ClassroomPage',
);
const JoinPage = lazyPage(() => import('../features/join-round/JoinPage.tsx'), 'JoinPage');
const TeacherPage = lazyPage(
  () => import('../features/teacher-round/TeacherPage.tsx'),
  'TeacherPage',
);
const NewRoundPage = lazyPage(
  () => import('../features/teacher-round/NewRoundPage.tsx'),
  'NewRoundPage',
);
const QuoteGamePage = lazyPage(
  () => import('../features/quote-game/QuoteGamePage.tsx'),
  'QuoteGamePage',
);
const TeacherGuidePage = lazyPage(
  () => import('../features/for-teachers/TeacherGuidePage.tsx'),
  'TeacherGuidePage',
);
const PrintablePage = lazyPage(
  () => import('../features/printables/PrintablePage.tsx'),
  'PrintablePage',
);
const StatementsPage = lazyPage(
  () => import('../features/statements/StatementsPage.tsx'),
  'StatementsPage',
);

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

/** A page that shows text of one of the lazily loaded namespaces. */
const strings =
  (namespace: LazyNamespace) =>
  ({ i18n: instance, language }: Arrival) => [loadNamespace(instance, namespace, language)];

/** A compass's pages, under `/<compass>/` (in every reading). */
const compassPages: RouteObject[] = [
  {
    index: true,
    element: (
      <>
        <StartPage />
        <PageReady />
      </>
    ),
  },
  page(compassRoute.statementPattern, QuizPage, {}),
  page(compassRoute.review, ReviewPage, {}),
  page(compassRoute.results, ResultsPage, {
    classPanel: (
      <Suspense fallback={null}>
        <ClassPanelSlot />
      </Suspense>
    ),
  }),
  page(compassRoute.partyPattern, PartyDetail, {}),
  page(compassRoute.comparison, ComparisonPage, {}),
  page(compassRoute.statements, StatementsPage, {}),
  page(compassRoute.shared, SharedResultPage, {}),
  page(compassRoute.programmePattern, ProgrammePage, {}, ({ params }) =>
    isServedCompass(params.compass) ? [programmeTexts.read(params.compass)] : [],
  ),
  page(compassRoute.method, MethodPage, {}, ({ params }) =>
    isServedCompass(params.compass) ? [methodFigures.read(params.compass)] : [],
  ),
  page(compassRoute.about, AboutPage, {}),
  page(compassRoute.widgetPattern, StatementWidget, {}),
  page(compassRoute.embedBuilder, SnippetBuilder, {}),
  page(compassRoute.classroom, ClassroomPage, {}, strings('classroom')),
  page(compassRoute.classroomNew, NewRoundPage, {}, strings('teacher')),
  page(compassRoute.classroomJoinPattern, JoinPage, {}, strings('classroom')),
  page(compassRoute.classroomTeacherPattern, TeacherPage, {}, strings('teacher')),
  page(compassRoute.quoteGame, QuoteGamePage, {}, strings('quoteGame')),
  page(compassRoute.teachers, TeacherGuidePage, {}, strings('lessons')),
  page(compassRoute.printablePattern, PrintablePage, {}, strings('printables')),
];

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
