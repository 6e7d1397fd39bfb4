import { embedFrame, embedFramePattern } from './embed-path.ts';

/** The printable materials for class, by their Swedish slug. */
export const PRINTABLES = ['arbetsblad', 'ordlista', 'citatkort', 'metodovning'] as const;
export type Printable = (typeof PRINTABLES)[number];
export const isPrintable = (value: unknown): value is Printable =>
  typeof value === 'string' && (PRINTABLES as readonly string[]).includes(value);

/** The compass pages' routes, relative to a compass (`/<compass>/…`, or the site root for old links). */
const compassRoutes = {
  statementPattern: 'fraga/:number',
  review: 'granska',
  results: 'resultat',
  partyPattern: 'resultat/parti/:party',
  comparison: 'resultat/pastaenden',
  shared: 'delat',
  programmePattern: 'program/:party',
  method: 'metod',
  about: 'om',
  statements: 'pastaenden',
  widgetPattern: 'widget/:statement',
  embedBuilder: 'embed',
  classroom: 'klass',
  classroomNew: 'klass/ny',
  classroomJoinPattern: 'klass/:code',
  classroomTeacherPattern: 'klass/:code/larare',
  quoteGame: 'vem-sa-vad',
  teachers: 'larare',
  printablePattern: 'larare/utskrift/:name',
} as const;

/** The route of each compass page under `/<compass>/` (for the router). */
export const compassRoute = compassRoutes;

/**
 * The first path segments of the compass pages. Before one deployment could serve several
 * compasses, these pages sat at the site root (`/fraga/3`); such links still work, and lead to
 * the same page of the compass they were made for (`LEGACY_COMPASS`). No compass may be named
 * like one of them, nor like a reading prefix or a folder of the site (`RESERVED_SEGMENTS`).
 */
export const LEGACY_SEGMENTS: readonly string[] = [
  ...new Set(Object.values(compassRoutes).map((route) => route.split('/')[0]!)),
];

/** The page that lists every compass, the built ones and those published on the service. */
export const COMPASS_LIST_SEGMENT = 'kompasser';

/** The newsroom's workbench (Redaktionen), where a compass is made, coded and published. */
export const WORKBENCH_SEGMENT = 'redaktion';

/** Path segments a compass id may not take: they mean something else at the site root. */
export const RESERVED_SEGMENTS: readonly string[] = [
  ...LEGACY_SEGMENTS,
  COMPASS_LIST_SEGMENT,
  'redaktion',
  'en',
  'ar',
  'sv',
  'lattlast',
  'assets',
  'data',
  'api',
  'icons',
];

/**
 * Every route of the app, in one place. Slugs are Swedish and language-independent. Bound to a
 * reading prefix ('' for Swedish, `en`, `ar`, `lattlast`) and a compass: `/en/socialpolitik/fraga/3`.
 * Without a compass (`compass` null) the compass pages are the old root-level ones (`/fraga/3`),
 * which lead to the compass of old links.
 */
export function sitePaths(prefix: string, compass: string | null) {
  const site = prefix === '' ? '' : `/${prefix}`;
  const base = compass === null ? site : `${site}/${encodeURIComponent(compass)}`;
  return {
    /** The site's start page: the list of compasses, or the only compass's start page. */
    site: `${site}/`,
    /** Every compass: the built ones and those published on the service. */
    compassList: `${site}/${COMPASS_LIST_SEGMENT}`,
    /** The newsroom's workbench. */
    workbench: `${site}/${WORKBENCH_SEGMENT}`,
    /** This compass's start page. */
    home: `${base}/`,
    statement: (n: number) => `${base}/fraga/${n}`,
    statementPattern: `${base}/${compassRoutes.statementPattern}`,
    review: `${base}/${compassRoutes.review}`,
    results: `${base}/${compassRoutes.results}`,
    party: (id: string) => `${base}/resultat/parti/${encodeURIComponent(id)}`,
    partyPattern: `${base}/${compassRoutes.partyPattern}`,
    comparison: `${base}/${compassRoutes.comparison}`,
    shared: `${base}/${compassRoutes.shared}`,
    programme: (party: string, statement?: string) =>
      `${base}/program/${encodeURIComponent(party)}${statement ? `#${encodeURIComponent(statement)}` : ''}`,
    programmePattern: `${base}/${compassRoutes.programmePattern}`,
    method: `${base}/${compassRoutes.method}`,
    about: `${base}/${compassRoutes.about}`,
    statements: `${base}/${compassRoutes.statements}`,
    /** One statement on its own, for embedding (see EMBED.md). */
    widget: (statement: string) => `${base}/widget/${encodeURIComponent(statement)}`,
    widgetPattern: `${base}/${compassRoutes.widgetPattern}`,
    embedBuilder: `${base}/${compassRoutes.embedBuilder}`,
    /** Classroom rounds: the entry page for teachers and pupils. */
    classroom: `${base}/${compassRoutes.classroom}`,
    /** A teacher starts a round. */
    classroomNew: `${base}/${compassRoutes.classroomNew}`,
    /** A pupil joins round `code` (a canonical join code). */
    classroomJoin: (code: string) => `${base}/klass/${encodeURIComponent(code)}`,
    classroomJoinPattern: `${base}/${compassRoutes.classroomJoinPattern}`,
    /** The teacher's page of round `code`; the teacher link adds `#nyckel=<teacher key>` (fragment only). */
    classroomTeacher: (code: string) => `${base}/klass/${encodeURIComponent(code)}/larare`,
    classroomTeacherPattern: `${base}/${compassRoutes.classroomTeacherPattern}`,
    /** The quote game: which party wrote this quote? */
    quoteGame: `${base}/${compassRoutes.quoteGame}`,
    /** For teachers: what the compass is, lesson plans, sensitive topics, material. */
    teachers: `${base}/${compassRoutes.teachers}`,
    /** One printable A4 material, generated from the bank (`PRINTABLES`). */
    printable: (name: Printable) => `${base}/larare/utskrift/${name}`,
    printablePattern: `${base}/${compassRoutes.printablePattern}`,
    /** The app inside an iframe on a news site (embed-path.ts). */
    embedFrame,
    embedFramePattern,
  } as const;
}

export type SitePaths = ReturnType<typeof sitePaths>;

/** The paths without a reading prefix or compass: the old root-level links (and the tests' pages). */
export const paths: SitePaths = sitePaths('', null);
