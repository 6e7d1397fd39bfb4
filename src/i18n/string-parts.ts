/**
 * The app's strings (the `translation` namespace, `locales/<language>.json`) reach the browser in
 * two parts, cut at build time (src/tools/vite-plugin-strings.ts): `core`, what the page frame and
 * the start page say, loaded before the first render; and `pages`, everything else, loaded with
 * the first page that needs it. The locale files themselves stay whole, for their authors and for
 * the tests. A module of its own, without i18next, for the build to read.
 */
export const CORE_GROUPS: readonly string[] = [
  'app',
  'answers',
  'start',
  'compasses',
  'update',
  'embed',
];

/**
 * Groups every page has in every language from the start (the offer of another language, i18n.ts),
 * so in neither part.
 */
export const EVERY_LANGUAGE_GROUPS: readonly string[] = ['readingOffer'];

export const STRING_PARTS = ['core', 'pages'] as const;
export type StringPart = (typeof STRING_PARTS)[number];

/** The part of a language's strings a top-level group is in; null for those every page has. */
export const partOf = (group: string): StringPart | null =>
  EVERY_LANGUAGE_GROUPS.includes(group) ? null : CORE_GROUPS.includes(group) ? 'core' : 'pages';
