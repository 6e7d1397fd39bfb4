// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Outlet, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Layout } from '../../app/Layout.tsx';
import { CompassProvider } from '../../context/compass-context.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { useClassRound } from '../../state/class-round.ts';
import { demoCompass } from '../../test/render-app.tsx';
import { JoinPage } from './JoinPage.tsx';

type Reply = { status: number; body?: unknown } | 'network' | 'html';

const CODE = 'K7M2XP9DW';
const OPEN = {
  compass: demoCompass.id,
  version: demoCompass.version,
  open: true,
  submissions: 3,
  expiresAt: '2030-01-01T00:00:00.000Z',
};

/** A fake service answering each request with the next reply for its path; records the paths. */
function fakeService(replies: Record<string, Reply[]>) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = String(input);
      calls.push(path);
      await Promise.resolve();
      const reply = replies[path]?.shift() ?? { status: 404, body: { error: 'no-such-endpoint' } };
      if (reply === 'network') throw new TypeError('Failed to fetch');
      if (reply === 'html')
        return new Response('<!doctype html>', {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        });
      return new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return calls;
}

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

async function renderJoin(path = `/klass/${CODE}`) {
  await act(async () => {
    render(
      <I18nextProvider i18n={createI18n()}>
        <MemoryRouter initialEntries={[path]}>
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
                <Route path="/klass/:code" element={<JoinPage />} />
                <Route path="*" element={<Where />} />
              </Route>
            </Route>
          </Routes>
        </MemoryRouter>
      </I18nextProvider>,
    );
  });
}

const ids = demoCompass.statements.map((s) => s.id);
const answerFirst = (n: number) => {
  for (const id of ids.slice(0, n)) useAnswers.getState().answer(id, 1);
};

beforeEach(() => {
  localStorage.clear();
  useClassRound.setState({ round: null });
  useAnswers.setState(useAnswers.getInitialState(), true);
  useAnswers.getState().bindCompass(demoCompass.id, demoCompass.version);
});
afterEach(() => vi.unstubAllGlobals());

describe('joining an open round', () => {
  it('shows the compass and that the round is open, then joins and starts the quiz', async () => {
    const calls = fakeService({ [`/api/sessions/${CODE}`]: [{ status: 200, body: OPEN }] });
    await renderJoin();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Klassomgång K7M-2XP-9DW' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Kompass: Demokompass')).toBeInTheDocument();
    expect(screen.getByText('Omgången är öppen och tar emot svar.')).toBeInTheDocument();
    expect(useClassRound.getState().round).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Gå med och starta testet' }));
    expect(useClassRound.getState().round).toMatchObject({
      code: CODE,
      compass: demoCompass.id,
      version: demoCompass.version,
      sent: false,
    });
    expect(screen.getByTestId('where')).toHaveTextContent('/fraga/1');
    expect(calls).toEqual([`/api/sessions/${CODE}`]);
  });

  it('reads a code typed into the address in any form', async () => {
    const calls = fakeService({ [`/api/sessions/${CODE}`]: [{ status: 200, body: OPEN }] });
    await renderJoin('/klass/k7m-2xp-9dw');
    expect(await screen.findByText('Kompass: Demokompass')).toBeInTheDocument();
    expect(calls).toEqual([`/api/sessions/${CODE}`]);
  });

  it('lets a pupil with every answer given join with them and go straight to the result', async () => {
    fakeService({ [`/api/sessions/${CODE}`]: [{ status: 200, body: OPEN }] });
    answerFirst(ids.length);
    await renderJoin();
    expect(
      await screen.findByText(/Det finns redan svar på den här enheten \(4 av 4 påståenden\)/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Gå med med mina svar' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/resultat');
    expect(Object.keys(useAnswers.getState().answers)).toHaveLength(4);
    expect(useClassRound.getState().round?.code).toBe(CODE);
  });

  it('continues at the first open statement with some answers given', async () => {
    fakeService({ [`/api/sessions/${CODE}`]: [{ status: 200, body: OPEN }] });
    answerFirst(2);
    await renderJoin();
    await userEvent.click(await screen.findByRole('button', { name: 'Gå med med mina svar' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/fraga/3');
  });

  it('starts over on request, removing answers someone else left on the device', async () => {
    fakeService({ [`/api/sessions/${CODE}`]: [{ status: 200, body: OPEN }] });
    answerFirst(3);
    await renderJoin();
    await userEvent.click(await screen.findByRole('button', { name: 'Gå med och börja om' }));
    expect(useAnswers.getState().answers).toEqual({});
    expect(useClassRound.getState().round?.code).toBe(CODE);
    expect(screen.getByTestId('where')).toHaveTextContent('/fraga/1');
  });

  it('says when this device has joined another round, which joining here leaves', async () => {
    fakeService({ [`/api/sessions/${CODE}`]: [{ status: 200, body: OPEN }] });
    useClassRound.getState().join({ code: 'CDFHJKMNP', compass: 'demo', version: '1' });
    await renderJoin();
    expect((await screen.findByText('CDF-HJK-MNP')).closest('p')).toHaveTextContent(
      'Du är med i en annan klassomgång (CDF-HJK-MNP). Går du med här lämnar du den.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Gå med och starta testet' }));
    expect(useClassRound.getState().round?.code).toBe(CODE);
  });
});

describe('a round this device has joined', () => {
  it('offers to continue, or to leave', async () => {
    fakeService({ [`/api/sessions/${CODE}`]: [{ status: 200, body: OPEN }] });
    useClassRound
      .getState()
      .join({ code: CODE, compass: demoCompass.id, version: demoCompass.version });
    await renderJoin();
    expect(await screen.findByText(/Du är med i den här omgången\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Fortsätt testet' })).toHaveAttribute(
      'href',
      '/fraga/1',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Lämna klassomgången' }));
    expect(useClassRound.getState().round).toBeNull();
    const left = screen.getByText(/^Du har lämnat klassomgången\./);
    expect(left).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Gå med och starta testet' })).toBeInTheDocument();
  });

  it('says when the answers were sent already and leads to the result', async () => {
    fakeService({ [`/api/sessions/${CODE}`]: [{ status: 200, body: OPEN }] });
    answerFirst(ids.length);
    useClassRound
      .getState()
      .join({ code: CODE, compass: demoCompass.id, version: demoCompass.version });
    useClassRound.getState().markSent(CODE);
    await renderJoin();
    expect(
      await screen.findByText(/Du har redan skickat dina svar till den här omgången\./),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Till resultatet, där du skickar dina svar' }),
    ).toHaveAttribute('href', '/resultat');
  });

  it('offers leaving a closed round', async () => {
    fakeService({ [`/api/sessions/${CODE}`]: [{ status: 200, body: { ...OPEN, open: false } }] });
    useClassRound
      .getState()
      .join({ code: CODE, compass: demoCompass.id, version: demoCompass.version });
    await renderJoin();
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Omgången är stängd\./);
    await userEvent.click(screen.getByRole('button', { name: 'Lämna klassomgången' }));
    expect(useClassRound.getState().round).toBeNull();
  });
});

describe('a round that cannot be joined', () => {
  it('refuses a code that cannot be one without asking the service', async () => {
    const calls = fakeService({});
    await renderJoin('/klass/HELLO');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Gå med i en klassomgång' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/ingen giltig klasskod/);
    expect(screen.getByRole('link', { name: 'Skriv in en klasskod' })).toHaveAttribute(
      'href',
      '/klass',
    );
    expect(calls).toEqual([]);
  });

  it.each<[string, Reply, RegExp]>([
    ['closed', { status: 200, body: { ...OPEN, open: false } }, /^Omgången är stängd\./],
    [
      'unknown (mistyped, deleted or expired)',
      { status: 404, body: { error: 'not-found', message: 'x' } },
      /^Det finns ingen klassomgång med koden K7M-2XP-9DW\. Kanske är koden felskriven/,
    ],
    ['expired', { status: 410, body: { error: 'expired' } }, /har gått ut/],
    [
      'for another compass',
      { status: 200, body: { ...OPEN, compass: 'miljo' } },
      /hör till en annan kompass \(miljo\)/,
    ],
    [
      'for another version of the questions',
      { status: 200, body: { ...OPEN, version: '0' } },
      /omgångens version 0, webbplatsens version 1/,
    ],
  ])('says why when the round is %s, and offers no join', async (_what, reply, message) => {
    fakeService({ [`/api/sessions/${CODE}`]: [reply] });
    await renderJoin();
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByRole('button', { name: /^Gå med/ })).not.toBeInTheDocument();
  });

  it('offers a retry after a network error or a rate limit, then joins', async () => {
    fakeService({
      [`/api/sessions/${CODE}`]: [
        'network',
        { status: 429, body: { error: 'rate-limited' } },
        { status: 200, body: OPEN },
      ],
    });
    await renderJoin();
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Kunde inte nå klasstjänsten\./);
    await userEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^Många försöker samtidigt/);
    await userEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(
      await screen.findByRole('button', { name: 'Gå med och starta testet' }),
    ).toBeInTheDocument();
  });

  it('says that this site has no classroom service on a static host', async () => {
    const calls = fakeService({ [`/api/sessions/${CODE}`]: ['html'], '/api/health': ['html'] });
    await renderJoin();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Den här webbplatsen har ingen klasstjänst/,
    );
    expect(screen.getByRole('link', { name: 'Till testet' })).toHaveAttribute('href', '/');
    expect(calls).toEqual([`/api/sessions/${CODE}`, '/api/health']);
  });
});
