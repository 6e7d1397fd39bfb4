// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { paths } from '../../config/paths.ts';
import { randomizedClassResult } from '../../domain/classroom/randomized-estimate.ts';
import {
  randomizedSubmission,
  uniformFromRandomValues,
} from '../../domain/classroom/randomized-response.ts';
import { TEACHER_KEYS_STORAGE, teacherKeys } from '../../state/teacher-keys.ts';
import { FakeEventSource, fakeService } from '../../test/fake-classroom-service.ts';
import { demoCompass, renderPage } from '../../test/render-app.tsx';
import { seededRandomValues } from '../../test/seeded-words.ts';
import { TWENTY_SUBMISSIONS } from '../../test/twenty-submissions.ts';
import { ANNOUNCE_GAP_MS } from './CountAnnouncer.tsx';
import { estimatedDivision } from './EstimatedResults.tsx';
import { NewRoundPage } from './NewRoundPage.tsx';
import { TeacherPage } from './TeacherPage.tsx';
import { POLL_MS, RECONNECT_MS } from './use-live-count.ts';

const CODE = 'K7M2XP9DW';
const KEY = 'tEaChErKeY_0123456789-abcdefghijklmnopqrstu';
const teacherPath = paths.classroomTeacher(CODE);

function LocationProbe() {
  const { pathname, hash } = useLocation();
  return <output data-testid="location">{`${pathname}${hash}`}</output>;
}

/**
 * Renders the teacher's routes in the app's frame at `path`. In an awaited act: React 19 retries
 * a component suspended on the lazily loaded strings (NamespaceGate) only then, in tests.
 */
async function renderClassroom(path: string) {
  let view!: ReturnType<typeof renderPage>;
  await act(async () => {
    view = renderPage(
      <Suspense fallback={<p>…</p>}>
        <Routes>
          <Route path={paths.classroomNew} element={<NewRoundPage />} />
          <Route path={paths.classroomTeacherPattern} element={<TeacherPage />} />
        </Routes>
        <LocationProbe />
      </Suspense>,
      { path },
    );
  });
  return view;
}

const location = () => screen.getByTestId('location').textContent;

const NB = '\u00a0';

/** A closed round of twenty randomized submissions; every figure below is worked out from it. */
const COUNTERS = TWENTY_SUBMISSIONS;

let service: ReturnType<typeof fakeService>;

/** A round that exists on the fake service, its key held by this browser. */
function existingRound(round: Partial<Parameters<typeof service.rounds.set>[1]> = {}) {
  service.rounds.set(CODE, {
    compass: 'demo',
    version: '1.0.0',
    open: true,
    submissions: 0,
    key: KEY,
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    ...round,
  });
}

const storedKeys = () =>
  (
    JSON.parse(localStorage.getItem(TEACHER_KEYS_STORAGE) ?? '{"state":{"entries":[]}}') as {
      state: { entries: { code: string; key: string }[] };
    }
  ).state.entries;

beforeEach(() => {
  localStorage.clear();
  teacherKeys.forget(CODE); // also from this visit's memory
  service = fakeService({ compass: demoCompass });
  vi.stubGlobal('fetch', service.fetch);
  FakeEventSource.instances = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('NewRoundPage', () => {
  it('starts a round, keeps the key and opens the teacher page', async () => {
    const user = userEvent.setup();
    await renderClassroom(paths.classroomNew);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Starta en klassomgång' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Demokompass')).toBeInTheDocument();
    expect(
      screen.getByText(
        /och bara om minst 10 elever har skickat: med färre är uppskattningarna mest slump/,
      ),
    ).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Starta klassomgång' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Klassomgång K7M-2XP-9DW' }),
    ).toBeInTheDocument();
    expect(location()).toBe(teacherPath);
    expect(storedKeys()).toEqual([expect.objectContaining({ code: CODE, key: KEY })]);
    expect(service.calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/api/sessions',
    });
    expect(await screen.findByRole('heading', { name: 'Omgången är öppen' })).toBeInTheDocument();
  });

  it('says plainly when the site has no classroom service, and offers no button', async () => {
    service = fakeService({ present: false });
    vi.stubGlobal('fetch', service.fetch);
    await renderClassroom(paths.classroomNew);
    expect(
      await screen.findByText(
        'Den här webbplatsen har ingen klasstjänst, så det går inte att starta en klassomgång här.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/Själva valkompassen fungerar som vanligt/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Starta klassomgång' })).not.toBeInTheDocument();
  });
});

describe('TeacherPage: the key', () => {
  it('stores a key from the fragment, removes it from the address, and keeps it on reload', async () => {
    existingRound();
    const first = await renderClassroom(`${teacherPath}#nyckel=${KEY}`);
    expect(await screen.findByRole('heading', { name: 'Omgången är öppen' })).toBeInTheDocument();
    await waitFor(() => expect(location()).toBe(teacherPath));
    expect(storedKeys()).toEqual([expect.objectContaining({ code: CODE, key: KEY })]);
    first.unmount();

    // A reload: a fresh page without the fragment finds the key in storage.
    await renderClassroom(teacherPath);
    expect(await screen.findByRole('heading', { name: 'Omgången är öppen' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByText('Lärarlänk'));
    expect(screen.getByRole('textbox', { name: 'Lärarlänk (hemlig)' })).toHaveValue(
      `http://localhost:3000${teacherPath}#nyckel=${KEY}`,
    );
  });

  it('explains that the page needs the teacher link when there is no key, and links pupils on', async () => {
    existingRound();
    await renderClassroom(teacherPath);
    expect(
      await screen.findByRole('heading', { name: 'Den här sidan kräver lärarlänken' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Gå med i klassomgång K7M-2XP-9DW' })).toHaveAttribute(
      'href',
      paths.classroomJoin(CODE),
    );
    expect(service.calls).toEqual([]);
  });

  it('says when the key is wrong', async () => {
    existingRound({ open: false, submissions: 20, counters: COUNTERS });
    teacherKeys.put({
      code: CODE,
      key: 'not-the-key-0123456789',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    await renderClassroom(teacherPath);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Lärarnyckeln i den här webbläsaren hör inte till omgången K7M-2XP-9DW.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when the round is gone, and forgets its key', async () => {
    teacherKeys.put({
      code: CODE,
      key: KEY,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    await renderClassroom(teacherPath);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Klassomgången K7M-2XP-9DW finns inte längre: den har raderats eller gått ut.',
    );
    expect(teacherKeys.get(CODE)).toBeNull();
  });

  it('says when the service cannot be reached, and tries again on request', async () => {
    existingRound();
    teacherKeys.put({
      code: CODE,
      key: KEY,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    service.goDown();
    await renderClassroom(teacherPath);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Det gick inte att nå klasstjänsten.',
    );
    vi.stubGlobal('fetch', fakeServiceUp());
    await userEvent.setup().click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByRole('heading', { name: 'Omgången är öppen' })).toBeInTheDocument();
  });

  it('works for this visit when storage is blocked, and says so', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      const user = userEvent.setup();
      await renderClassroom(paths.classroomNew);
      expect(await screen.findByText(/låter inte sidan spara något/)).toBeInTheDocument();
      await user.click(await screen.findByRole('button', { name: 'Starta klassomgång' }));
      expect(await screen.findByRole('heading', { name: 'Omgången är öppen' })).toBeInTheDocument();
      expect(screen.getByText(/låter inte sidan spara något/)).toBeInTheDocument();
    } finally {
      Object.defineProperty(window, 'localStorage', original);
    }
  });
});

/** The service of `service`, reachable again (a copy that answers from the same rounds). */
function fakeServiceUp() {
  const up = fakeService();
  for (const [code, round] of service.rounds) up.rounds.set(code, round);
  return up.fetch;
}

describe('TeacherPage: an open round', () => {
  beforeEach(() => {
    existingRound({ submissions: 2 });
    teacherKeys.put({
      code: CODE,
      key: KEY,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
  });

  it('shows the code, the QR code and the pupil link', async () => {
    await renderClassroom(teacherPath);
    await screen.findByRole('heading', { name: 'Omgången är öppen' });
    expect(screen.getByText('K7M-2XP-9DW')).toBeInTheDocument();
    expect(screen.getByText('K 7 M, 2 X P, 9 D W')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Länk för eleverna' })).toHaveValue(
      `http://localhost:3000${paths.classroomJoin(CODE)}`,
    );
    expect(
      await screen.findByRole('img', { name: 'QR-kod med länken för eleverna' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('live-count')).toHaveTextContent('2');
  });

  it('updates the count live and announces it politely', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.stubGlobal('EventSource', FakeEventSource);
    await renderClassroom(teacherPath);
    await screen.findByRole('heading', { name: 'Omgången är öppen' });
    // The stream is opened by an effect, which may run after the heading is on screen.
    const source = await vi.waitFor(() => {
      const opened = FakeEventSource.instances.at(-1);
      expect(opened?.url).toBe(`/api/sessions/${CODE}/events`);
      return opened!;
    });
    act(() => source.emit('count', { submissions: 3, open: true }));
    expect(screen.getByTestId('live-count')).toHaveTextContent('3');
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live).toHaveTextContent('Svar hittills: 3.');
    // A burst is announced once it settles, with the latest count, not number by number.
    act(() => source.emit('count', { submissions: 4, open: true }));
    act(() => source.emit('count', { submissions: 5, open: true }));
    expect(screen.getByTestId('live-count')).toHaveTextContent('5');
    expect(live).toHaveTextContent('Svar hittills: 3.');
    await act(() => vi.advanceTimersByTimeAsync(ANNOUNCE_GAP_MS));
    expect(live).toHaveTextContent('Svar hittills: 5.');
  });

  it('opens the stream again when one that worked ends (the service ends each after an hour)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.stubGlobal('EventSource', FakeEventSource);
    await renderClassroom(teacherPath);
    await screen.findByRole('heading', { name: 'Omgången är öppen' });
    // The stream is opened by an effect, which may run after the heading is on screen.
    const first = await vi.waitFor(() => {
      const opened = FakeEventSource.instances.at(-1);
      expect(opened).toBeDefined();
      return opened!;
    });
    act(() => first.emit('count', { submissions: 3, open: true }));
    act(() => first.emit('error'));
    expect(first.closed).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(RECONNECT_MS));
    const second = FakeEventSource.instances.at(-1)!;
    expect(second).not.toBe(first);
    expect(second.url).toBe(`/api/sessions/${CODE}/events`);
    act(() => second.emit('count', { submissions: 6, open: true }));
    expect(screen.getByTestId('live-count')).toHaveTextContent('6');
    expect(screen.queryByText('Antalet uppdateras var 4:e sekund.')).not.toBeInTheDocument();
    // A stream refused before its first event (too many open, a buffering proxy): polling.
    act(() => second.emit('error'));
    await act(() => vi.advanceTimersByTimeAsync(RECONNECT_MS));
    const third = FakeEventSource.instances.at(-1)!;
    act(() => third.emit('error'));
    expect(await screen.findByText('Antalet uppdateras var 4:e sekund.')).toBeInTheDocument();
    expect(FakeEventSource.instances.at(-1)).toBe(third);
  });

  it('polls the count when the live stream does not work', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    await renderClassroom(teacherPath); // jsdom has no EventSource
    await screen.findByRole('heading', { name: 'Omgången är öppen' });
    expect(await screen.findByText('Antalet uppdateras var 4:e sekund.')).toBeInTheDocument();
    service.rounds.get(CODE)!.submissions = 7;
    await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
    await waitFor(() => expect(screen.getByTestId('live-count')).toHaveTextContent('7'));
  });

  it('shows the projector view and leaves it with Escape, focus back on its button', async () => {
    const user = userEvent.setup();
    await renderClassroom(teacherPath);
    await screen.findByRole('heading', { name: 'Omgången är öppen' });
    await user.click(screen.getByRole('button', { name: 'Projektorvy' }));
    const projector = screen.getByRole('region', { name: 'Projektorvy' });
    expect(within(projector).getByText('K7M-2XP-9DW')).toBeInTheDocument();
    expect(
      within(projector).getByText(`localhost:3000${paths.classroomJoin(CODE)}`),
    ).toBeInTheDocument();
    expect(within(projector).getByText('2')).toBeInTheDocument();
    expect(within(projector).getByRole('button', { name: 'Lämna projektorvyn' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Projektorvy' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Projektorvy' })).toHaveFocus();
  });

  it('closes only after confirmation, then shows the withheld view below ten', async () => {
    const user = userEvent.setup();
    await renderClassroom(teacherPath);
    await screen.findByRole('heading', { name: 'Omgången är öppen' });
    await user.click(screen.getByRole('button', { name: 'Stäng och visa resultat' }));
    expect(screen.getByRole('heading', { name: 'Stänga omgången?' })).toHaveFocus();
    expect(
      screen.getByText(/Det går inte att ångra: omgången kan inte öppnas igen/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(screen.getByRole('button', { name: 'Stäng och visa resultat' })).toHaveFocus();
    expect(service.calls.some((c) => c.path.endsWith('/close'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Stäng och visa resultat' }));
    await user.click(screen.getByRole('button', { name: 'Ja, stäng omgången' }));
    const heading = await screen.findByRole('heading', {
      name: 'För få svar för att visa ett resultat',
    });
    expect(heading).toHaveFocus();
    expect(service.calls.find((c) => c.path.endsWith('/close'))).toMatchObject({
      method: 'POST',
      authorization: `Bearer ${KEY}`,
    });
    expect(service.rounds.get(CODE)!.open).toBe(false);
    expect(
      screen.getByText(
        'Omgången är stängd. Elever som skickade sina svar: 2. Klassens resultat visas bara när minst 10 elever har skickat.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/med färre svar är siffrorna mest slump/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('TeacherPage: a round fed through the fake service', () => {
  it('counts randomized submissions once per key, refuses the five-point shape, and estimates', async () => {
    existingRound();
    teacherKeys.put({
      code: CODE,
      key: KEY,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    const post = (body: unknown, key: string) =>
      service.fetch(`/api/sessions/${CODE}/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
      });
    const answers = { 'fler-bibliotek': { answer: 1 as const } };
    for (let i = 0; i < 12; i++) {
      const body = randomizedSubmission(
        demoCompass.statements,
        answers,
        0.4,
        uniformFromRandomValues(seededRandomValues(i)),
      );
      expect((await post(body, `pupil-number-${i}-of-twelve`)).status).toBe(201);
    }
    const first = randomizedSubmission(demoCompass.statements, {}, 0.4, () => 0);
    const again = await post(first, 'pupil-number-0-of-twelve');
    expect([again.status, await again.json()]).toEqual([200, { status: 'already-counted' }]);
    const otherP = await post({ ...first, p: 0.5 }, 'another-randomization-0123');
    expect(await otherP.json()).toMatchObject({ error: 'wrong-randomization' });
    const old = await post({ answers: {} }, 'an-older-app-0123456789');
    expect(await old.json()).toMatchObject({ error: 'outdated-submission' });
    expect(service.rounds.get(CODE)!.submissions).toBe(12);
    service.rounds.get(CODE)!.open = false;

    await renderClassroom(teacherPath);
    expect(await screen.findByText('Elever som skickade sina svar: 12.')).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Klassens uppskattade svar på påstående 1',
    });
    // The observed counts sum to the twelve submissions.
    const observed = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Number(row.lastElementChild!.textContent));
    expect(observed.reduce((a, b) => a + b, 0)).toBe(12);
  });
});

describe('TeacherPage: the class result', () => {
  beforeEach(() => {
    existingRound({ open: false, submissions: 20, counters: COUNTERS });
    teacherKeys.put({
      code: CODE,
      key: KEY,
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    });
  });

  const statementHeadings = () =>
    within(screen.getByRole('region', { name: 'Så svarade klassen, uppskattat' }))
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);

  it('shows each statement’s estimated shares with their intervals, and the parties’ positions', async () => {
    await renderClassroom(teacherPath);
    expect(await screen.findByRole('heading', { name: 'Klassens resultat' })).toBeInTheDocument();
    expect(screen.getByText('Elever som skickade sina svar: 20.')).toBeInTheDocument();
    expect(screen.getByText(/^Varje elevs svar slumpades innan det skickades/)).toBeInTheDocument();
    expect(statementHeadings()).toEqual([
      '1. Kommunen ska bygga fler bibliotek.',
      '2. Kulturskolan ska kosta pengar för eleverna.',
      '3. Kommunens ekonomi ska vara i balans innan den gör nya satsningar.',
      '4. Föreningar ska driva fler av kommunens bibliotek.',
    ]);
    const table = screen.getByRole('table', {
      name: 'Klassens uppskattade svar på påstående 1',
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    // o = 14 of 20 för: T̂ = 1, SE = √(14·6/20)/20/0.6 = 0.171; the others T̂ = 0, SE = 0.112.
    expect(rows).toEqual([
      ['För', `100${NB}% ±${NB}17${NB}procentenheter`, `67–100${NB}%`, '14'],
      ['Varken för eller emot', `0${NB}% ±${NB}11${NB}procentenheter`, `0–22${NB}%`, '2'],
      ['Emot', `0${NB}% ±${NB}11${NB}procentenheter`, `0–22${NB}%`, '2'],
      ['Hoppade över', `0${NB}% ±${NB}11${NB}procentenheter`, `0–22${NB}%`, '2'],
    ]);
    const first = screen.getByRole('listitem', { name: /1\. Kommunen ska bygga fler bibliotek/ });
    // A bar with its interval per category, hidden from screen readers (the table says it).
    const bars = first.querySelectorAll('svg.estimate-bar');
    expect(bars).toHaveLength(4);
    expect(bars[0]).toHaveAttribute('aria-hidden', 'true');
    expect(bars[0]!.querySelector('.interval-line')).toHaveAttribute('data-low', '67');
    // No five-point figures.
    expect(screen.queryByText(/Oenighet:|Markerade påståendet som viktigt|Först hos/)).toBeNull();
    // The class skipped the fourth statement, and the page says so.
    const fourth = screen.getByRole('listitem', { name: /4\. Föreningar/ });
    expect(within(fourth).getByText(/svarade färre än hälften av klassen/)).toBeInTheDocument();
    // The parties' positions with quotes, in a closed disclosure, and links to the quotes in
    // the programmes; printing opens every disclosure and closes them again afterwards.
    const summary = within(first).getByText(
      /^Partiernas ståndpunkter och citat \(\d av \d partier tar ställning\)$/,
    );
    const disclosure = summary.closest('details')!;
    expect(disclosure.open).toBe(false);
    fireEvent(window, new Event('beforeprint'));
    expect(
      [...document.querySelectorAll('details.class-stances')].every(
        (d) => (d as HTMLDetailsElement).open,
      ),
    ).toBe(true);
    fireEvent(window, new Event('afterprint'));
    expect(disclosure.open).toBe(false);
    fireEvent.click(summary);
    expect(disclosure.open).toBe(true);
    expect(within(first).getAllByRole('blockquote').length).toBeGreaterThan(0);
    const quoteLinks = within(first).getAllByRole('link', { name: /visa citatet i programmet/ });
    expect(quoteLinks[0]).toHaveAttribute('href', paths.programme('a', 'fler-bibliotek'));
  });

  it('puts the statements where the class seems most divided first, from the estimated shares', async () => {
    const user = userEvent.setup();
    await renderClassroom(teacherPath);
    await screen.findByRole('heading', { name: 'Klassens resultat' });
    const compassOrder = [
      '1. Kommunen ska bygga fler bibliotek.',
      '2. Kulturskolan ska kosta pengar för eleverna.',
      '3. Kommunens ekonomi ska vara i balans innan den gör nya satsningar.',
      '4. Föreningar ska driva fler av kommunens bibliotek.',
    ];
    expect(statementHeadings()).toEqual(compassOrder);
    expect(screen.getByText(/^Oenigheten räknas ur de uppskattade andelarna/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Där klassen verkar mest oenig först' }));
    // Division 2·(e·v + v·f + 2·e·f) of the answered shares: statement 2 is split evenly between
    // för and emot (1), 3 between varken and för (½), 1 all för (0); 4 was skipped: last.
    expect(statementHeadings()).toEqual([
      compassOrder[1],
      compassOrder[2],
      compassOrder[0],
      compassOrder[3],
    ]);
    const result = randomizedClassResult(demoCompass, COUNTERS, { open: false });
    if (!('statements' in result)) throw new Error('expected figures');
    expect(demoCompass.statements.map((s) => estimatedDivision(result.statements[s.id]!))).toEqual([
      0,
      1,
      0.5,
      null,
    ]);
    await user.click(screen.getByRole('radio', { name: 'Som i valkompassen' }));
    expect(statementHeadings()).toEqual(compassOrder);
  });

  it('shows the class profile’s agreement with each party, in the domain’s order', async () => {
    await renderClassroom(teacherPath);
    const table = await screen.findByRole('table', {
      name: 'Klassprofilens överensstämmelse med partierna',
    });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    const expected = randomizedClassResult(demoCompass, COUNTERS, { open: false });
    if (!('profile' in expected) || !expected.profile) throw new Error('expected a profile');
    expect(rows).toEqual(
      expected.profile.parties.map((figure) => {
        const party = demoCompass.parties.find((p) => p.id === figure.party)!;
        return [
          `${party.name} (${party.municipality})`,
          `${figure.percent}${NB}%`,
          figure.rank === null ? expect.stringMatching(/^Ingen placering/) : `${figure.rank}.`,
        ];
      }),
    );
  });

  it('offers print and a CSV download of the estimates, for Excel in Swedish and standard', async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:csv';
    });
    URL.revokeObjectURL = vi.fn();
    const names: string[] = [];
    // The file name a download link offers, read as it is clicked.
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    onTestFinished(() => click.mockRestore());
    await renderClassroom(teacherPath);
    await user.click(await screen.findByRole('button', { name: 'Skriv ut' }));
    expect(print).toHaveBeenCalledOnce();

    await user.click(screen.getByRole('button', { name: 'Ladda ned CSV för Excel på svenska' }));
    expect(created).toHaveLength(1);
    expect(names).toEqual([`klassomgang-${CODE}-excel-sv.csv`]);
    // Blob.text() drops the byte order mark, so its bytes are read as such.
    const bom = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)];
    expect(await bom(created[0]!)).toEqual([0xef, 0xbb, 0xbf]);
    const excel = await created[0]!.text();
    expect(
      excel.startsWith(
        'p;submissions\r\n0,4;20\r\n\r\nstatement;text;category;observed;estimate;standardError;share\r\n',
      ),
    ).toBe(true);
    expect(excel).toContain(
      'fler-bibliotek;Kommunen ska bygga fler bibliotek.;for;14;1;0,1708;1\r\n',
    );
    expect(excel).toContain('\r\n\r\nparty;name;percent;rank\r\n');

    await user.click(screen.getByRole('button', { name: 'Ladda ned CSV, standardformat' }));
    expect(created).toHaveLength(2);
    expect(names).toEqual([`klassomgang-${CODE}-excel-sv.csv`, `klassomgang-${CODE}.csv`]);
    expect(await bom(created[1]!)).toEqual([0xef, 0xbb, 0xbf]);
    const text = await created[1]!.text();
    expect(text.startsWith('p,submissions\r\n0.4,20\r\n')).toBe(true);
    expect(text).toContain(
      'fler-bibliotek,Kommunen ska bygga fler bibliotek.,for,14,1,0.1708,1\r\n',
    );
  });

  it('deletes the round after confirmation and forgets the key', async () => {
    const user = userEvent.setup();
    await renderClassroom(teacherPath);
    await user.click(await screen.findByRole('button', { name: 'Radera klassomgången' }));
    expect(screen.getByRole('heading', { name: 'Radera klassomgången?' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Ja, radera' }));
    expect(await screen.findByRole('heading', { name: 'Klassomgången är raderad' })).toHaveFocus();
    expect(service.calls.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/api/sessions/${CODE}`,
      authorization: `Bearer ${KEY}`,
    });
    expect(service.rounds.has(CODE)).toBe(false);
    expect(teacherKeys.get(CODE)).toBeNull();
    expect(storedKeys()).toEqual([]);
  });
});
