/**
 * Every page of the app, in one table: where it is (its route), the module it is loaded from,
 * what else it reads while it renders, whether the build prerenders it, and how a
 * test sweep reaches it. The router (routes.tsx), the build's prerendering (prerender.tsx) and
 * the end-to-end sweeps (word breaks, accessibility) all read this table, so a new page is
 * written here once and is then routed, prerendered where it says so, and checked by both test
 * tiers (their screens, for each page, are in page-screens.ts); tests/pages.test.ts fails for a
 * route this table does not list, or a page no tier reaches.
 *
 * Data only: no React at run time (the components are loaded through `module`), so the tests in
 * Node can read the table without starting the app.
 */
import type { ComponentType } from 'react';
import { COMPASS_LIST_SEGMENT, compassRoute, WORKBENCH_SEGMENT } from '../config/paths.ts';
import type { LazyNamespace } from '../i18n/namespaces.ts';

/** A page component's module: loaded when first needed, the component exported as `name`. */
export interface PageModule<K extends string = string> {
  readonly load: () => Promise<Record<K, ComponentType<never>>>;
  /**
   * The component's name, which is also its file's name (`QuizPage` in `…/QuizPage.tsx`): the
   * build finds the page's chunk by it, to preload it with a prerendered page.
   */
  readonly name: K;
}

const module = <K extends string>(
  load: () => Promise<Record<K, ComponentType<never>>>,
  name: K,
): PageModule<K> => ({ load, name });

/** Where a page is reached. */
export type PageRoute =
  /** Under `/<compass>/` in every reading; `index` is the compass's start page. */
  | { readonly in: 'compass'; readonly path: string | 'index' }
  /**
   * At the root of a reading (`/`, `/en/`): its start page (`index`), a page of the site's own
   * (`/kompasser`, `/redaktion`), or `*`, every address no other route takes.
   */
  | {
      readonly in: 'site';
      readonly path: 'index' | '*' | typeof COMPASS_LIST_SEGMENT | typeof WORKBENCH_SEGMENT;
    }
  /** Not a route: an iframe on another site, which main.tsx runs in a router of its own. */
  | { readonly in: 'frame' };

export interface PageEntry<N extends string = string> {
  /** What the page is, in the tests' and the code's words. */
  readonly name: N;
  readonly route: PageRoute;
  /** Its module, loaded when first needed; null for a page in the start page's own chunk. */
  readonly module: PageModule | null;
  /** Strings of a namespace of their own that the page shows (loaded with it). */
  readonly strings?: LazyNamespace;
  /** Published data beside the compass that the page reads: the programmes, the method figures. */
  readonly data?: 'programmes' | 'method';
  /**
   * Whether the build prerenders the page (at each address its screens list, page-screens.ts, in
   * every reading): a page whose content is the same for every voter. Not a page that shows the
   * voter's own answers or a class round.
   */
  readonly prerendered: boolean;
}

/** An entry of the table, its name kept as a literal type (PageName). */
const entry = <N extends string>(page: PageEntry<N>): PageEntry<N> => page;

export const PAGES = [
  entry({
    name: 'site start',
    route: { in: 'site', path: 'index' },
    module: null,
    prerendered: true,
  }),
  entry({
    name: 'start',
    route: { in: 'compass', path: 'index' },
    module: null,
    prerendered: true,
  }),
  entry({
    name: 'quiz',
    route: { in: 'compass', path: compassRoute.statementPattern },
    module: module(() => import('../features/quiz/QuizPage.tsx'), 'QuizPage'),
    prerendered: true,
  }),
  entry({
    name: 'review',
    route: { in: 'compass', path: compassRoute.review },
    module: module(() => import('../features/review/ReviewPage.tsx'), 'ReviewPage'),
    prerendered: false,
  }),
  entry({
    name: 'results',
    route: { in: 'compass', path: compassRoute.results },
    module: module(() => import('../features/results/ResultsPage.tsx'), 'ResultsPage'),
    prerendered: false,
  }),
  entry({
    name: 'party',
    route: { in: 'compass', path: compassRoute.partyPattern },
    module: module(() => import('../features/results/PartyDetail.tsx'), 'PartyDetail'),
    prerendered: false,
  }),
  entry({
    name: 'statement comparison',
    route: { in: 'compass', path: compassRoute.comparison },
    module: module(() => import('../features/statements/ComparisonPage.tsx'), 'ComparisonPage'),
    prerendered: false,
  }),
  entry({
    name: 'statements',
    route: { in: 'compass', path: compassRoute.statements },
    module: module(() => import('../features/statements/StatementsPage.tsx'), 'StatementsPage'),
    prerendered: true,
  }),
  entry({
    name: 'shared result',
    route: { in: 'compass', path: compassRoute.shared },
    module: module(() => import('../features/results/SharedResultPage.tsx'), 'SharedResultPage'),
    prerendered: false,
  }),
  entry({
    name: 'programme',
    route: { in: 'compass', path: compassRoute.programmePattern },
    module: module(() => import('../features/programme/ProgrammePage.tsx'), 'ProgrammePage'),
    data: 'programmes',
    prerendered: true,
  }),
  entry({
    name: 'method',
    route: { in: 'compass', path: compassRoute.method },
    module: module(() => import('../features/method/MethodPage.tsx'), 'MethodPage'),
    data: 'method',
    prerendered: true,
  }),
  entry({
    name: 'about',
    route: { in: 'compass', path: compassRoute.about },
    module: module(() => import('../features/about/AboutPage.tsx'), 'AboutPage'),
    prerendered: true,
  }),
  entry({
    name: 'widget',
    route: { in: 'compass', path: compassRoute.widgetPattern },
    module: module(() => import('../features/embed/StatementWidget.tsx'), 'StatementWidget'),
    prerendered: false,
  }),
  entry({
    name: 'embedded compass',
    // The frame shows the app in the reader's own language (the browser's).
    route: { in: 'frame' },
    module: null,
    prerendered: false,
  }),
  entry({
    name: 'embed builder',
    route: { in: 'compass', path: compassRoute.embedBuilder },
    module: module(() => import('../features/embed/SnippetBuilder.tsx'), 'SnippetBuilder'),
    prerendered: false,
  }),
  entry({
    name: 'class round entry',
    route: { in: 'compass', path: compassRoute.classroom },
    module: module(() => import('../features/join-round/ClassroomPage.tsx'), 'ClassroomPage'),
    strings: 'classroom',
    prerendered: false,
  }),
  entry({
    name: 'new class round',
    route: { in: 'compass', path: compassRoute.classroomNew },
    module: module(() => import('../features/teacher-round/NewRoundPage.tsx'), 'NewRoundPage'),
    strings: 'teacher',
    prerendered: false,
  }),
  entry({
    name: 'join a class round',
    route: { in: 'compass', path: compassRoute.classroomJoinPattern },
    module: module(() => import('../features/join-round/JoinPage.tsx'), 'JoinPage'),
    strings: 'classroom',
    prerendered: false,
  }),
  entry({
    name: "teacher's round",
    route: { in: 'compass', path: compassRoute.classroomTeacherPattern },
    module: module(() => import('../features/teacher-round/TeacherPage.tsx'), 'TeacherPage'),
    strings: 'teacher',
    prerendered: false,
  }),
  entry({
    name: 'quote game',
    route: { in: 'compass', path: compassRoute.quoteGame },
    module: module(() => import('../features/quote-game/QuoteGamePage.tsx'), 'QuoteGamePage'),
    strings: 'quoteGame',
    prerendered: false,
  }),
  entry({
    name: 'for teachers',
    route: { in: 'compass', path: compassRoute.teachers },
    module: module(
      () => import('../features/for-teachers/TeacherGuidePage.tsx'),
      'TeacherGuidePage',
    ),
    strings: 'lessons',
    prerendered: true,
  }),
  entry({
    name: 'printable',
    route: { in: 'compass', path: compassRoute.printablePattern },
    module: module(() => import('../features/printables/PrintablePage.tsx'), 'PrintablePage'),
    strings: 'printables',
    prerendered: true,
  }),
  entry({
    name: 'compass list',
    route: { in: 'site', path: COMPASS_LIST_SEGMENT },
    module: module(
      () => import('../features/compass-list/CompassDirectory.tsx'),
      'CompassDirectory',
    ),
    prerendered: false,
  }),
  entry({
    name: 'workbench',
    route: { in: 'site', path: WORKBENCH_SEGMENT },
    // Its strings: the page loads them itself (src/features/workbench/strings.ts).
    module: module(() => import('../features/workbench/WorkbenchPage.tsx'), 'WorkbenchPage'),
    prerendered: false,
  }),
  entry({
    name: 'not found',
    route: { in: 'site', path: '*' },
    module: null,
    prerendered: false,
  }),
] as const;

/** The name of a page of the table. */
export type PageName = (typeof PAGES)[number]['name'];
