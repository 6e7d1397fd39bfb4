// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Statement } from '../../domain/bank/types.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { READING_PREFS_STORAGE_KEY, useReadingPrefs } from '../../state/reading-prefs.ts';
import { demoCompass, renderPage } from '../../test/render-app.tsx';
import { StartPage } from './StartPage.tsx';

const ids = demoCompass.statements.map((s) => s.id);

const answerFirst = (count: number) =>
  act(() => {
    for (const id of ids.slice(0, count)) useAnswers.getState().answer(id, 1);
  });

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
  const startToggle = () =>
    within(screen.getByRole('main')).getByRole('button', { name: 'Lättläst' });
  const headerButton = (name: string) =>
    within(screen.getByRole('banner')).getByRole('button', { name });

  it('explains the mode and offers it, next to the languages in the header too', () => {
    renderPage(<StartPage />);
    expect(offer()).toBeVisible();
    expect(startToggle()).toHaveAttribute('lang', 'sv');
    expect(startToggle()).toHaveAttribute('aria-pressed', 'false');
    expect(startToggle()).toHaveAccessibleDescription(offer().textContent!);
    const nav = screen.getByRole('navigation', { name: 'Språk' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Svenska', 'English', 'العربية', 'Lättläst']);
    expect(headerButton('Svenska')).toHaveAttribute('aria-pressed', 'true');
    expect(headerButton('Lättläst')).toHaveAttribute('aria-pressed', 'false');
  });

  it('switches easy-read on and off, and the header shows the same', async () => {
    const user = userEvent.setup();
    renderPage(<StartPage />);
    await user.click(startToggle());
    await waitFor(() => expect(startToggle()).toHaveAttribute('aria-pressed', 'true'));
    expect(headerButton('Lättläst')).toHaveAttribute('aria-pressed', 'true');
    expect(headerButton('Svenska')).toHaveAttribute('aria-pressed', 'false');
    await user.click(headerButton('Svenska'));
    await waitFor(() => expect(startToggle()).toHaveAttribute('aria-pressed', 'false'));
    expect(headerButton('Svenska')).toHaveAttribute('aria-pressed', 'true');
  });

  it('is left by choosing another language, which is remembered instead', async () => {
    const user = userEvent.setup();
    renderPage(<StartPage />);
    await user.click(headerButton('Lättläst'));
    await waitFor(() => expect(headerButton('Lättläst')).toHaveAttribute('aria-pressed', 'true'));
    await user.click(headerButton('English'));
    await waitFor(() => expect(headerButton('English')).toHaveAttribute('aria-pressed', 'true'));
    expect(headerButton('Lättläst')).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText(/^Lättläst: the statements in easy-to-read Swedish/)).toBeVisible();
    expect(JSON.parse(localStorage.getItem(READING_PREFS_STORAGE_KEY)!)).toMatchObject({
      state: { language: 'en', easy: false },
    });
  });

  it('is remembered: after a reload the mode is still on', async () => {
    const user = userEvent.setup();
    const { unmount } = renderPage(<StartPage />);
    await user.click(startToggle());
    await waitFor(() => expect(startToggle()).toHaveAttribute('aria-pressed', 'true'));
    unmount();
    useReadingPrefs.setState({ language: null, easy: false }, false);
    localStorage.setItem(
      READING_PREFS_STORAGE_KEY,
      JSON.stringify({ state: { language: 'sv', easy: true }, version: 1 }),
    );
    renderPage(<StartPage />, { storedReading: true });
    expect(startToggle()).toHaveAttribute('aria-pressed', 'true');
    expect(headerButton('Lättläst')).toHaveAttribute('aria-pressed', 'true');
  });

  it('works from memory when storage is blocked', async () => {
    const user = userEvent.setup();
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    useReadingPrefs.setState({ language: null, easy: false });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(blocked);
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(blocked);
    renderPage(<StartPage />, { storedReading: true });
    expect(startToggle()).toHaveAttribute('aria-pressed', 'false');
    await user.click(startToggle());
    await waitFor(() => expect(startToggle()).toHaveAttribute('aria-pressed', 'true'));
    expect(headerButton('Lättläst')).toHaveAttribute('aria-pressed', 'true');
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
