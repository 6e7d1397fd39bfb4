import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Layout } from '../app/Layout.tsx';
import { CompassProvider } from '../context/compass-context.tsx';
import type { Compass } from '../domain/bank/types.ts';
import { createI18n } from '../i18n/i18n.ts';
import { useAnswers } from '../state/answers-store.ts';
import { loadValidBank } from '../tools/load-bank.ts';

/** The small fictional compass of tests/fixtures/demo. */
export const demoCompass: Compass = loadValidBank('tests/fixtures/demo');

/**
 * Renders a page the way the app does: real i18n (Swedish), the page frame, the compass in
 * context, a memory router at `path`, and a fresh answers store.
 */
export function renderPage(
  element: ReactElement,
  {
    path = '/',
    route = '*',
    compass = demoCompass,
  }: { path?: string; route?: string; compass?: Compass } = {},
) {
  useAnswers.setState(useAnswers.getInitialState(), true);
  useAnswers.getState().bindCompass(compass.id, compass.version);
  const i18n = createI18n();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<Layout />}>
            <Route
              path={route}
              element={<CompassProvider value={compass}>{element}</CompassProvider>}
            />
          </Route>
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  );
  return { ...view, i18n };
}
