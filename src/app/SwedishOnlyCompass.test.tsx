// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useRoutes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Compass, Localized } from '../domain/bank/types.ts';
import { createI18n } from '../i18n/i18n.ts';
import en from '../i18n/locales/en.json';
import sv from '../i18n/locales/sv.json';
import { useAnswers } from '../state/answers-store.ts';
import { useReadingPrefs } from '../state/reading-prefs.ts';
import { demoCompass } from '../test/render-app.tsx';
import { toOpenData } from '../tools/open-data.ts';
import { routes } from './routes.tsx';

/**
 * A compass written in Swedish only (English is optional in the bank), through the app's own
 * routes with the compass served as a data file: published on the service (an id the site was not
 * built with), or built with the site (`BUILT`, added to the build's list below).
 */

const swedish = (l: Localized): Localized => ({ sv: l.sv });
const swedishOnly = (id: string): Compass => ({
  ...demoCompass,
  id,
  title: swedish(demoCompass.title),
  description: swedish(demoCompass.description),
  themes: demoCompass.themes.map((t) => ({ ...t, name: swedish(t.name) })),
  statements: demoCompass.statements.map((s) => ({
    ...s,
    text: swedish(s.text),
    explainer: swedish(s.explainer),
  })),
  glossary: demoCompass.glossary.map((g) => ({
    ...g,
    term: swedish(g.term),
    definition: swedish(g.definition),
  })),
});

const BUILT = 'bara-svenska';
vi.mock('../config/compasses.ts', async (original) => {
  const actual = await original<typeof import('../config/compasses.ts')>();
  const list = [
    ...actual.COMPASSES,
    { id: 'bara-svenska', title: { sv: 'Demokompass' }, description: { sv: 'Påhittad.' } },
  ];
  return {
    ...actual,
    COMPASSES: list,
    isServedCompass: (id: string | undefined) => list.some((c) => c.id === id),
  };
});

let files: Map<string, unknown>;
let serial = 0;
/** A Swedish-only compass published on the service: its id, served as /data/<id>.json. */
const published = (): string => {
  const id = `bara-sv-${++serial}`;
  files.set(`/data/${id}.json`, toOpenData(swedishOnly(id)));
  return id;
};

beforeEach(() => {
  files = new Map([[`/data/${BUILT}.json`, toOpenData(swedishOnly(BUILT))]]);
  useAnswers.setState(useAnswers.getInitialState(), true);
  useReadingPrefs.setState({ language: null, easy: false });
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      const body = files.get(new URL(url, 'http://localhost').pathname);
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

function App() {
  return useRoutes(routes);
}

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
}

/** The readings the header's language links offer, by their data-reading. */
const offeredReadings = () =>
  within(screen.getByRole('navigation', { name: /språk|language/i }))
    .getAllByRole('link')
    .map((link) => link.getAttribute('data-reading'));

/** The languages the offer at the top of the page ("Read it in English") can name. */
const offers = () =>
  [...document.querySelectorAll('[data-offer]')].map((o) => o.getAttribute('data-offer'));

describe.each([
  ['published on the service', published],
  ['built with the site', () => BUILT],
])('a Swedish-only compass %s', (_, compassId) => {
  it('offers Swedish and easy-read Swedish only, in its links and its offer', async () => {
    const id = compassId();
    await openApp(`/${id}/`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Demokompass' }),
    ).not.toHaveAttribute('lang');
    expect(offeredReadings()).toEqual(['sv', 'lattlast']);
    expect(offers()).toEqual([]);
    expect(screen.queryByText(sv.compassDirectory.noEnglish)).not.toBeInTheDocument();
  });

  it('in the English reading shows its texts in Swedish, marked so, and says why', async () => {
    const id = compassId();
    await openApp(`/en/${id}/`);
    // Once the page is in English (its strings load as it opens).
    expect(await screen.findByText(en.compassDirectory.noEnglish)).toHaveAttribute('role', 'note');
    const title = await screen.findByRole('heading', { level: 1, name: 'Demokompass' });
    expect(title).toHaveAttribute('lang', 'sv');
    expect(screen.getByText(demoCompass.description.sv)).toHaveAttribute('lang', 'sv');
    // The page's own words stay English; its own reading is still named, not another language.
    expect(screen.getByRole('link', { name: en.start.begin })).toBeInTheDocument();
    expect(offeredReadings()).toEqual(['sv', 'en', 'lattlast']);
    expect(screen.getByRole('link', { current: true })).toHaveAttribute('data-reading', 'en');
  });

  it('in the English reading has its statements, themes and terms in Swedish, marked so', async () => {
    const id = compassId();
    await openApp(`/en/${id}/fraga/1`);
    expect(await screen.findByText(en.compassDirectory.noEnglish)).toHaveAttribute('role', 'note');
    const statement = demoCompass.statements[0]!;
    const heading = await screen.findByRole('heading', { level: 1, name: statement.text.sv });
    expect(heading).toHaveAttribute('lang', 'sv');
    expect(screen.getByText(statement.explainer.sv)).toHaveAttribute('lang', 'sv');
    const theme = demoCompass.themes.find((t) => t.id === statement.theme)!;
    expect(screen.getByText(theme.name.sv)).toHaveAttribute('lang', 'sv');
    const term = demoCompass.glossary.find((g) => statement.terms.includes(g.id))!;
    expect(screen.getByText(term.term.sv, { selector: 'summary' }).closest('li')).toHaveAttribute(
      'lang',
      'sv',
    );
  });
});

describe('a Swedish-only compass in the English reading, its other pages', () => {
  it('lists its statements and explainers in Swedish, marked so', async () => {
    const id = published();
    await openApp(`/en/${id}/pastaenden`);
    expect(await screen.findByText(en.compassDirectory.noEnglish)).toHaveAttribute('role', 'note');
    const statement = demoCompass.statements[0]!;
    const heading = await screen.findByRole('heading', { level: 2, name: statement.text.sv });
    expect(heading).toHaveAttribute('lang', 'sv');
    expect(screen.getByText(statement.explainer.sv)).toHaveAttribute('lang', 'sv');
  });

  it('links each statement from the review in Swedish, marked so', async () => {
    const id = published();
    await openApp(`/en/${id}/granska`);
    expect(await screen.findByText(en.compassDirectory.noEnglish)).toHaveAttribute('role', 'note');
    const statement = demoCompass.statements[0]!;
    expect(await screen.findByRole('link', { name: statement.text.sv })).toHaveAttribute(
      'lang',
      'sv',
    );
  });
});

describe('a compass with English', () => {
  it('is offered in English and has no note in the English reading', async () => {
    const id = 'med-engelska';
    files.set(`/data/${id}.json`, toOpenData({ ...demoCompass, id }));
    await openApp(`/en/${id}/`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Demo compass' }),
    ).not.toHaveAttribute('lang');
    expect(offeredReadings()).toEqual(['sv', 'en', 'lattlast']);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});
