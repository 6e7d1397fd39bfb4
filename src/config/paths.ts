/**
 * The app inside an iframe on a news site (see EMBED.md). Not a route: main.tsx recognises it and
 * runs the app in an in-memory router, from the start page, `statement(1)` or `widget(id)`.
 * Exported on its own too, so that the embed loader bundles this path without the others.
 */
export const embedFrame = (compass: string) => `/embed/${encodeURIComponent(compass)}`;

/** The printable materials for class, by their Swedish slug. */
export const PRINTABLES = ['arbetsblad', 'ordlista', 'citatkort', 'metodovning'] as const;
export type Printable = (typeof PRINTABLES)[number];
export const isPrintable = (value: unknown): value is Printable =>
  typeof value === 'string' && (PRINTABLES as readonly string[]).includes(value);

/** Every route of the app, in one place. Slugs are Swedish and language-independent. */
export const paths = {
  home: '/',
  statement: (n: number) => `/fraga/${n}`,
  statementPattern: '/fraga/:number',
  review: '/granska',
  results: '/resultat',
  party: (id: string) => `/resultat/parti/${encodeURIComponent(id)}`,
  partyPattern: '/resultat/parti/:party',
  comparison: '/resultat/pastaenden',
  shared: '/delat',
  programme: (party: string, statement?: string) =>
    `/program/${encodeURIComponent(party)}${statement ? `#${encodeURIComponent(statement)}` : ''}`,
  programmePattern: '/program/:party',
  method: '/metod',
  about: '/om',
  statements: '/pastaenden',
  /** One statement on its own, for embedding (see EMBED.md). */
  widget: (statement: string) => `/widget/${encodeURIComponent(statement)}`,
  widgetPattern: '/widget/:statement',
  embedBuilder: '/embed',
  /** Classroom rounds (issue 9): the entry page for teachers and pupils. */
  classroom: '/klass',
  /** A teacher starts a round (picks the compass). */
  classroomNew: '/klass/ny',
  /** A pupil joins round `code` (a canonical join code). */
  classroomJoin: (code: string) => `/klass/${encodeURIComponent(code)}`,
  classroomJoinPattern: '/klass/:code',
  /** The teacher's page of round `code`; the teacher link adds `#nyckel=<teacher key>` (fragment only). */
  classroomTeacher: (code: string) => `/klass/${encodeURIComponent(code)}/larare`,
  classroomTeacherPattern: '/klass/:code/larare',
  /** The quote game (issue 10): which party wrote this quote? */
  quoteGame: '/vem-sa-vad',
  /** For teachers (issue 10): what the compass is, lesson plans, sensitive topics, material. */
  teachers: '/larare',
  /** One printable A4 material, generated from the bank (`PRINTABLES`). */
  printable: (name: Printable) => `/larare/utskrift/${name}`,
  printablePattern: '/larare/utskrift/:name',
  embedFrame,
  embedFramePattern: '/embed/:compass',
} as const;
