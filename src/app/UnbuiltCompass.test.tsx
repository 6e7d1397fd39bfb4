// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation, useRoutes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeDraftPreview } from '../data/draft-preview.ts';
import type { Compass } from '../domain/bank/types.ts';
import { createI18n } from '../i18n/i18n.ts';
import sv from '../i18n/locales/sv.json';
import { useAnswers } from '../state/answers-store.ts';
import { useReadingPrefs } from '../state/reading-prefs.ts';
import { demoCompass } from '../test/render-app.tsx';
import { loadValidBank } from '../tools/load-bank.ts';
import { toOpenData } from '../tools/open-data.ts';
import { routes } from './routes.tsx';

/**
 * The app's own routes, for an id the site was not built with (the tests' site is built with
 * questions/, which has no `pub-…` compass): the compass a newsroom published on the service is
 * fetched from /data/<id>.json, like a built one, and works like one.
 */

/** The data files the stubbed origin serves, by path; anything else is a 404 page. */
let files: Map<string, unknown>;

/** Each test its own compass id: the app keeps what it loaded per id for the life of the page. */
let serial = 0;
const publishedAs = (): { id: string; compass: Compass } => {
  const id = `pub-${++serial}`;
  const compass = { ...demoCompass, id };
  files.set(`/data/${id}.json`, toOpenData(compass));
  return { id, compass };
};

beforeEach(() => {
  files = new Map();
  useAnswers.setState(useAnswers.getInitialState(), true);
  useReadingPrefs.setState({ language: null, easy: false });
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      const path = new URL(url, 'http://localhost').pathname;
      const body = files.get(path);
      return Promise.resolve(
        body === undefined
          ? new Response('{"error":"not-found"}', { status: 404 })
          : new Response(JSON.stringify(body), { status: 200 }),
      );
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function Where() {
  const { pathname } = useLocation();
  return (
    <span hidden data-testid="where">
      {pathname}
    </span>
  );
}

function App() {
  return (
    <>
      {useRoutes(routes)}
      <Where />
    </>
  );
}

/** The app at `path`, as the site's router runs it. */
async function openApp(path: string) {
  const i18n = createI18n();
  await act(async () => {
    render(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={[path]}>
          <App />
        </MemoryRouter>
      </I18nextProvider>,
    );
  });
  return i18n;
}

const fetched = () =>
  vi.mocked(fetch).mock.calls.map(([url]) => new URL(String(url), 'http://localhost').pathname);

describe('a compass published on the service, not built', () => {
  it('is fetched from /data/<id>.json and its quiz works as a built one', async () => {
    const { id } = publishedAs();
    await openApp(`/${id}/fraga/1`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kommunen ska bygga fler bibliotek.' }),
    ).toBeInTheDocument();
    expect(fetched()).toContain(`/data/${id}.json`);
    await userEvent.click(screen.getByRole('button', { name: /Helt för/ }));
    expect(useAnswers.getState().compassId).toBe(id);
    expect(Object.keys(useAnswers.getState().answers)).toHaveLength(1);
  });

  it('has its start page in English under /en/', async () => {
    const { id } = publishedAs();
    await openApp(`/en/${id}/`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Demo compass' }),
    ).toBeInTheDocument();
  });

  it('says in Arabic that it has no Arabic texts, and shows the Swedish ones', async () => {
    const { id } = publishedAs();
    await openApp(`/ar/${id}/fraga/1`);
    // Once the page is in Arabic (its strings load as it opens).
    const ar = (await import('../i18n/locales/ar.json')).default;
    expect(await screen.findByText(ar.compassDirectory.noArabic)).toBeInTheDocument();
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Kommunen ska bygga fler bibliotek.',
    });
    expect(heading).toHaveAttribute('lang', 'sv');
  });

  it('has a method page without the figures, which are not published beside it', async () => {
    const { id } = publishedAs();
    await openApp(`/${id}/metod`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Så fungerar matchningen' }),
    ).toBeInTheDocument();
    expect(fetched()).toContain(`/data/${id}-method.json`);
  });

  it('shows a party programme from /data/<id>-programmes.json', async () => {
    const { id } = publishedAs();
    files.set(`/data/${id}-programmes.json`, {
      a: 'Alfapartiet vill bygga fler bibliotek i hela kommunen.',
      b: 'Betapartiet vill sänka skatten.',
    });
    await openApp(`/${id}/program/a`);
    expect(
      await screen.findByText(/Alfapartiet vill bygga fler bibliotek/, {}, { timeout: 3000 }),
    ).toBeInTheDocument();
  });

  it('is not found when the service has no such compass (or there is no service)', async () => {
    await openApp('/ingen-sadan/fraga/1');
    expect(
      await screen.findByRole('heading', { level: 1, name: sv.app.notFoundTitle }),
    ).toBeInTheDocument();
    expect(fetched()).toContain('/data/ingen-sadan.json');
  });

  it('is not found when the host answers with a page instead of the data', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(new Response('<!doctype html><title>app</title>', { status: 200 })),
    );
    await openApp('/en/inte-json/');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      (await import('../i18n/locales/en.json')).default.app.notFoundTitle,
    );
  });

  it('says it could not be loaded, rather than not found, when the browser is offline', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      await openApp('/offline-kompass/');
      expect(await screen.findByRole('alert')).toHaveTextContent(sv.app.loadFailed);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('shows the message for broken data when the file fails validation', async () => {
    const { id } = publishedAs();
    const data = toOpenData({ ...demoCompass, id });
    (data.statements[0]!.stances.a as { position: number }).position = 2;
    files.set(`/data/${id}.json`, data);
    await openApp(`/${id}/`);
    expect(await screen.findByRole('alert')).toHaveTextContent(sv.app.invalidData);
  });

  it.each(['/redaktion/fraga/1', '/Inte_ett_id/', '/kompasser/fraga/1'])(
    'is never asked for at %s: a word the site reserves, or an id no compass can have',
    async (path) => {
      await openApp(path);
      expect(
        await screen.findByRole('heading', { level: 1, name: sv.app.notFoundTitle }),
      ).toBeInTheDocument();
      expect(fetched().filter((url) => url.startsWith('/data/'))).toEqual([]);
    },
  );
});

describe("a newsroom's draft taken as a voter", () => {
  afterEach(() => sessionStorage.clear());

  it('is shown from this tab, marked as a draft, and never asked of the service', async () => {
    const id = `utkast-${++serial}`;
    const draft = { ...demoCompass, id, version: '1.0.0' };
    storeDraftPreview(toOpenData(draft));
    await openApp(`/${id}/fraga/1`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kommunen ska bygga fler bibliotek.' }),
    ).toBeInTheDocument();
    expect(await screen.findByText(sv.compassDirectory.draftPreview)).toHaveAttribute(
      'role',
      'note',
    );
    expect(fetched().filter((url) => url.startsWith('/data/'))).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: /Helt för/ }));
    expect(useAnswers.getState().compassId).toBe(id);
    const back = screen.getByRole('link', { name: sv.compassDirectory.draftPreviewEnd });
    expect(back).toHaveAttribute('href', '/redaktion');
  });

  it('is not shown for another id: that one is the published compass, without the note', async () => {
    const { id } = publishedAs();
    storeDraftPreview(toOpenData({ ...demoCompass, id: `${id}-annan` }));
    await openApp(`/${id}/fraga/1`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kommunen ska bygga fler bibliotek.' }),
    ).toBeInTheDocument();
    expect(fetched()).toContain(`/data/${id}.json`);
    expect(screen.queryByText(sv.compassDirectory.draftPreview)).not.toBeInTheDocument();
  });
});

describe("the site's own pages", () => {
  it('opens the workbench at /redaktion, in the site frame', async () => {
    await openApp('/redaktion');
    expect(
      // The workbench's page and strings are loaded on demand: a slow machine takes a while.
      await screen.findByRole('heading', { level: 1, name: 'Redaktionen' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(fetched().filter((url) => url.startsWith('/data/'))).toEqual([]);
  });
});

describe('the list of every compass', () => {
  it('is at /kompasser, in every reading', async () => {
    files.set('/api/compasses', { compasses: [], total: 0 });
    await openApp('/en/kompasser');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'All compasses' }),
    ).toBeInTheDocument();
    const main = within(screen.getByRole('main'));
    expect(main.getByRole('link', { name: 'Social policy in the municipality' })).toHaveAttribute(
      'href',
      '/en/socialpolitik/',
    );
  });

  it('is linked from the site start page', async () => {
    files.set('/data/socialpolitik.json', toOpenData(loadValidBank('questions/socialpolitik')));
    await openApp('/');
    expect(await screen.findByRole('link', { name: sv.compasses.all })).toHaveAttribute(
      'href',
      '/kompasser',
    );
  });
});
