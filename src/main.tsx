import './app/app.css';
import { type ReactNode, startTransition, StrictMode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, matchPath, matchRoutes, useRoutes } from 'react-router';
import type { Start } from './app/embed-frame.tsx';
import { createRoot, hydrateRoot } from './app/react-dom-client.ts';
import { pageNeeds, routes } from './app/routes.tsx';
import { Started } from './app/Started.tsx';
import { paths } from './config/paths.ts';
import { nextTask } from './data/next-task.ts';
import { registerServiceWorker } from './features/offline/register-service-worker.ts';
import { createBrowserI18n, startLanguage } from './i18n/i18n.ts';
import {
  arrivalPath,
  chosenPath,
  readingLanguage,
  splitReading,
  storedReadingText,
} from './i18n/reading.ts';

function App() {
  return useRoutes(routes);
}

const frame = matchPath(paths.embedFramePattern, window.location.pathname);

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
  const { app, language, at } = frame
    ? (await import('./app/embed-frame.tsx')).embedded(frame.params.compass ?? '', App)
    : site();
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
