import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';
import { compassRoute } from '../config/paths.ts';
import { StartPage } from '../features/start/StartPage.tsx';
import { PageStringsGate } from '../i18n/namespaces.tsx';
import { type Reading, readingPrefix, READINGS } from '../i18n/reading.ts';
import { CompassLayout } from './CompassLayout.tsx';
import { LegacyOrNotFound } from './LegacyOrNotFound.tsx';
import { ReadingScope } from './ReadingScope.tsx';
import { SiteHome } from './SiteHome.tsx';
import { Started } from './Started.tsx';

// Everything past the start page is loaded when first needed (lazy-load what the first screen
// does not need), so the start page stays within its size budget (tests/e2e/size-budget.e2e.ts).
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
const QuizPage = named(() => import('../features/quiz/QuizPage.tsx'), 'QuizPage');
const ReviewPage = named(() => import('../features/review/ReviewPage.tsx'), 'ReviewPage');
const ResultsPage = lazy(() =>
  import('../features/results/ResultsPage.tsx').then((module) => ({
    default: module.ResultsPage,
  })),
);
const PartyDetail = named(() => import('../features/results/PartyDetail.tsx'), 'PartyDetail');
const SharedResultPage = named(
  () => import('../features/results/SharedResultPage.tsx'),
  'SharedResultPage',
);
const ProgrammePage = named(
  () => import('../features/programme/ProgrammePage.tsx'),
  'ProgrammePage',
);
const MethodPage = named(() => import('../features/method/MethodPage.tsx'), 'MethodPage');
const AboutPage = named(() => import('../features/about/AboutPage.tsx'), 'AboutPage');
const StatementWidget = named(
  () => import('../features/embed/StatementWidget.tsx'),
  'StatementWidget',
);
const SnippetBuilder = named(
  () => import('../features/embed/SnippetBuilder.tsx'),
  'SnippetBuilder',
);
const ComparisonPage = named(
  () => import('../features/statements/ComparisonPage.tsx'),
  'ComparisonPage',
);
// The class panel's slot reads the joined round from storage: loaded with the results page, not
// with the start page.
const ClassPanelSlot = named(() => import('./ClassPanelSlot.tsx'), 'ClassPanelSlot');
const ClassroomPage = named(
  () => import('../features/classroom/ClassroomPage.tsx'),
  'ClassroomPage',
);
const JoinPage = named(() => import('../features/classroom/JoinPage.tsx'), 'JoinPage');
const TeacherPage = named(() => import('../features/teacher/TeacherPage.tsx'), 'TeacherPage');
const NewRoundPage = named(() => import('../features/teacher/NewRoundPage.tsx'), 'NewRoundPage');
const QuoteGamePage = named(
  () => import('../features/quote-game/QuoteGamePage.tsx'),
  'QuoteGamePage',
);
const TeacherGuidePage = named(
  () => import('../features/lessons/TeacherGuidePage.tsx'),
  'TeacherGuidePage',
);
const PrintablePage = named(
  () => import('../features/printables/PrintablePage.tsx'),
  'PrintablePage',
);
const StatementsPage = named(
  () => import('../features/statements/StatementsPage.tsx'),
  'StatementsPage',
);

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
      <PageStringsGate>{children}</PageStringsGate>
      <Started />
    </Suspense>
  );
}

const page = (element: ReactNode) => <Loading>{element}</Loading>;

/** A compass's pages, under `/<compass>/` (in every reading). */
const compassPages: RouteObject[] = [
  { index: true, element: <StartPage /> },
  { path: compassRoute.statementPattern, element: page(<QuizPage />) },
  { path: compassRoute.review, element: page(<ReviewPage />) },
  {
    path: compassRoute.results,
    element: page(
      <ResultsPage
        classPanel={
          <Suspense fallback={null}>
            <ClassPanelSlot />
          </Suspense>
        }
      />,
    ),
  },
  { path: compassRoute.partyPattern, element: page(<PartyDetail />) },
  { path: compassRoute.comparison, element: page(<ComparisonPage />) },
  { path: compassRoute.statements, element: page(<StatementsPage />) },
  { path: compassRoute.shared, element: page(<SharedResultPage />) },
  { path: compassRoute.programmePattern, element: page(<ProgrammePage />) },
  { path: compassRoute.method, element: page(<MethodPage />) },
  { path: compassRoute.about, element: page(<AboutPage />) },
  { path: compassRoute.widgetPattern, element: page(<StatementWidget />) },
  { path: compassRoute.embedBuilder, element: page(<SnippetBuilder />) },
  { path: compassRoute.classroom, element: page(<ClassroomPage />) },
  { path: compassRoute.classroomNew, element: page(<NewRoundPage />) },
  { path: compassRoute.classroomJoinPattern, element: page(<JoinPage />) },
  { path: compassRoute.classroomTeacherPattern, element: page(<TeacherPage />) },
  { path: compassRoute.quoteGame, element: page(<QuoteGamePage />) },
  { path: compassRoute.teachers, element: page(<TeacherGuidePage />) },
  { path: compassRoute.printablePattern, element: page(<PrintablePage />) },
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
    { index: true, element: <SiteHome /> },
    { path: ':compass', element: <CompassLayout />, children: compassPages },
    { path: '*', element: <LegacyOrNotFound /> },
  ],
});

export const routes: RouteObject[] = READINGS.map(inReading);
