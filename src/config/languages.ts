/**
 * The app's languages. A module of its own, without i18next, so that the embed loader (embed.js,
 * which must stay tiny) checks `data-lang` against the same list as the app; in config/, the
 * lowest layer, because the embed contract (embed-contract.ts) reads it and every layer above.
 */
export const LANGUAGES = ['sv', 'en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The writing direction of one of the app's languages (or of a text's language tag). Ours to say:
 * i18next's `dir()` asks `Intl.Locale`, which on a phone costs tens of milliseconds the first time.
 */
export const direction = (language: string): 'rtl' | 'ltr' =>
  language.split('-')[0] === 'ar' ? 'rtl' : 'ltr';
