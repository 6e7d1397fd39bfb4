import type { ComponentType, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { sitePaths } from '../config/paths.ts';
import { EmbedProvider } from '../context/embed-context.tsx';
import { readEmbedOptions } from '../features/embed/embed-options.ts';
import type { Language } from '../i18n/i18n.ts';
import {
  arrivalReading,
  readingLanguage,
  readingOf,
  readingPrefix,
  storedReadingText,
} from '../i18n/reading.ts';
import { EmbedBridge } from './CompassLayout.tsx';

/** The app for a page, its language, and the address it opens at (main.tsx). */
export interface Start {
  app: ReactNode;
  language: Language;
  at: string;
}

/**
 * Inside an iframe on a news site (/embed/<compass>): an in-memory router, so that the host's
 * history and back button are untouched; options from the query string (EMBED.md). The
 * language: the news site's choice for its frame (in easy-read if the reader chose that on this
 * device), else the reader's own. A module of its own, loaded only in such a frame, so that the
 * site's own pages do not carry the embed options' rules. The compass may be one the site was
 * built with or one published on the service since (CompassLayout looks it up).
 */
export function embedded(compass: string, App: ComponentType): Start {
  void EmbedBridge.load();
  const embed = readEmbedOptions(window.location.search, (message) => console.warn(message));
  const own = arrivalReading(storedReadingText(), navigator.languages);
  const reading = embed.lang ? readingOf(embed.lang, own === 'lattlast') : own;
  const pages = sitePaths(readingPrefix(reading), compass);
  const first = embed.statement
    ? pages.widget(embed.statement)
    : embed.start === 'quiz'
      ? pages.statement(1)
      : pages.home;
  return {
    language: readingLanguage(reading),
    at: first,
    app: (
      <EmbedProvider value={embed}>
        <MemoryRouter initialEntries={[first]}>
          <App />
        </MemoryRouter>
      </EmbedProvider>
    ),
  };
}
