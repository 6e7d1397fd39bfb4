// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Statement } from '../../domain/bank/types.ts';
import { arrivalPath } from '../../i18n/reading.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { READING_PREFS_STORAGE_KEY, useReadingPrefs } from '../../state/reading-prefs.ts';
import { demoCompass, renderInReadings, renderPage } from '../../test/render-app.tsx';
import { StartPage } from './StartPage.tsx';

const ids = demoCompass.statements.map((s) => s.id);

const answerFirst = (count: number) =>
  act(() => {
    for (const id of ids.slice(0, count)) useAnswers.getState().answer(id, 1);
  });

const startToggle = () =>
  within(screen.getByRole('main')).getByRole('button', { name: 'Lättläst' });
const readingLink = (name: string) =>
  within(screen.getByRole('banner')).getByRole('link', { name });

/** An easy-read start page: the toggle pressed, the header on Lättläst, links kept in it. */
function expectEasyReadStart() {
  expect(startToggle()).toHaveAttribute('aria-pressed', 'true');
  expect(readingLink('Lättläst')).toHaveAttribute('aria-current', 'true');
  expect(readingLink('Svenska')).not.toHaveAttribute('aria-current');
  expect(screen.getByRole('link', { name: 'Starta' })).toHaveAttribute('href', '/lattlast/fraga/1');
}

describe('StartPage', () => {
  it('shows the compass title as the heading and its description', () => {
    renderPage(<StartPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Demokompass' })).toBeInTheDocument();
    expect(screen.getByText('En påhittad kompass för tester.')).toBeInTheDocument();
  });

  it('lists the facts: how many statements, not answered by the parties, not advice', () => {
    renderPage(<StartPage />);
    expect(screen.getByText(/^4 påståenden, ungefär \d+ minuter?\.$/)).toBeInTheDocument();
    expect(
      screen.getByText(/Partierna har inte själva svarat\. Varje ståndpunkt är kodad/),
    ).toBeInTheDocument();
    expect(screen.getByText(/inte ett råd om hur du ska rösta/)).toBeInTheDocument();
  });

  it('promises that the answers stay in the browser', () => {
    renderPage(<StartPage />);
    expect(
      screen.getByText(
        'Dina svar sparas bara i din webbläsare och skickas ingenstans om du inte själv väljer det.',
      ),
    ).toBeInTheDocument();
  });

  it('starts at the first statement when nothing is answered, with no clear button', () => {
    renderPage(<StartPage />);
    expect(screen.getByRole('link', { name: 'Starta' })).toHaveAttribute('href', '/fraga/1');
    expect(screen.queryByRole('link', { name: /Fortsätt/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rensa mina svar' })).not.toBeInTheDocument();
  });

  it('links to the method, every statement and the about page', () => {
    renderPage(<StartPage />);
    expect(screen.getAllByRole('link', { name: 'Så fungerar matchningen' })[0]).toHaveAttribute(
      'href',
      '/metod',
    );
    expect(screen.getByRole('link', { name: 'Alla påståenden och citat' })).toHaveAttribute(
      'href',
      '/pastaenden',
    );
    expect(screen.getByRole('link', { name: 'Om valkompassen' })).toHaveAttribute('href', '/om');
  });

  it('resumes at the first open statement once some are answered', () => {
    renderPage(<StartPage />);
    answerFirst(2);
    const resume = screen.getByRole('link', { name: 'Fortsätt (2 av 4 klara)' });
    expect(resume).toHaveAttribute('href', '/fraga/3');
    expect(screen.getByRole('link', { name: 'Granska dina svar' })).toHaveAttribute(
      'href',
      '/granska',
    );
    expect(screen.queryByRole('link', { name: 'Starta' })).not.toBeInTheDocument();
  });

  it('counts a skipped statement as done when resuming', () => {
    renderPage(<StartPage />);
    act(() => {
      useAnswers.getState().answer(ids[0]!, 'skip');
    });
    expect(screen.getByRole('link', { name: 'Fortsätt (1 av 4 klara)' })).toHaveAttribute(
      'href',
      '/fraga/2',
    );
  });

  it('offers the result once every statement is answered', () => {
    renderPage(<StartPage />);
    answerFirst(4);
    expect(screen.getByRole('link', { name: 'Se ditt resultat' })).toHaveAttribute(
      'href',
      '/resultat',
    );
  });

  it('asks before clearing, and "Avbryt" keeps the answers', async () => {
    const user = userEvent.setup();
    renderPage(<StartPage />);
    answerFirst(2);
    await user.click(screen.getByRole('button', { name: 'Rensa mina svar' }));
    const confirm = screen.getByRole('group', { name: 'Rensa mina svar' });
    expect(
      within(confirm).getByText('Vill du ta bort alla dina svar från den här enheten?'),
    ).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Avbryt' }));
    expect(Object.keys(useAnswers.getState().answers)).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Rensa mina svar' })).toBeInTheDocument();
  });

  it('"Rensa mina svar" then "Ja, rensa" empties the store and offers a fresh start', async () => {
    const user = userEvent.setup();
    renderPage(<StartPage />);
    answerFirst(3);
    await user.click(screen.getByRole('button', { name: 'Rensa mina svar' }));
    expect(Object.keys(useAnswers.getState().answers)).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Ja, rensa' }));
    expect(useAnswers.getState().answers).toEqual({});
    expect(useAnswers.getState().parties).toBeNull();
    expect(screen.getByRole('link', { name: 'Starta' })).toHaveAttribute('href', '/fraga/1');
  });

  // Regression test for a bug found in review (now fixed): clearing left nothing answered, which
  // unmounted ClearAnswers, so its confirmation was never shown.
  it('confirms on the start page that the answers were cleared', async () => {
    const user = userEvent.setup();
    renderPage(<StartPage />);
    answerFirst(1);
    await user.click(screen.getByRole('button', { name: 'Rensa mina svar' }));
    await user.click(screen.getByRole('button', { name: 'Ja, rensa' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'Dina svar är borttagna från den här enheten.',
    );
  });

  // Regression test for a bug found in review (now fixed).
  it('does not claim more municipalities than the parties come from', () => {
    renderPage(<StartPage />);
    expect(screen.getByText(/partiprogram/)).not.toHaveTextContent(/från 2 olika kommuner/);
  });
});

describe('StartPage: easy-read Swedish (lättläst)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });
  const offer = () => screen.getByText('Lättläst svenska: enklare ord och kortare meningar.');
  const storedPrefs = () => {
    const { language, easy } = useReadingPrefs.getState();
    return { language, easy };
  };

  it('explains the mode and offers it, next to the readings in the header too', () => {
    renderPage(<StartPage />);
    expect(offer()).toBeVisible();
    expect(startToggle()).toHaveAttribute('lang', 'sv');
    expect(startToggle()).toHaveAttribute('aria-pressed', 'false');
    expect(startToggle()).toHaveAccessibleDescription(offer().textContent!);
    // The toggle needs the app's scripts; without them the header's links do the same.
    expect(startToggle()).toHaveClass('needs-js');
    const nav = screen.getByRole('navigation', { name: 'Språk' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual([
      ['Svenska', '/'],
      ['English', '/en/'],
      ['العربية', '/ar/'],
      ['Lättläst', '/lattlast/'],
    ]);
    expect(readingLink('Svenska')).toHaveAttribute('aria-current', 'true');
    expect(readingLink('Lättläst')).not.toHaveAttribute('aria-current');
  });

  it('shows an easy-read page as such: the toggle pressed, the header on Lättläst, links kept in it', () => {
    renderPage(<StartPage />, { easy: true });
    expectEasyReadStart();
  });

  it('switches to the easy-read address and back, remembering each choice', async () => {
    const user = userEvent.setup();
    const { location } = renderInReadings(<StartPage />);
    await user.click(startToggle());
    await waitFor(() => expect(location()).toBe('/lattlast/'));
    expectEasyReadStart();
    expect(storedPrefs()).toEqual({ language: 'sv', easy: true });

    await user.click(startToggle());
    await waitFor(() => expect(location()).toBe('/'));
    expect(startToggle()).toHaveAttribute('aria-pressed', 'false');
    expect(readingLink('Svenska')).toHaveAttribute('aria-current', 'true');
    expect(storedPrefs()).toEqual({ language: 'sv', easy: false });

    await user.click(readingLink('Lättläst'));
    await waitFor(() => expect(location()).toBe('/lattlast/'));
    expect(startToggle()).toHaveAttribute('aria-pressed', 'true');
    await user.click(readingLink('Svenska'));
    await waitFor(() => expect(location()).toBe('/'));
    expect(startToggle()).toHaveAttribute('aria-pressed', 'false');
    expect(storedPrefs()).toEqual({ language: 'sv', easy: false });
  });

  it('is left by choosing another language, which is remembered instead', async () => {
    const user = userEvent.setup();
    const { location, i18n } = renderInReadings(<StartPage />, { path: '/lattlast/' });
    expect(readingLink('Lättläst')).toHaveAttribute('aria-current', 'true');
    await user.click(readingLink('English'));
    await waitFor(() => expect(location()).toBe('/en/'));
    expect(
      await screen.findByText(/^Lättläst: the statements in easy-to-read Swedish/),
    ).toBeVisible();
    expect(readingLink('English')).toHaveAttribute('aria-current', 'true');
    expect(readingLink('Lättläst')).not.toHaveAttribute('aria-current');
    expect(startToggle()).toHaveAttribute('aria-pressed', 'false');
    expect(i18n.language).toBe('en');
    expect(JSON.parse(localStorage.getItem(READING_PREFS_STORAGE_KEY)!)).toMatchObject({
      state: { language: 'en', easy: false },
    });
  });

  it('is remembered: an address without a reading opens in easy-read next time', async () => {
    const user = userEvent.setup();
    const { location } = renderInReadings(<StartPage />);
    await user.click(startToggle());
    await waitFor(() => expect(location()).toBe('/lattlast/'));
    const stored = localStorage.getItem(READING_PREFS_STORAGE_KEY);
    const next = { pathname: '/', search: '', hash: '' };
    // What the page's arrival script and the app decide on the next visit, whatever the browser asks for.
    expect(arrivalPath(next, stored, ['sv-SE'])).toBe('/lattlast/');
    expect(arrivalPath(next, stored, ['en-GB'])).toBe('/lattlast/');
    expect(arrivalPath({ ...next, pathname: '/fraga/2' }, stored, [])).toBe('/lattlast/fraga/2');
  });

  it('works from memory when storage is blocked', async () => {
    const user = userEvent.setup();
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    useReadingPrefs.setState({ language: null, easy: false });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(blocked);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(blocked);
    const { location } = renderInReadings(<StartPage />, { storedReading: true });
    expect(startToggle()).toHaveAttribute('aria-pressed', 'false');
    await user.click(startToggle());
    await waitFor(() => expect(location()).toBe('/lattlast/'));
    expect(startToggle()).toHaveAttribute('aria-pressed', 'true');
    expect(readingLink('Lättläst')).toHaveAttribute('aria-current', 'true');
    expect(storedPrefs()).toEqual({ language: 'sv', easy: true });
  });

  it('is not offered by a compass without easy-read texts', () => {
    const compass = {
      ...demoCompass,
      statements: demoCompass.statements.map(
        (s) => Object.fromEntries(Object.entries(s).filter(([key]) => key !== 'easy')) as Statement,
      ),
    };
    renderPage(<StartPage />, { compass });
    expect(screen.queryByText(/enklare ord och kortare meningar/)).not.toBeInTheDocument();
    expect(within(screen.getByRole('main')).queryByRole('button', { name: 'Lättläst' })).toBeNull();
  });
});
