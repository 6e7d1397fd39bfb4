// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScopeProvider } from '../context/scope-context.tsx';
import { createI18n } from '../i18n/i18n.ts';
import ar from '../i18n/locales/ar.json';
import en from '../i18n/locales/en.json';
import sv from '../i18n/locales/sv.json';
import { OFFER_ATTRIBUTE, type Reading, READING_PREFS_STORAGE_KEY } from '../i18n/reading.ts';
import { useReadingPrefs } from '../state/reading-prefs.ts';
import { Layout } from './Layout.tsx';

const page = (reading: Reading, path: string) => (
  <I18nextProvider i18n={createI18n()}>
    <MemoryRouter initialEntries={[path]}>
      <ScopeProvider value={{ reading, compass: 'socialpolitik' }}>
        <Layout>
          <p>innehåll</p>
        </Layout>
      </ScopeProvider>
    </MemoryRouter>
  </I18nextProvider>
);

const stored = () =>
  JSON.parse(localStorage.getItem(READING_PREFS_STORAGE_KEY) ?? 'null') as {
    state: unknown;
  } | null;

beforeEach(() => {
  localStorage.clear();
  useReadingPrefs.setState({ language: null, easy: false });
  localStorage.clear();
});
afterEach(() => document.documentElement.removeAttribute(OFFER_ATTRIBUTE));

describe('the offer of the page in another language', () => {
  it('is in the header once for each other language, each in its own language and direction', () => {
    render(page('sv', '/socialpolitik/fraga/3'));
    const header = screen.getByRole('banner');
    const english = within(header).getByRole('group', { name: en.readingOffer.name });
    expect(english).toHaveAttribute('lang', 'en');
    expect(english).toHaveAttribute('dir', 'ltr');
    expect(english).toHaveTextContent(en.readingOffer.text);
    expect(within(english).getByRole('link', { name: en.readingOffer.link })).toHaveAttribute(
      'href',
      '/en/socialpolitik/fraga/3',
    );
    within(english).getByRole('button', { name: en.readingOffer.dismiss });
    const arabic = within(header).getByRole('group', { name: ar.readingOffer.name });
    expect(arabic).toHaveAttribute('lang', 'ar');
    expect(arabic).toHaveAttribute('dir', 'rtl');
    expect(within(arabic).getByRole('link', { name: ar.readingOffer.link })).toHaveAttribute(
      'href',
      '/ar/socialpolitik/fraga/3',
    );
    // Not the page's own language; and not a landmark or a live region.
    expect(screen.queryByRole('group', { name: sv.readingOffer.name })).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('offers Swedish on an English page, not on an easy-read one', () => {
    const { unmount } = render(page('en', '/en/socialpolitik/'));
    expect(
      within(screen.getByRole('group', { name: sv.readingOffer.name })).getByRole('link', {
        name: sv.readingOffer.link,
      }),
    ).toHaveAttribute('href', '/socialpolitik/');
    expect(screen.queryByRole('group', { name: en.readingOffer.name })).toBeNull();
    unmount();
    render(page('lattlast', '/lattlast/socialpolitik/'));
    expect(screen.queryByRole('group', { name: sv.readingOffer.name })).toBeNull();
    screen.getByRole('group', { name: en.readingOffer.name });
  });

  it('renders the same whatever the visitor chose, so that a prerendered page hydrates as painted', () => {
    const before = renderToString(page('sv', '/'));
    useReadingPrefs.getState().choose('en', false);
    expect(renderToString(page('sv', '/'))).toBe(before);
  });

  it('"No, thanks" remembers the page’s own reading, hides the offer and moves focus on', async () => {
    document.documentElement.setAttribute(OFFER_ATTRIBUTE, 'en');
    render(page('sv', '/socialpolitik/fraga/3'));
    const english = screen.getByRole('group', { name: en.readingOffer.name });
    const user = userEvent.setup();
    // Keyboard: to the offer's link, then its button.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(within(english).getByRole('button')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(stored()?.state).toEqual({ language: 'sv', easy: false });
    expect(document.documentElement.hasAttribute(OFFER_ATTRIBUTE)).toBe(false);
    expect(screen.getByRole('link', { name: sv.app.name })).toHaveFocus();
  });

  it('following it remembers that reading, as the header’s links do, and the offer goes', async () => {
    document.documentElement.setAttribute(OFFER_ATTRIBUTE, 'ar');
    render(page('sv', '/socialpolitik/fraga/3'));
    await userEvent.click(screen.getByRole('link', { name: ar.readingOffer.link }));
    expect(stored()?.state).toEqual({ language: 'ar', easy: false });
    expect(document.documentElement.hasAttribute(OFFER_ATTRIBUTE)).toBe(false);
  });

  it('goes when a reading is chosen anywhere on the page', async () => {
    document.documentElement.setAttribute(OFFER_ATTRIBUTE, 'en');
    render(page('sv', '/socialpolitik/fraga/3'));
    await userEvent.click(
      within(screen.getByRole('banner')).getByRole('link', { name: 'Lättläst' }),
    );
    expect(stored()?.state).toEqual({ language: 'sv', easy: true });
    expect(document.documentElement.hasAttribute(OFFER_ATTRIBUTE)).toBe(false);
  });
});
