// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClassPanelSlot } from '../../app/ClassPanelSlot.tsx';
import { Layout } from '../../app/Layout.tsx';
import { CompassProvider } from '../../context/compass-context.tsx';
import { IDEMPOTENCY_KEY_PATTERN } from '../../domain/classroom/http-contract.ts';
import { ResultsPage } from '../../features/results/ResultsPage.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { CLASS_ROUND_STORAGE_KEY, useClassRound } from '../../state/class-round.ts';
import { demoCompass } from '../../test/render-app.tsx';
import { DRAWN_STORAGE_KEY, forgetSubmission } from './drawn-submission.ts';

const CODE = 'K7M2XP9DW';
const SUBMISSIONS = `/api/sessions/${CODE}/submissions`;
const TITLE = 'Skicka mina svar anonymt till klassen';

interface Request {
  readonly path: string;
  readonly method: string;
  readonly key: string | null;
  readonly body: unknown;
}
type Reply = { status: number; body?: unknown } | 'network';

/**
 * A fake service: each submission gets the next reply; a 201 is "counted" only for a key not
 * counted before (then 200 already-counted), as the real service does. Records every request.
 */
function fakeService(replies: Reply[]) {
  const requests: Request[] = [];
  const counted = new Set<string>();
  const pending: (() => void)[] = [];
  let hold = false;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      const key = headers.get('Idempotency-Key');
      requests.push({
        path: String(input),
        method: init.method ?? 'GET',
        key,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      if (hold) await new Promise<void>((resolve) => pending.push(resolve));
      else await Promise.resolve();
      let reply = replies.shift() ?? { status: 500, body: { error: 'unexpected' } };
      if (reply === 'network') throw new TypeError('Failed to fetch');
      if (reply.status === 201 && key !== null) {
        if (counted.has(key)) reply = { status: 200, body: { status: 'already-counted' } };
        counted.add(key);
      }
      return new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return {
    requests,
    counted,
    hold: () => (hold = true),
    release: () => pending.splice(0).forEach((resolve) => resolve()),
  };
}

const COUNTED: Reply = { status: 201, body: { status: 'counted' } };

async function renderResults() {
  let view!: ReturnType<typeof render>;
  await act(async () => {
    view = render(
      <I18nextProvider i18n={createI18n()}>
        <MemoryRouter initialEntries={['/resultat']}>
          <Routes>
            <Route element={<Layout />}>
              <Route
                path="/resultat"
                element={
                  <CompassProvider value={demoCompass}>
                    <Suspense fallback={<p>…</p>}>
                      <ResultsPage classPanel={<ClassPanelSlot />} />
                    </Suspense>
                  </CompassProvider>
                }
              />
            </Route>
          </Routes>
        </MemoryRouter>
      </I18nextProvider>,
    );
  });
  return view;
}

/** Three statements reached: one agreed and marked important, one skipped, one partly against. */
function answerThree() {
  const a = useAnswers.getState();
  a.answer('fler-bibliotek', 1);
  a.setImportant('fler-bibliotek', true);
  a.answer('kulturskola-avgift', 'skip');
  a.answer('balans-fore-satsningar', -0.5);
}
/** The categories of the pupil's own answers, every statement of the compass in its order. */
const OWN = Object.fromEntries(
  demoCompass.statements.map((st) => [
    st.id,
    { 'fler-bibliotek': 'for', 'balans-fore-satsningar': 'emot' }[st.id] ?? 'hoppade-over',
  ]),
);
const CATEGORY_LABEL: Record<string, string> = {
  for: 'För',
  varken: 'Varken för eller emot',
  emot: 'Emot',
  'hoppade-over': 'Hoppade över',
};

/** The body the panel shows as data ("Samma sak som data"), opening it first. */
async function previewedBody(): Promise<unknown> {
  if (!screen.queryByTestId('randomized-submission-json'))
    await userEvent.click(screen.getByText('Samma sak som data, precis som det skickas'));
  return JSON.parse(screen.getByTestId('randomized-submission-json').textContent);
}

/** A randomized body of the demo compass: p and every statement's category, nothing else. */
function expectRandomizedShape(body: unknown) {
  expect(Object.keys(body as object).sort()).toEqual(['categories', 'p']);
  const { p, categories } = body as { p: number; categories: Record<string, string> };
  expect(p).toBe(0.4);
  expect(Object.keys(categories)).toEqual(demoCompass.statements.map((st) => st.id));
  for (const c of Object.values(categories))
    expect(['emot', 'varken', 'for', 'hoppade-over']).toContain(c);
  expect(JSON.stringify(body)).not.toMatch(/answers|important|viktig|-0\.5|"skip"/i);
}

const joinRound = () =>
  useClassRound
    .getState()
    .join({ code: CODE, compass: demoCompass.id, version: demoCompass.version });
const panel = () => screen.findByRole('region', { name: TITLE });
const send = () => userEvent.click(screen.getByRole('button', { name: 'Skicka' }));

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  forgetSubmission();
  useClassRound.setState({ round: null });
  useAnswers.setState(useAnswers.getInitialState(), true);
  useAnswers.getState().bindCompass(demoCompass.id, demoCompass.version);
  answerThree();
});
afterEach(() => vi.unstubAllGlobals());

describe('the results page without a joined round', () => {
  it('is exactly as before: no class panel and no request', async () => {
    const { requests } = fakeService([]);
    await renderResults();
    expect(screen.getByRole('heading', { level: 2, name: 'Dela resultat' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: TITLE })).not.toBeInTheDocument();
    expect(within(screen.getByRole('main')).queryByText(/klass/i)).not.toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('shows no panel when stored round data is corrupt', async () => {
    fakeService([]);
    localStorage.setItem(
      CLASS_ROUND_STORAGE_KEY,
      JSON.stringify({
        state: { round: { code: CODE, compass: 'demo', version: '1' } },
        version: 2,
      }),
    );
    await act(() => useClassRound.persist.rehydrate());
    await renderResults();
    expect(screen.queryByRole('region', { name: TITLE })).not.toBeInTheDocument();
  });
});

describe('the class panel', () => {
  it('shows exactly what is sent, and what is not', async () => {
    const { requests } = fakeService([]);
    joinRound();
    await renderResults();
    const region = within(await panel());
    expect(region.getByText('K7M-2XP-9DW').closest('p')).toHaveTextContent(
      /^Klassomgång K7M-2XP-9DW\.$/,
    );
    expect(
      region.getByRole('heading', { level: 3, name: 'Det här skickas till klassen' }),
    ).toBeInTheDocument();
    expect(
      region.getByText(
        'Ungefär vart tredje svar byts mot ett slumpat innan det skickas, så att ingen – inte ens läraren – kan veta vad just du svarade; klassens resultat blir ändå rätt i stort.',
      ),
    ).toBeInTheDocument();
    // What is not sent: "Viktigt för mig" among it.
    const notSent = region.getByRole('heading', { level: 3, name: 'Det här skickas inte' });
    const list = notSent.nextElementSibling as HTMLElement;
    expect(within(list).getByText(/^Vilka påståenden du markerade ”Viktigt för mig”\./));
    expect(within(list).getByText('Ditt namn eller något annat om vem du är.')).toBeInTheDocument();
    expect(within(list).getByText(/^Ditt resultat: inga procent/)).toBeInTheDocument();
    expect(region.getByText(/bara uppskattningar för hela klassen/)).toHaveTextContent(
      /bara om minst 10\u00a0?\s?elever har skickat/,
    );

    // Every statement, the pupil's own category and the one sent, which is what the data says.
    const body = await previewedBody();
    expectRandomizedShape(body);
    const sent = (body as { categories: Record<string, string> }).categories;
    // A short compass shows the table at once; a long one has it in a disclosure.
    const disclosure = region.queryByText(/^Visa vad som skickas \(\d+ påståenden\)$/);
    if (disclosure) await userEvent.click(disclosure);
    const table = region.getByRole('table', { name: 'Vad som skickas för varje påstående' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual(
      demoCompass.statements.map((st) => [
        st.text.sv,
        CATEGORY_LABEL[OWN[st.id]!],
        CATEGORY_LABEL[sent[st.id]!] + (sent[st.id] === OWN[st.id] ? '' : ' bytt'),
      ]),
    );
    expect(region.queryByText(/%/)).not.toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  it('sends exactly the previewed body, once, with the round key, and then says it is sent', async () => {
    const { requests } = fakeService([COUNTED]);
    useAnswers.getState().setParties([demoCompass.parties[0]!.id]);
    joinRound();
    const key = useClassRound.getState().round!.key;
    expect(key).toMatch(IDEMPOTENCY_KEY_PATTERN);
    await renderResults();
    await panel();
    const shown = await previewedBody();
    await send();
    expect(
      await screen.findByText('Skickat. Dina svar är räknade i klassens omgång.'),
    ).toHaveFocus();
    expect(requests).toEqual([{ path: SUBMISSIONS, method: 'POST', key, body: shown }]);
    expectRandomizedShape(requests[0]!.body);
    expect(screen.queryByRole('button', { name: 'Skicka' })).not.toBeInTheDocument();
    expect(useClassRound.getState().round).toMatchObject({ key, sent: true });
    // Counted: the kept draw is gone from the tab.
    expect(sessionStorage.getItem(DRAWN_STORAGE_KEY)).toBeNull();
  });

  it('retries after a network error with the same key, and the class counts it once', async () => {
    const service = fakeService(['network', COUNTED]);
    joinRound();
    await renderResults();
    await panel();
    await send();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Kunde inte nå klasstjänsten, så dina svar är inte skickade än\./,
    );
    expect(useClassRound.getState().round!.sent).toBe(false);
    await send();
    expect(await screen.findByText(/^Skickat\./)).toBeInTheDocument();
    expect(service.requests.map((r) => r.key)).toEqual([
      useClassRound.getState().round!.key,
      useClassRound.getState().round!.key,
    ]);
    // The same drawn body both times, not a new draw.
    expect(service.requests[1]!.body).toEqual(service.requests[0]!.body);
    expectRandomizedShape(service.requests[0]!.body);
    expect(service.counted.size).toBe(1);
  });

  it('says the answers may be counted when the round closed between a lost send and the retry', async () => {
    // The service deletes a round's keys when it closes, so the retry cannot be told apart.
    fakeService(['network', { status: 409, body: { error: 'closed' } }]);
    joinRound();
    await renderResults();
    await panel();
    await send();
    await screen.findByText(/^Kunde inte nå klasstjänsten/);
    await send();
    expect(
      await screen.findByText(
        'Omgången har stängts. Om ditt förra försök kom fram innan dess är dina svar räknade; annars togs de inte emot.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Skicka' })).not.toBeInTheDocument();
  });

  it('keeps the key and the drawn body across a reload after a failed send', async () => {
    // The first attempt reached the service, but its answer was lost on the way back.
    const service = fakeService(['network', COUNTED]);
    joinRound();
    const key = useClassRound.getState().round!.key;
    const first = await renderResults();
    await panel();
    const shown = await previewedBody();
    await send();
    await screen.findByRole('alert');
    first.unmount();
    // As after a reload: the store is read back from storage, and the page's memory is gone.
    const saved = localStorage.getItem(CLASS_ROUND_STORAGE_KEY)!;
    const drawn = sessionStorage.getItem(DRAWN_STORAGE_KEY)!;
    useClassRound.setState({ round: null });
    forgetSubmission();
    localStorage.setItem(CLASS_ROUND_STORAGE_KEY, saved);
    sessionStorage.setItem(DRAWN_STORAGE_KEY, drawn);
    await act(() => useClassRound.persist.rehydrate());
    expect(useClassRound.getState().round?.key).toBe(key);
    service.counted.add(key);
    await renderResults();
    await panel();
    expect(await previewedBody()).toEqual(shown);
    await send();
    expect(
      await screen.findByText(
        'Skickat. Dina svar hade redan kommit fram förra gången och räknas en gång.',
      ),
    ).toBeInTheDocument();
    expect(service.requests.map((r) => r.key)).toEqual([key, key]);
    expect(service.requests.map((r) => r.body)).toEqual([shown, shown]);
  });

  it('draws again only when the category of an answer changes', async () => {
    fakeService([]);
    joinRound();
    await renderResults();
    await panel();
    const shown = await previewedBody();
    // "Helt för" to "Delvis för": the same category, the same draw.
    await act(async () => useAnswers.getState().answer('fler-bibliotek', 0.5));
    expect(await previewedBody()).toEqual(shown);
    expect(JSON.parse(sessionStorage.getItem(DRAWN_STORAGE_KEY)!).submission).toEqual(shown);
    // Leaving and joining again makes a new key, and with it a new draw is kept.
    await act(async () => {
      useClassRound.getState().leave();
      joinRound();
    });
    await panel();
    const again = await previewedBody();
    expectRandomizedShape(again);
    expect(JSON.parse(sessionStorage.getItem(DRAWN_STORAGE_KEY)!)).toMatchObject({
      key: useClassRound.getState().round!.key,
      submission: again,
    });
  });

  it('says "already sent" after a remount and sends nothing more', async () => {
    const { requests } = fakeService([COUNTED]);
    joinRound();
    const first = await renderResults();
    await panel();
    await send();
    await screen.findByText(/^Skickat\./);
    first.unmount();
    await renderResults();
    const region = within(await panel());
    expect(region.getByRole('status')).toHaveTextContent(
      /^Skickat\. Du har redan skickat dina svar till den här omgången/,
    );
    expect(region.queryByRole('button', { name: 'Skicka' })).not.toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });

  it('sends once however often the button is pressed while sending', async () => {
    const service = fakeService([COUNTED, COUNTED]);
    service.hold();
    joinRound();
    await renderResults();
    await panel();
    await send();
    expect(screen.getByText('Skickar …')).toBeInTheDocument();
    await send();
    await act(async () => service.release());
    await screen.findByText(/^Skickat\./);
    expect(service.requests).toHaveLength(1);
  });

  it.each<[string, Reply, RegExp, boolean]>([
    ['a closed round', { status: 409, body: { error: 'closed' } }, /^Omgången är stängd/, false],
    ['a deleted round', { status: 404, body: { error: 'not-found' } }, /finns inte längre/, false],
    ['an expired round', { status: 410, body: { error: 'expired' } }, /finns inte längre/, false],
    [
      'a rate limit',
      { status: 429, body: { error: 'rate-limited' } },
      /^Många skickar samtidigt just nu\. Vänta en liten stund/,
      true,
    ],
    [
      'a full round',
      { status: 409, body: { error: 'round-full' } },
      /^Omgången har redan tagit emot så många svar som den kan ta emot/,
      false,
    ],
    [
      'too many from one network',
      { status: 429, body: { error: 'too-many-submissions' } },
      /^Det har redan kommit så många svar till omgången från det här nätverket/,
      false,
    ],
    [
      'an outdated app',
      { status: 400, body: { error: 'outdated-submission' } },
      /^Sidan är en äldre version än klasstjänsten/,
      false,
    ],
    [
      'another randomization',
      { status: 400, body: { error: 'wrong-randomization' } },
      /^Sidan är en äldre version än klasstjänsten/,
      false,
    ],
    [
      'a refusal',
      { status: 400, body: { error: 'unknown-statement' } },
      /\(felkod unknown-statement\)/,
      true,
    ],
  ])(
    'explains %s, and offers a new try only where one can help',
    async (_w, reply, text, again) => {
      fakeService([reply]);
      joinRound();
      await renderResults();
      await panel();
      await send();
      expect(await screen.findByRole('alert')).toHaveTextContent(text);
      expect(useClassRound.getState().round!.sent).toBe(false);
      expect(!!screen.queryByRole('button', { name: 'Skicka' })).toBe(again);
      expect(screen.getByRole('button', { name: 'Lämna klassomgången' })).toBeInTheDocument();
    },
  );

  it('leaves the round, saying so where the focus was', async () => {
    const { requests } = fakeService([]);
    joinRound();
    await renderResults();
    await panel();
    await userEvent.click(screen.getByRole('button', { name: 'Lämna klassomgången' }));
    expect(useClassRound.getState().round).toBeNull();
    expect(screen.getByText(/^Du har lämnat klassomgången\. Inget skickas härifrån/)).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Skicka' })).not.toBeInTheDocument();
    expect(Object.keys(useAnswers.getState().answers)).toHaveLength(3);
    expect(requests).toEqual([]);
  });

  it('sends nothing for a round of another version of the questions', async () => {
    fakeService([]);
    useClassRound.getState().join({ code: CODE, compass: demoCompass.id, version: 'old' });
    await renderResults();
    const region = within(await panel());
    expect(region.getByRole('alert')).toHaveTextContent(/annan version av frågorna/);
    expect(region.queryByRole('button', { name: 'Skicka' })).not.toBeInTheDocument();
  });

  it('works with storage blocked, from memory', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const { requests } = fakeService(['network', COUNTED]);
    joinRound();
    await renderResults();
    await panel();
    await send();
    await screen.findByRole('alert');
    await send();
    await screen.findByText(/^Skickat\./);
    expect(new Set(requests.map((r) => r.key)).size).toBe(1);
    expect(requests[1]!.body).toEqual(requests[0]!.body);
    vi.restoreAllMocks();
  });
});
