import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, useRoutes } from 'react-router';
import './app/app.css';
import { routes } from './app/routes.tsx';
import { createI18n, preferredLanguage, switchLanguage } from './i18n/i18n.ts';

const i18n = createI18n();
function App() {
  return useRoutes(routes);
}
const language = preferredLanguage(navigator.languages);

const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </I18nextProvider>
    </StrictMode>,
  );

// A visitor whose browser prefers another language gets it from the first paint.
if (language === 'sv') render();
else void switchLanguage(i18n, language).finally(render);
