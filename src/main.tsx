import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, matchPath, MemoryRouter, useRoutes } from 'react-router';
import { routes } from './app/routes.tsx';
import { paths } from './config/paths.ts';
import { EmbedProvider } from './context/embed-context.tsx';
import { readEmbedOptions } from './features/embed/embed-options.ts';
import { createI18n, preferredLanguage, switchLanguage } from './i18n/i18n.ts';
import { useReadingPrefs } from './state/reading-prefs.ts';

const i18n = createI18n();
function App() {
  return useRoutes(routes);
}

// Inside an iframe on a news site (/embed/<compass>): an in-memory router, so that the host's
// history and back button are untouched; options from the query string (EMBED.md).
const embed = matchPath(paths.embedFramePattern, window.location.pathname)
  ? readEmbedOptions(window.location.search, (message) => console.warn(message))
  : null;
// The language: a news site's choice for its frame, else the one chosen on this device
// (remembered with the reading mode), else the browser's preference.
const language =
  embed?.lang ?? useReadingPrefs.getState().language ?? preferredLanguage(navigator.languages);
const firstPath = embed?.statement
  ? paths.widget(embed.statement)
  : embed?.start === 'quiz'
    ? paths.statement(1)
    : paths.home;

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {embed ? (
          <EmbedProvider value={embed}>
            <MemoryRouter initialEntries={[firstPath]}>
              <App />
            </MemoryRouter>
          </EmbedProvider>
        ) : (
          <BrowserRouter>
            <App />
          </BrowserRouter>
        )}
      </I18nextProvider>
    </StrictMode>,
  );

// A visitor whose browser prefers another language gets it from the first paint.
if (language === 'sv') render();
else void switchLanguage(i18n, language).finally(render);
