// @vitest-environment jsdom
import { getDefaultNormalizer, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import sv from '../../i18n/locales/sv.json';
import { demoCompass, renderAwaited } from '../../test/render-app.tsx';
import { MethodPage } from './MethodPage.tsx';

const FIGURES = {
  agreement: { cells: 170, samePosition: 165, kappa: 0.942, disagreements: 5 },
  robustness: {
    perKind: 1000,
    seed: 1,
    changed: {
      drop1: { random: 0.255, partyLike: 0.134 },
      drop3: { random: 0.41, partyLike: 0.3 },
      c25: { random: 0.05, partyLike: 0.021 },
      c75: { random: 0.04, partyLike: 0.012 },
      statedOnly: { random: 0.3, partyLike: 0.2 },
      wahlOMat: { random: 0.35, partyLike: 0.25 },
    },
    modelFirst: 0.837,
    stability: {},
    noTop: { random: 0, partyLike: 0 },
  },
};

const jsonResponse = (data: unknown, ok = true) =>
  ({ ok, status: ok ? 200 : 500, json: () => Promise.resolve(data) }) as unknown as Response;

function stubFetch(respond: () => Promise<Response>) {
  const fetch = vi.fn(respond);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The figures are cached per compass id for the life of the page: every test has its own. */
let serial = 0;
const freshCompass = (): Compass => ({ ...demoCompass, id: `demo-method-${++serial}` });

/** The method page of a compass of its own, once its figures are fetched (or have failed). */
const renderMethod = (compass = freshCompass()) =>
  renderAwaited(<MethodPage />, { path: '/metod', route: '/metod', compass });

const main = () => within(screen.getByRole('main'));

/** Matches the text as written, no-break spaces included (the default would make them plain). */
const keepSpaces = getDefaultNormalizer({ collapseWhitespace: false });

/** A fetch that answers (or fails) when the test says so, once the page has asked. */
function deferredFetch() {
  let settle!: (response: Promise<Response>) => void;
  const fetch = stubFetch(() => new Promise<Response>((resolve) => (settle = resolve)));
  return { fetch, answer: (response: Promise<Response>) => settle(response) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('MethodPage', () => {
  it('explains the method under its headings, whatever the figures', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(FIGURES)));
    await renderMethod();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Så fungerar matchningen' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Så räknas din matchning',
      'Så kodades partiernas ståndpunkter',
      'Hur känsligt är resultatet?',
      'Var valkompassen kan vilseleda',
    ]);
    for (const text of [...sv.method.matching, ...sv.method.coding, ...sv.method.limits])
      expect(screen.getByText(text, { normalizer: keepSpaces })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alla påståenden och citat' })).toHaveAttribute(
      'href',
      '/pastaenden',
    );
  });

  it('shows the whole page at once, when the figures are in: no text that then moves', async () => {
    const { fetch, answer } = deferredFetch();
    await renderMethod();
    expect(main().getByRole('status')).toHaveTextContent('Laddar kompassen …');
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
    answer(Promise.resolve(jsonResponse(FIGURES)));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Så fungerar matchningen' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('table')).toBeInTheDocument();
    expect(screen.getByText(/165 av 170/)).toBeInTheDocument();
    expect(main().queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows the coding agreement from the figures', async () => {
    const fetch = stubFetch(() => Promise.resolve(jsonResponse(FIGURES)));
    const compass = freshCompass();
    await renderMethod(compass);
    expect(await screen.findByText(/165 av 170/)).toHaveTextContent(
      /^Före avstämningen valde de två kodarna samma ståndpunkt i 165 av 170 fall \(97 %, Cohens kappa 0[.,]94\)\./,
    );
    expect(fetch).toHaveBeenCalledWith(`/data/${compass.id}-method.json`);
  });

  // Regression test for a bug found in review (now fixed).
  it('writes kappa with a Swedish decimal comma', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(FIGURES)));
    await renderMethod();
    expect(await screen.findByText(/165 av 170/)).toHaveTextContent('Cohens kappa 0,94');
  });

  it('shows the robustness table in percent', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(FIGURES)));
    await renderMethod();
    const table = await screen.findByRole('table', {
      name: 'Andel väljare vars förstaplats ändras',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Ändring', 'Slumpmässiga väljare', 'Partilika väljare']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((tr) => Array.from(tr.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['Ett slumpvis påstående tas bort', '26\u00a0%', '13\u00a0%'],
      ['Tre slumpvisa påståenden tas bort', '41\u00a0%', '30\u00a0%'],
      ['Underförstådda ståndpunkter väger 0,25 i stället för 0,5', '5\u00a0%', '2\u00a0%'],
      ['Underförstådda ståndpunkter väger 0,75 i stället för 0,5', '4\u00a0%', '1\u00a0%'],
      ['Räknesättet ”bara där programmet tar ställning”', '30\u00a0%', '20\u00a0%'],
      ['Wahl-O-Mats räknesätt', '35\u00a0%', '25\u00a0%'],
    ]);
    expect(
      screen.getByText(/^Vi har låtit 1000 slumpmässiga och 1000 partilika påhittade väljare/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Partilika väljare som får ”sitt” parti på första plats: 84 %.'),
    ).toBeInTheDocument();
  });

  it('says how many random voters see every party ranked, rounding each share once, exactly', async () => {
    stubFetch(() =>
      Promise.resolve(
        jsonResponse({
          ...FIGURES,
          // 0.285 · 100 is 28.499… in floating point: rounding the float would print 28 %.
          ranking: {
            everything: { voters: 1000, allRanked: 1 },
            tenthSkipped: { voters: 1000, allRanked: 0.285 },
          },
        }),
      ),
    );
    await renderMethod();
    expect(
      await screen.findByText(
        'Av 1000 påhittade väljare som svarar slumpmässigt på alla påståenden ser 100 % alla partier rangordnade; hoppar de över vart tionde påstående är det 29 %.',
      ),
    ).toBeInTheDocument();
  });

  it('leaves the ranking sentence out when those figures are missing or malformed', async () => {
    stubFetch(() =>
      Promise.resolve(
        jsonResponse({ ...FIGURES, ranking: { everything: { voters: 0, allRanked: 1 } } }),
      ),
    );
    await renderMethod();
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByText(/alla partier rangordnade/)).not.toBeInTheDocument();
  });

  it('shows the robustness figures without agreement when the agreement is missing', async () => {
    stubFetch(() => Promise.resolve(jsonResponse({ ...FIGURES, agreement: null })));
    await renderMethod();
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(screen.queryByText(/Cohens kappa/)).not.toBeInTheDocument();
  });

  it('still shows the text, without figures, when the fetch fails', async () => {
    const { answer } = deferredFetch();
    await renderMethod();
    expect(main().getByRole('status')).toHaveTextContent('Laddar kompassen …');
    answer(Promise.reject(new TypeError('Failed to fetch')));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Hur känsligt är resultatet?' }),
    ).toBeInTheDocument();
    expect(main().queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText(/av 170/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Cohens kappa/)).not.toBeInTheDocument();
    expect(screen.queryByText(/^Vi har låtit/)).not.toBeInTheDocument();
    expect(screen.queryByText(/på första plats:/)).not.toBeInTheDocument();
    for (const text of [...sv.method.matching, ...sv.method.coding, ...sv.method.limits])
      expect(screen.getByText(text, { normalizer: keepSpaces })).toBeInTheDocument();
  });

  it('keeps a failed fetch until the page is reloaded: coming back asks the server no more', async () => {
    const failing = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const compass = freshCompass();
    const first = await renderMethod(compass);
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    first.unmount();
    const working = stubFetch(() => Promise.resolve(jsonResponse(FIGURES)));
    await renderMethod(compass);
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(failing).toHaveBeenCalledTimes(1);
    expect(working).not.toHaveBeenCalled();
  });

  it('shows no figures when the server answers with an error or garbage', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(FIGURES, false)));
    const first = await renderMethod();
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    first.unmount();
    stubFetch(() => Promise.resolve(jsonResponse({ robustness: { perKind: 'many' } })));
    await renderMethod();
    expect(screen.getByText(sv.method.limits[0]!)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
