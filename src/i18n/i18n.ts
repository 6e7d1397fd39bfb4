import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, type Language, LANGUAGES } from './languages.ts';
import sv from './locales/sv.json';
import { preferredLanguage } from './reading.ts';

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

/** Swedish ships with the app; other languages load when chosen, off the start page's budget. */
const loaders: Record<
  Exclude<Language, 'sv'>,
  () => Promise<{ default: Record<string, unknown> }>
> = {
  en: () => import('./locales/en.json'),
  ar: () => import('./locales/ar.json'),
};

/** A fresh i18next instance with the Swedish strings; the app and the tests use the same setup. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: 'sv',
    fallbackLng: 'sv',
    supportedLngs: [...LANGUAGES],
    defaultNS: NAMESPACE,
    ns: [NAMESPACE],
    resources: { sv: { [NAMESPACE]: sv } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Loads a language's strings if needed, then switches to it. Answers are untouched. */
export async function switchLanguage(instance: i18n, language: Language): Promise<void> {
  if (language !== 'sv' && !instance.hasResourceBundle(language, NAMESPACE)) {
    const strings = await loaders[language]();
    instance.addResourceBundle(language, NAMESPACE, strings.default);
  }
  await instance.changeLanguage(language);
}
