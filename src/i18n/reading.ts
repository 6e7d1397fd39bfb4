/**
 * How a page is read: in one of the app's languages, or in easy-read Swedish (lättläst). A
 * module without i18next, React or zustand, so that the tiny script that picks a visitor's
 * reading before the first paint (`entry-reading.ts`) is built from the same rules as the app.
 */
import { isLanguage, type Language, LANGUAGES } from './languages.ts';

/** Every way of reading a page; each but Swedish has a prefix in the URL (`/en/…`, `/lattlast/…`). */
export const READINGS = ['sv', 'en', 'ar', 'lattlast'] as const;
export type Reading = (typeof READINGS)[number];

export const isReading = (value: unknown): value is Reading =>
  typeof value === 'string' && (READINGS as readonly string[]).includes(value);

/** The first path segment of a reading's pages; '' for Swedish, whose pages are unprefixed. */
export const readingPrefix = (reading: Reading): string => (reading === 'sv' ? '' : reading);

/** The language a reading's pages are written in (easy-read is a way of reading Swedish). */
export const readingLanguage = (reading: Reading): Language =>
  reading === 'lattlast' ? 'sv' : reading;

export const isEasyReading = (reading: Reading): boolean => reading === 'lattlast';

/** The reading of a language, in easy-read if asked for and the language is Swedish. */
export const readingOf = (language: Language, easy: boolean): Reading =>
  language === 'sv' && easy ? 'lattlast' : language;

/** The first of the browser's preferred languages that we have, else Swedish. */
export function preferredLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'sv';
}

/** What this device remembers of the visitor's choice (see state/reading-prefs.ts). */
export interface ReadingPrefsData {
  /** The language chosen on this device; null until the visitor chooses one. */
  readonly language: Language | null;
  /** Easy-read Swedish; only ever true together with Swedish. */
  readonly easy: boolean;
}

export const READING_PREFS_STORAGE_KEY = 'valkompass:reading';
/** The stored text of the visitor's reading choice; null when none, or storage is blocked. */
export function storedReadingText(): string | null {
  try {
    return localStorage.getItem(READING_PREFS_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The version of what is stored under that key (the persisted store's envelope). */
export const READING_PREFS_VERSION = 1;

/**
 * The stored text for a chosen reading, as the persisted store writes it; for the script that
 * starts a prerendered page, which remembers a choice made before the app has started.
 */
export const storedReadingChoice = (reading: Reading): string =>
  JSON.stringify({
    state: { language: readingLanguage(reading), easy: isEasyReading(reading) },
    version: READING_PREFS_VERSION,
  });

/** Whatever storage holds, as preferences: anything unreadable counts as not chosen. */
export function readReadingPrefs(value: unknown): ReadingPrefsData {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const language = isLanguage(v.language) ? v.language : null;
  return { language, easy: language === 'sv' && v.easy === true };
}

/**
 * The reading a visitor arrives in when the URL does not say: the one they chose on this device
 * (`stored` is the raw stored text, as the persisted store writes it), else their browser's
 * language, else Swedish.
 */
export function arrivalReading(stored: string | null, preferences: readonly string[]): Reading {
  let prefs: ReadingPrefsData = { language: null, easy: false };
  try {
    const envelope: unknown = stored === null ? null : JSON.parse(stored);
    if (typeof envelope === 'object' && envelope !== null && 'state' in envelope)
      prefs = readReadingPrefs(envelope.state);
  } catch {
    // Garbled storage: nothing chosen.
  }
  return prefs.language === null
    ? preferredLanguage(preferences)
    : readingOf(prefs.language, prefs.easy);
}

/** The reading a path is in, and the path without its reading prefix (always starting with '/'). */
export function splitReading(pathname: string): { reading: Reading; rest: string } {
  const first = pathname.split('/')[1] ?? '';
  if (first !== '' && first !== 'sv' && isReading(first)) {
    const rest = pathname.slice(first.length + 1);
    return { reading: first, rest: rest === '' ? '/' : rest };
  }
  return { reading: 'sv', rest: pathname };
}

/** The same page in another reading: `/en/x` → `/x` (Swedish) or `/lattlast/x`. */
export function inReading(pathname: string, reading: Reading): string {
  const { rest } = splitReading(pathname);
  const prefix = readingPrefix(reading);
  if (prefix === '') return rest;
  return rest === '/' ? `/${prefix}/` : `/${prefix}${rest}`;
}

/**
 * Where a visitor who opens `pathname` should be instead: the same page in the reading they
 * arrive in (`arrivalReading`) when the address says none (is Swedish by default) and theirs is
 * another; null when the page is right as it is. The script that runs before a prerendered page's
 * first paint and the app itself both decide with this.
 */
export function arrivalPath(
  location: { readonly pathname: string; readonly search: string; readonly hash: string },
  stored: string | null,
  preferences: readonly string[],
): string | null {
  if (splitReading(location.pathname).reading !== 'sv') return null;
  const reading = arrivalReading(stored, preferences);
  if (reading === 'sv') return null;
  return `${inReading(location.pathname, reading)}${location.search}${location.hash}`;
}

export { LANGUAGES };
