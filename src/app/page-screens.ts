/**
 * How the end-to-end sweeps reach each page of the page table (pages.ts): the screens they open,
 * with what the browser must hold first. `npm test` opens the first screen of each page (its
 * template), `npm run test:sweep` all of them. Beside the table rather than in it, so that the
 * router, which the start page loads, does not carry what only the tests read; the type below
 * holds it to one entry for every page of the table.
 */
import { PRINTABLES, type SitePaths } from '../config/paths.ts';
import type { Compass } from '../domain/bank/types.ts';
import { type PageName, PAGES } from './pages.ts';

/** Class rounds that a sweep has made through the service before it opens the pages. */
export type RoundState = 'open' | 'closed' | 'withheld';
export interface SweepRound {
  readonly code: string;
  readonly teacherKey: string;
}

/** What a sweep knows when it lists a page's screens. */
export interface SweepContext {
  /** The addresses in the reading being checked. */
  readonly at: SitePaths;
  readonly compass: Compass;
  /**
   * The rounds made for this sweep: one open, one closed with a result, one closed with too few
   * submissions to show one. Absent where the site has no classroom service.
   */
  readonly rounds?: Readonly<Record<RoundState, SweepRound>>;
}

/** One screen a sweep opens. */
export interface SweepScreen {
  /** The case's name in the report ("quiz 3", "party v"). */
  readonly name: string;
  /** The address to open. */
  readonly path: string;
  /**
   * What the browser holds before the page is opened: the voter's answers to every statement
   * (`answers`), to only three (`few answers`), or a result shared by link, which the results
   * page's share panel makes (`shared link`). Nothing if absent.
   */
  readonly holds?: 'answers' | 'few answers' | 'shared link';
  /** Where the address leads, when that is another page (an old link). */
  readonly lands?: string;
  /** The app's own path, when it is not the document's (an embed frame runs its own router). */
  readonly readyAt?: string;
}

/** A screen of a page, as a sweep opens it. */
export interface PageScreen extends SweepScreen {
  /** The page it is a screen of (its template: what `npm test` checks once). */
  readonly page: PageName;
}

/** Every screen of `screens`, or none where the site has no classroom service. */
const withRounds =
  (screens: (at: SitePaths, rounds: Readonly<Record<RoundState, SweepRound>>) => SweepScreen[]) =>
  ({ at, rounds }: SweepContext): SweepScreen[] =>
    rounds ? screens(at, rounds) : [];

/** A teacher link: the teacher's page of a round, with the key in the fragment. */
const teacherLink = (at: SitePaths, round: SweepRound) =>
  `${at.classroomTeacher(round.code)}#nyckel=${round.teacherKey}`;

/** The screens of each page of the table. */
export const SCREENS: Readonly<Record<PageName, (context: SweepContext) => SweepScreen[]>> = {
  'site start': ({ at }) => [{ name: 'start', path: at.site }],
  start: ({ at }) => [{ name: 'compass start', path: at.home }],
  quiz: ({ at, compass }) => [
    ...compass.statements.map((_, i) => ({ name: `quiz ${i + 1}`, path: at.statement(i + 1) })),
    // An old link (from before compasses had their own addresses) leads to the same statement.
    { name: 'quiz 1, from its old address', path: `${at.site}fraga/1`, lands: at.statement(1) },
  ],
  review: ({ at }) => [{ name: 'review', path: at.review, holds: 'answers' }],
  results: ({ at }) => [
    { name: 'results', path: at.results, holds: 'answers' },
    { name: 'results, few answers', path: at.results, holds: 'few answers' },
  ],
  party: ({ at, compass }) =>
    compass.parties.map((p) => ({
      name: `party ${p.id}`,
      path: at.party(p.id),
      holds: 'answers',
    })),
  'statement comparison': ({ at }) => [
    { name: 'statement comparison', path: at.comparison, holds: 'answers' },
  ],
  statements: ({ at }) => [{ name: 'statements', path: at.statements }],
  'shared result': ({ at }) => [{ name: 'shared result', path: at.shared, holds: 'shared link' }],
  programme: ({ at, compass }) =>
    compass.parties.map((p) => ({
      name: `programme ${p.id}`,
      path: at.programme(p.id, compass.statements[0]!.id),
    })),
  method: ({ at }) => [{ name: 'method', path: at.method }],
  about: ({ at }) => [{ name: 'about', path: at.about }],
  widget: ({ at, compass }) =>
    [compass.statements[0]!, compass.statements.at(-1)!].map((s) => ({
      name: `widget ${s.id}`,
      path: at.widget(s.id),
    })),
  'embedded compass': ({ at, compass }) => [
    {
      name: 'embedded quiz, compact',
      path: `${at.embedFrame(compass.id)}?start=quiz&compact=true`,
      readyAt: at.statement(1),
    },
  ],
  'embed builder': ({ at }) => [{ name: 'embed builder', path: at.embedBuilder }],
  'class round entry': ({ at }) => [{ name: 'classroom entry', path: at.classroom }],
  'new class round': withRounds((at) => [{ name: 'classroom, new round', path: at.classroomNew }]),
  'join a class round': withRounds((at, rounds) => [
    {
      name: 'classroom, pupil joins and sees the send panel',
      path: at.classroomJoin(rounds.open.code),
      holds: 'answers',
    },
  ]),
  "teacher's round": withRounds((at, rounds) => [
    { name: 'classroom, teacher live', path: teacherLink(at, rounds.open) },
    { name: 'classroom, teacher result', path: teacherLink(at, rounds.closed) },
    { name: 'classroom, teacher result withheld', path: teacherLink(at, rounds.withheld) },
  ]),
  'quote game': ({ at }) => [{ name: 'quote game', path: at.quoteGame }],
  'for teachers': ({ at }) => [{ name: 'teachers', path: at.teachers }],
  printable: ({ at }) =>
    PRINTABLES.map((name) => ({ name: `printable ${name}`, path: at.printable(name) })),
  'compass list': ({ at }) => [{ name: 'compass list', path: at.compassList }],
  workbench: ({ at }) => [{ name: 'workbench', path: at.workbench }],
  'not found': ({ at }) => [{ name: 'not found', path: `${at.site}finns-inte` }],
};

/**
 * The screens a sweep opens: every screen of every page (`all`, `npm run test:sweep`), or the
 * first of each page (`templates`, `npm test`), in the table's order. Pages without a screen in
 * this context (the classroom's, where the site has no service) are left out.
 */
export function sweepScreens(context: SweepContext, tier: 'templates' | 'all'): PageScreen[] {
  return PAGES.flatMap(({ name }) => {
    const screens = SCREENS[name](context).map((screen) => ({ ...screen, page: name }));
    return tier === 'all' ? screens : screens.slice(0, 1);
  });
}
