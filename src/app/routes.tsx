import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteObject } from 'react-router';
import { NotFound } from '../components/NotFound.tsx';
import { paths } from '../config/paths.ts';
import { StartPage } from '../features/start/StartPage.tsx';
import { CompassLayout } from './CompassLayout.tsx';
import { Layout } from './Layout.tsx';

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
  return <Suspense fallback={<p role="status">{t('app.loading')}</p>}>{children}</Suspense>;
}

const page = (element: ReactNode) => <Loading>{element}</Loading>;

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        element: <CompassLayout />,
        children: [
          { path: paths.home, element: <StartPage /> },
          { path: paths.statementPattern, element: page(<QuizPage />) },
          { path: paths.review, element: page(<ReviewPage />) },
          {
            path: paths.results,
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
          { path: paths.partyPattern, element: page(<PartyDetail />) },
          { path: paths.comparison, element: page(<ComparisonPage />) },
          { path: paths.statements, element: page(<StatementsPage />) },
          { path: paths.shared, element: page(<SharedResultPage />) },
          { path: paths.programmePattern, element: page(<ProgrammePage />) },
          { path: paths.method, element: page(<MethodPage />) },
          { path: paths.about, element: page(<AboutPage />) },
          { path: paths.widgetPattern, element: page(<StatementWidget />) },
          { path: paths.embedBuilder, element: page(<SnippetBuilder />) },
          { path: paths.classroom, element: page(<ClassroomPage />) },
          { path: paths.classroomNew, element: page(<NewRoundPage />) },
          { path: paths.classroomJoinPattern, element: page(<JoinPage />) },
          { path: paths.classroomTeacherPattern, element: page(<TeacherPage />) },
          { path: paths.quoteGame, element: page(<QuoteGamePage />) },
          { path: paths.teachers, element: page(<TeacherGuidePage />) },
          { path: paths.printablePattern, element: page(<PrintablePage />) },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
