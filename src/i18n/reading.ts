/**
 * How a page is read: in one of the app's languages, or in easy-read Swedish (lättläst). A
 * module without i18next, React or zustand, so that the tiny script that picks a visitor's
 * reading before the first paint (`src/app/arrival.ts`) is built from the same rules as the app.
 */
import { isLanguage, type Language, LANGUAGES } from '../config/languages.ts';

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

/** The first of the browser's preferred languages that we have; null when it asks for none. */
export function browserLanguage(preferences: readonly string[]): Language | null {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return null;
}

/** The first of the browser's preferred languages that we have, else Swedish. */
export const preferredLanguage = (preferences: readonly string[]): Language =>
  browserLanguage(preferences) ?? 'sv';

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
 * The reading the visitor chose on this device (`stored` is the raw stored text, as the persisted
 * store writes it); null when they have chosen none, or storage is blocked or garbled.
 */
export function chosenReading(stored: string | null): Reading | null {
  let prefs: ReadingPrefsData = { language: null, easy: false };
  try {
    const envelope: unknown = stored === null ? null : JSON.parse(stored);
    if (typeof envelope === 'object' && envelope !== null && 'state' in envelope)
      prefs = readReadingPrefs(envelope.state);
  } catch {
    // Garbled storage: nothing chosen.
  }
  return prefs.language === null ? null : readingOf(prefs.language, prefs.easy);
}

/**
 * The reading a visitor arrives in when the URL does not say: the one they chose on this device
 * (`stored` is the raw stored text, as the persisted store writes it), else their browser's
 * language, else Swedish.
 */
export const arrivalReading = (stored: string | null, preferences: readonly string[]): Reading =>
  chosenReading(stored) ?? preferredLanguage(preferences);

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

type PageLocation = { readonly pathname: string; readonly search: string; readonly hash: string };

/** The same page in `reading` when the address says none (is Swedish by default) and that is another. */
function movedTo(location: PageLocation, reading: Reading | null): string | null {
  if (reading === null || reading === 'sv') return null;
  if (splitReading(location.pathname).reading !== 'sv') return null;
  return `${inReading(location.pathname, reading)}${location.search}${location.hash}`;
}

/**
 * Where a visitor who opens a prerendered page should be instead: the same page in the reading
 * they chose on this device, when the address says none (is Swedish by default) and theirs is
 * another; null when the page is right as it is. Their browser's language does not move them:
 * that would cost a second page load before anything is painted, so the page offers it instead
 * (`offeredReading`). The script that runs before a prerendered page's first paint
 * (src/app/arrival.ts) and the app, on a prerendered page, both decide with this.
 */
export const chosenPath = (location: PageLocation, stored: string | null): string | null =>
  movedTo(location, chosenReading(stored));

/**
 * Where a visitor who opens a page the app renders in the browser (results, a shared result, a
 * classroom page: no prerendered page to load twice) should be instead: the same page in the
 * reading they arrive in (`arrivalReading`: their choice, else their browser's language) when
 * the address says none and theirs is another; null when the page is right as it is.
 */
export const arrivalPath = (
  location: PageLocation,
  stored: string | null,
  preferences: readonly string[],
): string | null => movedTo(location, arrivalReading(stored, preferences));

/**
 * The language a prerendered page at `pathname` offers its visitor (a short notice at the top,
 * src/app/ReadingOffer.tsx): the first of their browser's languages that we have, when the page
 * is in another and they have never chosen a reading on this device; null when there is nothing
 * to offer. The arrival script shows the offer before the first paint by putting this language in
 * `OFFER_ATTRIBUTE` on the page's `<html>`.
 */
export function offeredReading(
  pathname: string,
  stored: string | null,
  preferences: readonly string[],
): Language | null {
  if (chosenReading(stored) !== null) return null;
  const wanted = browserLanguage(preferences);
  return wanted === readingLanguage(splitReading(pathname).reading) ? null : wanted;
}

/** The attribute of `<html>` that names the language offered (`offeredReading`); CSS shows that notice. */
export const OFFER_ATTRIBUTE = 'data-reading-offer';

export { LANGUAGES };
