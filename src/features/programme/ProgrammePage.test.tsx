// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { demoCompass, renderAwaited } from '../../test/render-app.tsx';
import { ProgrammePage } from './ProgrammePage.tsx';

const source = (file: string) =>
  readFileSync(join(process.cwd(), 'tests/fixtures/demo/sources', file), 'utf8');
const PROGRAMMES = { a: source('a-program.txt'), b: source('b-program.txt') };

/** loadProgrammes caches per compass id, so every test gets a compass of its own. */
let serial = 0;
const freshCompass = (): Compass => ({ ...demoCompass, id: `demo-${++serial}` });

const jsonResponse = (data: unknown, ok = true) =>
  ({ ok, status: ok ? 200 : 404, json: () => Promise.resolve(data) }) as unknown as Response;

function stubFetch(respond: () => Promise<Response>) {
  const fetch = vi.fn(respond);
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The programme page, once its texts are fetched (or have failed): the whole page waits for them. */
const renderProgramme = (party: string, compass: Compass, hash = '') =>
  renderAwaited(<ProgrammePage />, {
    path: `/program/${party}${hash}`,
    route: '/program/:party',
    compass,
  });

const main = () => within(screen.getByRole('main'));

/** The programme text, once loaded. */
const programmeText = async () =>
  (await screen.findByText('Trygghet i Exempelby', { exact: false })).closest('div')!;

// jsdom has no layout, so no scrollIntoView; the page calls it to bring a quote into view.
const originalScroll = Element.prototype.scrollIntoView;
beforeAll(() => {
  Element.prototype.scrollIntoView = vi.fn();
});
afterAll(() => {
  Element.prototype.scrollIntoView = originalScroll;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ProgrammePage', () => {
  it('fetches the programme texts of the compass and shows the full text verbatim', async () => {
    const compass = freshCompass();
    let answer!: (response: Response) => void;
    const fetch = stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    await renderProgramme('a', compass);
    // The whole page waits for the text, so nothing on it moves when the text comes.
    expect(main().getByRole('status')).toHaveTextContent('Laddar kompassen …');
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(`/data/${compass.id}-programmes.json`);
    answer(jsonResponse(PROGRAMMES));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Programmet: Alfapartiet i Exempelby' }),
    ).toBeInTheDocument();
    const text = await programmeText();
    expect(text.textContent).toBe(PROGRAMMES.a);
    expect(text).toHaveAttribute('lang', 'sv');
    expect(main().queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Originalsidan' })).toHaveAttribute(
      'href',
      'https://example.org/a',
    );
    expect(screen.getByRole('link', { name: 'Tillbaka till resultatet' })).toHaveAttribute(
      'href',
      '/resultat',
    );
  });

  it('marks every cited passage, titled with its statement', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(PROGRAMMES)));
    await renderProgramme('a', freshCompass());
    const marks = within(await programmeText()).getAllByRole('mark');
    expect(marks.map((m) => m.textContent)).toEqual([
      'Vi vill att kommunen bygger fler bibliotek i alla stadsdelar.',
      'Vi säger nej till avgifter i kulturskolan.',
    ]);
    expect(marks.map((m) => m.getAttribute('title'))).toEqual([
      'Kommunen ska bygga fler bibliotek.',
      'Kulturskolan ska kosta pengar för eleverna.',
    ]);
    for (const mark of marks) expect(mark).not.toHaveClass('current');
    expect(screen.queryByText(/Det markerade citatet gäller/)).not.toBeInTheDocument();
  });

  it('marks the other party’s quotes in its own programme', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(PROGRAMMES)));
    await renderProgramme('b', freshCompass());
    const text = await screen.findByText('Ansvar för Exempelby', { exact: false });
    expect(within(text).getAllByRole('mark')).toHaveLength(3);
  });

  it('highlights and focuses the passage of the statement in the hash', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(PROGRAMMES)));
    await renderProgramme('a', freshCompass(), '#fler-bibliotek');
    const marks = within(await programmeText()).getAllByRole('mark');
    expect(marks[0]).toHaveClass('current');
    expect(marks[0]).toHaveAttribute('id', 'current-quote');
    expect(marks[0]).toHaveFocus();
    expect(marks[1]).not.toHaveClass('current');
    expect(
      screen.getByText(
        'Det markerade citatet gäller påståendet: Kommunen ska bygga fler bibliotek.',
      ),
    ).toBeInTheDocument();
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
  });

  it('marks a passage quoted for two statements once, and lands on it from either', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(PROGRAMMES)));
    const base = freshCompass();
    const [first, second] = base.statements.filter((s) => s.stances.a!.quotes.length > 0);
    // The second statement cites the first one's passage too.
    const compass: Compass = {
      ...base,
      statements: base.statements.map((s) =>
        s.id === second!.id
          ? {
              ...s,
              stances: {
                ...s.stances,
                a: {
                  ...s.stances.a!,
                  quotes: [...s.stances.a!.quotes, first!.stances.a!.quotes[0]!],
                },
              },
            }
          : s,
      ),
    };
    await renderProgramme('a', compass, `#${second!.id}`);
    const marks = within(await programmeText()).getAllByRole('mark');
    expect(marks).toHaveLength(2);
    expect(marks[0]).toHaveClass('current');
    expect(marks[0]).toHaveAttribute('title', `${first!.text.sv} · ${second!.text.sv}`);
    expect(marks[0]).toHaveFocus();
    expect(marks[1]).toHaveClass('current');
  });

  it('says so when the programme texts cannot be fetched', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await renderProgramme('a', freshCompass());
    expect(await screen.findByRole('alert')).toHaveTextContent('Programtexten kunde inte laddas.');
    expect(screen.queryByRole('mark')).not.toBeInTheDocument();
    expect(screen.queryByText(/Trygghet i Exempelby/)).not.toBeInTheDocument();
  });

  it('says so when the server answers with an error', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(null, false)));
    await renderProgramme('a', freshCompass());
    expect(await screen.findByRole('alert')).toHaveTextContent('Programtexten kunde inte laddas.');
  });

  it('says so when the data is not programme texts', async () => {
    stubFetch(() => Promise.resolve(jsonResponse({ a: 42 })));
    await renderProgramme('a', freshCompass());
    expect(await screen.findByRole('alert')).toHaveTextContent('Programtexten kunde inte laddas.');
  });

  it('keeps a failed fetch until the page is reloaded: coming back says so without asking again', async () => {
    const compass = freshCompass();
    const failing = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const first = await renderProgramme('a', compass);
    expect(await screen.findByRole('alert')).toHaveTextContent('Programtexten kunde inte laddas.');
    first.unmount();
    const working = stubFetch(() => Promise.resolve(jsonResponse(PROGRAMMES)));
    await renderProgramme('b', compass);
    expect(await screen.findByRole('alert')).toHaveTextContent('Programtexten kunde inte laddas.');
    expect(screen.queryByText(/Ansvar för Exempelby/)).not.toBeInTheDocument();
    expect(failing).toHaveBeenCalledTimes(1);
    expect(working).not.toHaveBeenCalled();
  });

  it('fetches the texts once for all the programmes of a compass', async () => {
    const compass = freshCompass();
    const fetch = stubFetch(() => Promise.resolve(jsonResponse(PROGRAMMES)));
    const first = await renderProgramme('a', compass);
    expect((await programmeText()).textContent).toBe(PROGRAMMES.a);
    first.unmount();
    await renderProgramme('b', compass);
    expect((await screen.findByText('Ansvar för Exempelby', { exact: false })).textContent).toBe(
      PROGRAMMES.b,
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shows the not-found page for an unknown party', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(PROGRAMMES)));
    await renderProgramme('okand', freshCompass());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sidan finns inte' }),
    ).toBeInTheDocument();
  });

  // Regression test for a bug found in review (now fixed).
  it('survives a hash that is not valid percent-encoding', async () => {
    stubFetch(() => Promise.resolve(jsonResponse(PROGRAMMES)));
    await renderProgramme('a', freshCompass(), '#%E0%A4%A');
    expect((await programmeText()).textContent).toBe(PROGRAMMES.a);
  });
});
