import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import sv from './locales/sv.json';

export const LANGUAGES = ['sv', 'en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  sv: 'Svenska',
  en: 'English',
  ar: 'العربية',
};

/** Swedish ships with the app; other languages load when chosen (STYLE.md: lazy-load). */
const loaders: Record<
  Exclude<Language, 'sv'>,
  () => Promise<{ default: Record<string, unknown> }>
> = {
  en: () => import('./locales/en.json'),
  ar: () => import('./locales/ar.json'),
};

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The first of the browser's preferred languages that we have, else Swedish. */
export function preferredLanguage(preferences: readonly string[]): Language {
  for (const tag of preferences) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'sv';
}

/** A fresh i18next instance with the Swedish strings; the app and the tests use the same setup. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: 'sv',
    fallbackLng: 'sv',
    supportedLngs: [...LANGUAGES],
    resources: { sv: { translation: sv } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Loads a language's strings if needed, then switches to it. Answers are untouched. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (language !== 'sv' && !instance.hasResourceBundle(language, 'translation')) {
    const strings = await loaders[language]();
    instance.addResourceBundle(language, 'translation', strings.default);
  }
  await instance.changeLanguage(language);
}
