import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, type Language, LANGUAGES } from '../config/languages.ts';
import { settled, tracked } from '../config/thenables.ts';
import { readingOffer as arOffer } from './locales/ar.json';
import { readingOffer as enOffer } from './locales/en.json';
import sv, { readingOffer as svOffer } from './locales/sv.json';
import { preferredLanguage } from './reading.ts';
import type { StringPart } from './string-parts.ts';

export { isLanguage, LANGUAGES, type Language, preferredLanguage };

/** The one namespace of UI strings; its keys are typed from sv.json (i18next.d.ts). */
export const NAMESPACE = 'translation';

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  sv: 'Svenska',
  en: 'English',
  ar: 'العربية',
};

/**
 * The easy-read mode's name, in Swedish whatever the app's language (like the languages' names):
 * it is a way of reading Swedish, chosen beside the languages.
 */
export const EASY_READ_NAME = 'Lättläst';

type Loader = () => Promise<{ default: Record<string, unknown> }>;

/**
 * Each language's strings in two parts (string-parts.ts): the frame and start page (`core`), and
 * the rest (`pages`), each loaded when first needed, so that the start page carries only its own
 * words, in one language.
 */
const loaders: Record<Language, Record<StringPart, Loader>> = {
  sv: {
    core: () => import('virtual:valkompass/strings/sv/core'),
    pages: () => import('virtual:valkompass/strings/sv/pages'),
  },
  en: {
    core: () => import('virtual:valkompass/strings/en/core'),
    pages: () => import('virtual:valkompass/strings/en/pages'),
  },
  ar: {
    core: () => import('virtual:valkompass/strings/ar/core'),
    pages: () => import('virtual:valkompass/strings/ar/pages'),
  },
};

const settings = {
  fallbackLng: 'sv',
  supportedLngs: [...LANGUAGES],
  defaultNS: NAMESPACE,
  ns: [NAMESPACE],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
} as const;

/**
 * The offer of the page in another language (src/app/ReadingOffer.tsx) is written in the language
 * it offers, on a page in another one, before that language's strings have been loaded: its few
 * words are in every instance, in every language, from the start. They are in neither part of a
 * language's strings (string-parts.ts).
 */
const OFFER_STRINGS: Record<Language, typeof svOffer> = { sv: svOffer, en: enOffer, ar: arOffer };

function withOfferStrings(instance: i18n): i18n {
  for (const language of LANGUAGES)
    instance.addResourceBundle(
      language,
      NAMESPACE,
      { readingOffer: OFFER_STRINGS[language] },
      true,
      false,
    );
  return instance;
}

/** Parts loaded (or loading) per instance, language and part: one promise each, kept. */
const loads = new WeakMap<i18n, Map<string, Promise<void>>>();

const done = settled(undefined);

/**
 * The i18next instance itself. react-i18next's `useTranslation` hands out a copy of it (made
 * again on each mount and language change, with `__original` pointing back), so anything kept
 * per instance, or changed on it, goes through this.
 */
export function originalInstance(instance: i18n): i18n {
  return (instance as i18n & { __original?: i18n }).__original ?? instance;
}

function loadsOf(given: i18n): Map<string, Promise<void>> {
  const instance = originalInstance(given);
  let mine = loads.get(instance);
  if (!mine) loads.set(instance, (mine = new Map()));
  return mine;
}

/**
 * A fresh i18next instance with every Swedish string at once: for the tests and the build's
 * prerendering, where nothing is downloaded.
 */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    ...settings,
    lng: 'sv',
    resources: { sv: { [NAMESPACE]: sv } },
  });
  loadsOf(instance).set('sv/core', done).set('sv/pages', done);
  return withOfferStrings(instance);
}

/** The browser's instance: no strings yet (main.tsx loads the page's language first). */
export function createBrowserI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({ ...settings, lng: 'sv', resources: {} });
  return withOfferStrings(instance);
}

/**
 * Resolves once `part` of `language`'s strings is loaded into `instance`; repeated calls share
 * one promise (already fulfilled when there is nothing to wait for), as React's `use()` needs.
 */
export function loadStrings(given: i18n, language: Language, part: StringPart): Promise<void> {
  const instance = originalInstance(given);
  const mine = loadsOf(instance);
  const key = `${language}/${part}`;
  let pending = mine.get(key);
  if (!pending) {
    pending = tracked(
      loaders[language][part]().then((strings) => {
        instance.addResourceBundle(language, NAMESPACE, strings.default, true, true);
      }),
    );
    mine.set(key, pending);
  }
  return pending;
}

/** Loads a language's strings (both parts) if needed, then switches to it. Answers are untouched. */
export async function switchLanguage(given: i18n, language: Language): Promise<void> {
  const instance = originalInstance(given);
  await Promise.all([
    loadStrings(instance, language, 'core'),
    loadStrings(instance, language, 'pages'),
  ]);
  await instance.changeLanguage(language);
}

/** Loads only the frame's and start page's strings of `language`, then switches to it (main.tsx). */
export async function startLanguage(given: i18n, language: Language): Promise<void> {
  const instance = originalInstance(given);
  await loadStrings(instance, language, 'core');
  await instance.changeLanguage(language);
}
