import './app/app.css';
import { type ReactNode, startTransition, StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, matchPath, matchRoutes, MemoryRouter, useRoutes } from 'react-router';
import { EmbedBridge } from './app/CompassLayout.tsx';
import { createRoot, hydrateRoot } from './app/react-dom-client.ts';
import { pageNeeds, routes } from './app/routes.tsx';
import { Started } from './app/Started.tsx';
import { paths, sitePaths } from './config/paths.ts';
import { EmbedProvider } from './context/embed-context.tsx';
import { nextTask } from './data/next-task.ts';
import { readEmbedOptions } from './features/embed/embed-options.ts';
import { registerServiceWorker } from './features/offline/register-service-worker.ts';
import { createBrowserI18n, type Language, startLanguage } from './i18n/i18n.ts';
import {
  arrivalPath,
  arrivalReading,
  chosenPath,
  readingLanguage,
  readingOf,
  readingPrefix,
  splitReading,
  storedReadingText,
} from './i18n/reading.ts';

function App() {
  return useRoutes(routes);
}

const frame = matchPath(paths.embedFramePattern, window.location.pathname);

/**
 * Inside an iframe on a news site (/embed/<compass>): an in-memory router, so that the host's
 * history and back button are untouched; options from the query string (EMBED.md). The
 * language: the news site's choice for its frame (in easy-read if the reader chose that on this
 * device), else the reader's own.
 */
/** The app for this page, its language, and the address it opens at. */
interface Start {
  app: ReactNode;
  language: Language;
  at: string;
}

function embedded(compass: string): Start {
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

/**
 * On the site itself: an address without a reading opens in the visitor's own. A prerendered page
 * has moved a visitor who chose a reading before its first paint already, and offers anyone else
 * their browser's language rather than moving them (`chosenPath`); a page the app renders itself
 * opens in their browser's language too, which costs nothing (`arrivalPath`). A page prerendered
 * at build time is hydrated: React takes over the HTML on screen without painting it again.
 */
function site(): Start {
  const moved = samePage(root.dataset.prerendered, window.location.pathname)
    ? chosenPath(window.location, storedReadingText())
    : arrivalPath(window.location, storedReadingText(), navigator.languages);
  if (moved !== null) window.history.replaceState(null, '', moved);
  return {
    language: readingLanguage(splitReading(window.location.pathname).reading),
    at: window.location.pathname,
    app: (
      <BrowserRouter>
        <App />
      </BrowserRouter>
    ),
  };
}

const root = document.getElementById('root')!;

/** Whether the page prerendered for `rendered` is the one at `pathname` (`/x/` and `/x` alike). */
const samePage = (rendered: string | undefined, pathname: string) =>
  rendered !== undefined && rendered.replace(/\/$/, '') === pathname.replace(/\/$/, '');

function start(tree: ReactNode) {
  if (!frame && samePage(root.dataset.prerendered, window.location.pathname) && root.firstChild) {
    // As a transition, React takes the page over a little at a time, between which the browser
    // can paint and answer; boot.ts holds presses until it is done.
    startTransition(() => {
      hydrateRoot(root, tree);
    });
  } else {
    root.replaceChildren();
    createRoot(root).render(tree);
  }
}

/**
 * The page's language is there before the first render, so that nothing is shown in another one
 * (the start page's words only: the other pages' load with them), and so is what the page reads
 * (its code, strings and data; routes.tsx): React then takes each part of a prerendered page
 * over without waiting for anything, none left unhydrated for a press to wake it. What fails to
 * load is the page's to report as it renders. Each step runs in a task of its own, so that none
 * keeps a tap waiting on a slow phone.
 */
async function main() {
  const i18n = createBrowserI18n();
  await nextTask();
  const { app, language, at } = frame ? embedded(frame.params.compass ?? '') : site();
  const matches = matchRoutes(routes, at) ?? [];
  await nextTask();
  const needs = pageNeeds(matches, { i18n, language });
  await Promise.allSettled([startLanguage(i18n, language), ...needs]);
  start(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {app}
        <Started />
      </I18nextProvider>
    </StrictMode>,
  );
}

void main();
registerServiceWorker();
