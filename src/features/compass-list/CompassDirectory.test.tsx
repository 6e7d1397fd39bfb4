// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PublishedEntry, PublishedList } from '../../data/published-compasses.ts';
import { switchLanguage } from '../../i18n/i18n.ts';
import sv from '../../i18n/locales/sv.json';
import { renderPage } from '../../test/render-app.tsx';
import { CompassDirectory } from './CompassDirectory.tsx';

const strings = sv.compassDirectory;

/** A published compass of municipality `municipality`. */
const entry = (n: number, municipality = `Kommun ${n}`, region?: string): PublishedEntry => ({
  id: `kompass-${n}`,
  title: { sv: `Valkompass ${municipality}` },
  description: { sv: `Frågor om ${municipality}.` },
  municipality,
  ...(region !== undefined && { region }),
  version: 1,
  published: '2026-12-01T10:00:00.000Z',
  languages: ['sv'],
});

const HUNDRED_AND_TWENTY = Array.from({ length: 120 }, (_, i) => entry(i + 1));

/** A service that searches `all` by municipality, region and title, 50 a page, as the API does. */
function service(all: readonly PublishedEntry[]) {
  return (url: URL): Response => {
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const offset = Number(url.searchParams.get('offset') ?? '0');
    const matching = all.filter((row) =>
      [row.municipality, row.region ?? '', row.title.sv].some((t) => t.toLowerCase().includes(q)),
    );
    const body: PublishedList = {
      compasses: matching.slice(offset, offset + 50),
      total: matching.length,
    };
    return new Response(JSON.stringify(body), { status: 200 });
  };
}

/** `fetch` answered by `answer` (by address), its calls kept. */
function stubFetch(answer: (url: URL) => Response | Promise<Response>) {
  const fetch = vi.fn((input: string) =>
    Promise.resolve(answer(new URL(String(input), 'http://localhost'))),
  );
  vi.stubGlobal('fetch', fetch);
  return {
    /** The searches asked for, as `q@offset`. */
    asked: () =>
      fetch.mock.calls.map(([input]) => {
        const url = new URL(String(input), 'http://localhost');
        return `${url.searchParams.get('q')}@${url.searchParams.get('offset')}`;
      }),
  };
}

async function renderDirectory() {
  let view: ReturnType<typeof renderPage> | undefined;
  await act(async () => {
    view = renderPage(<CompassDirectory />, { path: '/kompasser' });
  });
  return view!;
}

const status = () => screen.getByRole('status');
/** The list under the heading of the published compasses. */
const publishedList = () =>
  within(
    screen.getByRole('heading', { level: 2, name: strings.published })
      .nextElementSibling as HTMLElement,
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CompassDirectory', () => {
  it('lists the built compasses and the published ones, and says how many', async () => {
    stubFetch(service([entry(1, 'Knivsta', 'Uppsala län'), entry(2, 'Huddinge')]));
    await renderDirectory();
    expect(screen.getByRole('heading', { level: 1, name: strings.title })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Valkompass Knivsta' })).toHaveAttribute(
      'href',
      '/kompass-1/',
    );
    expect(screen.getByText('Knivsta, Uppsala län')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Socialpolitik i kommunen' })).toHaveAttribute(
      'href',
      '/socialpolitik/',
    );
    // One built compass (the tests' site is built with questions/) and two published.
    expect(status()).toHaveTextContent('Valkompasser som matchar: 3');
  });

  it.each([
    ['a 404 from a static host', () => new Response('Not found', { status: 404 })],
    [
      'the app shell in place of JSON',
      () => new Response('<!doctype html><title>app</title>', { status: 200 }),
    ],
    [
      'no answer at all',
      () => {
        throw new TypeError('Failed to fetch');
      },
    ],
  ])('says plainly that the site lists only its built compasses, on %s', async (_case, answer) => {
    const { asked } = stubFetch(answer);
    await renderDirectory();
    expect(await screen.findByText(strings.noService)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Socialpolitik i kommunen' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('Valkompasser som matchar: 1');
    // A search then filters the built ones only: the service is not asked again.
    await userEvent.type(screen.getByLabelText(strings.search), 'social');
    await vi.waitFor(() => expect(status()).toHaveTextContent('Valkompasser som matchar: 1'));
    await userEvent.type(screen.getByLabelText(strings.search), 'zzz');
    expect(await screen.findByText(strings.noneBuilt)).toBeInTheDocument();
    expect(status()).toHaveTextContent('Valkompasser som matchar: 0');
    expect(asked()).toEqual(['@0']);
  });

  it('searches as one types, once the typing pauses, and announces the result politely', async () => {
    const { asked } = stubFetch(
      service([entry(1, 'Knivsta', 'Uppsala län'), entry(2, 'Huddinge'), entry(3, 'Uppsala')]),
    );
    await renderDirectory();
    await screen.findByRole('link', { name: 'Valkompass Huddinge' });
    await userEvent.type(screen.getByLabelText(strings.search), 'uppsala');
    expect(await screen.findByText('Valkompasser som matchar: 2')).toBeInTheDocument();
    expect(status()).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('link', { name: 'Valkompass Huddinge' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Valkompass Knivsta' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Valkompass Uppsala' })).toBeInTheDocument();
    // The built compass does not match; the list shown is the answer to the whole word.
    expect(screen.getByText(strings.noneBuilt)).toBeInTheDocument();
    expect(asked()[0]).toBe('@0');
    expect(asked().at(-1)).toBe('uppsala@0');
  });

  it('says so when no published compass matches', async () => {
    stubFetch(service([entry(1, 'Knivsta')]));
    await renderDirectory();
    await userEvent.type(screen.getByLabelText(strings.search), 'Kiruna');
    expect(await screen.findByText(strings.nonePublished)).toBeInTheDocument();
  });

  it('pages through hundreds, 50 at a time, moving focus to the first new one', async () => {
    const { asked } = stubFetch(service(HUNDRED_AND_TWENTY));
    await renderDirectory();
    await screen.findByRole('link', { name: 'Valkompass Kommun 50' });
    expect(screen.queryByRole('link', { name: 'Valkompass Kommun 51' })).not.toBeInTheDocument();
    expect(status()).toHaveTextContent('Valkompasser som matchar: 121');
    await userEvent.click(screen.getByRole('button', { name: 'Visa fler (50 av 120 visas)' }));
    const next = await screen.findByRole('link', { name: 'Valkompass Kommun 51' });
    await vi.waitFor(() => expect(next).toHaveFocus());
    await userEvent.click(screen.getByRole('button', { name: 'Visa fler (100 av 120 visas)' }));
    expect(await screen.findByRole('link', { name: 'Valkompass Kommun 120' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Visa fler/ })).not.toBeInTheDocument();
    expect(publishedList().getAllByRole('listitem')).toHaveLength(120);
    expect(asked()).toEqual(['@0', '@50', '@100']);
  });

  it('offers to try again when the service answers with an error', async () => {
    let failing = true;
    const working = service([entry(1, 'Knivsta')]);
    stubFetch((url) =>
      failing
        ? new Response('{"error":"internal","message":"Fel"}', { status: 500 })
        : working(url),
    );
    await renderDirectory();
    expect(await screen.findByRole('alert')).toHaveTextContent(strings.failed);
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: strings.retry }));
    expect(await screen.findByRole('link', { name: 'Valkompass Knivsta' })).toBeInTheDocument();
  });

  it('marks the Swedish title of a compass with no English one, on a page in English', async () => {
    stubFetch(service([entry(1, 'Knivsta')]));
    const { i18n } = await renderDirectory();
    await act(async () => {
      await switchLanguage(i18n, 'en');
    });
    const title = await screen.findByText('Valkompass Knivsta');
    expect(title).toHaveAttribute('lang', 'sv');
    expect(screen.getByRole('heading', { level: 1, name: 'All compasses' })).toBeInTheDocument();
  });
});
