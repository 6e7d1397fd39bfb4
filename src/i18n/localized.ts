import type { Localized } from '../domain/bank/types.ts';

/**
 * The one place that picks a compass text's words for a reader: the text in the given language
 * (`en-GB` counts as `en`) when the compass has it, else Swedish, the authoritative text that every
 * compass has (English and Arabic are optional in the bank). Returns the words and the language
 * they are in, so that a page can mark a Swedish fallback with `lang="sv"`.
 */
export function localizedIn(text: Localized, language: string): [text: string, lang: string] {
  const key = language.split('-')[0] as keyof Localized;
  const own = text[key];
  return own === undefined ? [text.sv, 'sv'] : [own, key];
}

/** The text in the given language, falling back to Swedish (`localizedIn` without the language). */
export const localized = (text: Localized, language: string): string =>
  localizedIn(text, language)[0];

/**
 * Attributes for the element that shows `text` on a page in `language`: `lang="sv"` when the text
 * falls back to Swedish there (a compass without that language), none when it is in the page's
 * own language. Its direction is set too (a Swedish text on an Arabic page runs left to right).
 */
export const fallbackLang = (text: Localized, language: string): { lang?: 'sv'; dir?: 'ltr' } =>
  text[language.split('-')[0] as keyof Localized] === undefined ? { lang: 'sv', dir: 'ltr' } : {};
