// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Outlet, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Layout } from '../../app/Layout.tsx';
import { CompassProvider } from '../../context/compass-context.tsx';
import { createI18n, switchLanguage } from '../../i18n/i18n.ts';
import { useClassRound } from '../../state/class-round.ts';
import { demoCompass } from '../../test/render-app.tsx';
import { ClassroomPage } from './ClassroomPage.tsx';

type Reply = { status: number; body?: unknown } | 'network' | 'html';

/** A fake service: replies to /api/health as told; records every request. */
function fakeService(health: Reply) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      calls.push(String(input));
      await Promise.resolve();
      if (health === 'network') throw new TypeError('Failed to fetch');
      if (health === 'html')
        return new Response('<!doctype html><title>Valkompass</title>', {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        });
      return new Response(JSON.stringify(health.body), {
        status: health.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return calls;
}

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

/**
 * Renders /klass in the app's frame. In an awaited act: React 19 retries a component suspended on
 * the lazily loaded strings (NamespaceGate) only then, in tests.
 */
async function renderEntry() {
  const i18n = createI18n();
  let view!: ReturnType<typeof render>;
  await act(async () => {
    view = render(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={['/klass']}>
          <Routes>
            <Route element={<Layout />}>
              <Route
                element={
                  <CompassProvider value={demoCompass}>
                    <Suspense fallback={<p>…</p>}>
                      <Outlet />
                    </Suspense>
                  </CompassProvider>
                }
              >
                <Route path="/klass" element={<ClassroomPage />} />
                <Route path="*" element={<Where />} />
              </Route>
            </Route>
          </Routes>
        </MemoryRouter>
      </I18nextProvider>,
    );
  });
  return { ...view, i18n };
}

const codeField = () => screen.findByRole('textbox', { name: 'Klasskod' });

beforeEach(() => useClassRound.setState({ round: null }));
afterEach(() => vi.unstubAllGlobals());

describe('/klass with a classroom service', () => {
  it('takes a code in any case, with spaces and dashes, to the round', async () => {
    const calls = fakeService({ status: 200, body: { status: 'ok' } });
    await renderEntry();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Klassomgång' }),
    ).toBeInTheDocument();
    await userEvent.type(await codeField(), ' k7m-2xp 9dw {Enter}');
    expect(screen.getByTestId('where')).toHaveTextContent('/klass/K7M2XP9DW');
    expect(calls).toEqual(['/api/health']);
  });

  it('reports a code that cannot be one at the field and stays', async () => {
    fakeService({ status: 200, body: { status: 'ok' } });
    await renderEntry();
    const field = await codeField();
    expect(field).not.toHaveAttribute('aria-invalid', 'true');
    await userEvent.type(field, 'K0M-2XP-9DW');
    await userEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    const error = screen.getByRole('alert');
    expect(error).toHaveTextContent(/^Det är ingen klasskod\. En kod har 9 tecken/);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Det är ingen klasskod.'));
    expect(field).toHaveFocus();
    expect(screen.queryByTestId('where')).not.toBeInTheDocument();
    // Typing again clears the error.
    await userEvent.type(field, 'X');
    expect(field).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });

  it('asks for the code when the field is empty', async () => {
    fakeService({ status: 200, body: { status: 'ok' } });
    await renderEntry();
    await codeField();
    await userEvent.click(screen.getByRole('button', { name: 'Gå med' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Skriv klasskoden som läraren visar.');
  });

  it('gives teachers a way to start a round and says who sees what', async () => {
    fakeService({ status: 200, body: { status: 'ok' } });
    await renderEntry();
    await codeField();
    expect(screen.getByRole('link', { name: 'Starta en klassomgång' })).toHaveAttribute(
      'href',
      '/klass/ny',
    );
    const privacy = screen.getByRole('region', { name: 'Vad skickas, och vem ser vad?' });
    expect(privacy).toHaveTextContent('minst 10 elever');
    expect(privacy).toHaveTextContent('Inte ”Viktigt för mig”, inget namn, inget resultat');
    expect(privacy).toHaveTextContent('bara de slumpade grupperna, aldrig elevens egna svar');
    expect(privacy).toHaveTextContent('bara uppskattningar för hela klassen');
  });

  it('shows the round this device has joined', async () => {
    fakeService({ status: 200, body: { status: 'ok' } });
    useClassRound.getState().join({ code: 'K7M2XP9DW', compass: 'demo', version: '1' });
    await renderEntry();
    await codeField();
    expect(screen.getByText('K7M-2XP-9DW').closest('p')).toHaveTextContent(
      /^Du är med i klassomgång K7M-2XP-9DW\. Till omgången$/,
    );
    expect(screen.getByRole('link', { name: 'Till omgången' })).toHaveAttribute(
      'href',
      '/klass/K7M2XP9DW',
    );
  });

  it('is written in Arabic too', async () => {
    fakeService({ status: 200, body: { status: 'ok' } });
    const { i18n } = await renderEntry();
    await codeField();
    await act(() => switchLanguage(i18n, 'ar'));
    expect(await screen.findByRole('heading', { level: 1, name: 'جولة الصف' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'رمز الصف' })).toBeInTheDocument();
  });
});

describe('/klass where the site has no classroom service', () => {
  it.each<[string, Reply]>([
    ['a static host (index.html for every path)', 'html'],
    ['a 404', { status: 404, body: { error: 'not-found' } }],
    ['no network', 'network'],
    ['something that is not the service', { status: 200, body: { status: 'maybe' } }],
  ])('says so plainly, with no field and no dead buttons: %s', async (_what, reply) => {
    fakeService(reply);
    await renderEntry();
    expect(
      await screen.findByText(/^Den här webbplatsen har ingen klasstjänst/),
    ).toBeInTheDocument();
    const main = within(screen.getByRole('main'));
    expect(main.queryByRole('textbox')).not.toBeInTheDocument();
    expect(main.queryByRole('button')).not.toBeInTheDocument();
    expect(main.queryByRole('link', { name: 'Starta en klassomgång' })).not.toBeInTheDocument();
    expect(main.getByRole('link', { name: 'Till testet' })).toHaveAttribute('href', '/');
  });
});

describe('the footer', () => {
  it('links discreetly to /klass', async () => {
    fakeService({ status: 200, body: { status: 'ok' } });
    await renderEntry();
    await codeField();
    const footer = screen.getByRole('navigation', { name: 'Mer om valkompassen' });
    expect(within(footer).getByRole('link', { name: 'För skolor: klassomgång' })).toHaveAttribute(
      'href',
      '/klass',
    );
  });
});
