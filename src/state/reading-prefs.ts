import type { i18n } from 'i18next';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { switchLanguage } from '../i18n/i18n.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';
import { safeStorage } from './safe-storage.ts';

/**
 * How the visitor reads the app, remembered on this device: the language they chose, and whether
 * statements and explainers are shown in easy-read Swedish (lättläst). Nothing else, and never
 * sent anywhere. Blocked or garbled storage means "nothing chosen": the browser's language, no
 * easy-read, and the app works on from memory.
 */
export interface ReadingPrefsData {
  /** The language chosen on this device; null until the visitor chooses one. */
  readonly language: Language | null;
  /** Easy-read Swedish; only ever true together with Swedish. */
  readonly easy: boolean;
}

export interface ReadingPrefsState extends ReadingPrefsData {
  /** Remembers a choice; easy-read is a mode of Swedish, so it is off with any other language. */
  choose(language: Language, easy: boolean): void;
}

export const READING_PREFS_STORAGE_KEY = 'valkompass:reading';
const STORAGE_VERSION = 1;

/** Whatever storage holds, as preferences: anything unreadable counts as not chosen. */
export function readReadingPrefs(value: unknown): ReadingPrefsData {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const language = isLanguage(v.language) ? v.language : null;
  return { language, easy: language === 'sv' && v.easy === true };
}

export const useReadingPrefs = create<ReadingPrefsState>()(
  persist(
    (set) => ({
      language: null,
      easy: false,
      choose: (language, easy) => set({ language, easy: easy && language === 'sv' }),
    }),
    {
      name: READING_PREFS_STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: safeStorage<ReadingPrefsData>(),
      partialize: ({ language, easy }) => ({ language, easy }),
      migrate: readReadingPrefs,
      merge: (persisted, current) => ({ ...current, ...readReadingPrefs(persisted) }),
    },
  ),
);

/**
 * The visitor's choice in the header, on the start page or beside a statement: switches the app's
 * language (loading it if needed), then remembers the language with the reading mode.
 */
export async function chooseReading(
  instance: i18n,
  language: Language,
  easy: boolean,
): Promise<void> {
  await switchLanguage(instance, language);
  useReadingPrefs.getState().choose(language, easy);
}
