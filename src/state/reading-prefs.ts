import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Language } from '../config/languages.ts';
import {
  isEasyReading,
  type Reading,
  READING_PREFS_STORAGE_KEY,
  READING_PREFS_VERSION,
  readingLanguage,
  type ReadingPrefsData,
  readReadingPrefs,
} from '../i18n/reading.ts';
import { safeStorage } from './safe-storage.ts';

export { READING_PREFS_STORAGE_KEY, type ReadingPrefsData, readReadingPrefs };

/**
 * How the visitor reads the app, remembered on this device: the language they chose, and whether
 * statements and explainers are shown in easy-read Swedish (lättläst). Nothing else, and never
 * sent anywhere. The address says how a page is read (`/en/…`, `/lattlast/…`); this choice decides
 * where a visitor lands when an address does not say (`arrivalReading`). Blocked or garbled storage
 * means "nothing chosen": the browser's language, no easy-read, and the app works on from memory.
 */
export interface ReadingPrefsState extends ReadingPrefsData {
  /** Remembers a choice; easy-read is a mode of Swedish, so it is off with any other language. */
  choose(language: Language, easy: boolean): void;
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
      version: READING_PREFS_VERSION,
      storage: safeStorage<ReadingPrefsData>(),
      partialize: ({ language, easy }) => ({ language, easy }),
      migrate: readReadingPrefs,
      merge: (persisted, current) => ({ ...current, ...readReadingPrefs(persisted) }),
    },
  ),
);

/** Remembers the reading the visitor chose (in the header, on the start page or beside a statement). */
export function rememberReading(reading: Reading): void {
  useReadingPrefs.getState().choose(readingLanguage(reading), isEasyReading(reading));
}
