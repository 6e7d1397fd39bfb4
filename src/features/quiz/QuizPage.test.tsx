// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Layout } from '../../app/Layout.tsx';
import { CompassProvider } from '../../context/compass-context.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import sv from '../../i18n/locales/sv.json';
import { useAnswers } from '../../state/answers-store.ts';
import { useReadingPrefs } from '../../state/reading-prefs.ts';
import {
  demoCompass,
  renderInReadings,
  renderPage,
  stubSpeech,
  voice,
} from '../../test/render-app.tsx';
import { ReviewPage } from '../review/ReviewPage.tsx';
import { QuizPage } from './QuizPage.tsx';

const texts = demoCompass.statements.map((s) => s.text.sv);
const ids = demoCompass.statements.map((s) => s.id);

const renderQuiz = (number: number) =>
  renderPage(<QuizPage />, { path: `/fraga/${number}`, route: '/fraga/:number' });

/** The quiz with the review page behind it, to follow the last statement's way out. */
function renderQuizAndReview(number: number) {
  useAnswers.setState(useAnswers.getInitialState(), true);
  useReadingPrefs.setState({ language: null, easy: false });
  useAnswers.getState().bindCompass(demoCompass.id, demoCompass.version);
  return render(
    <I18nextProvider i18n={createI18n()}>
      <MemoryRouter initialEntries={[`/fraga/${number}`]}>
        <CompassProvider value={demoCompass}>
          <Routes>
            <Route element={<Layout />}>
              <Route path="/fraga/:number" element={<QuizPage />} />
              <Route path="/granska" element={<ReviewPage />} />
            </Route>
          </Routes>
        </CompassProvider>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

const heading = () => screen.getByRole('heading', { level: 1 });
const answers = () => useAnswers.getState().answers;

describe('QuizPage', () => {
  it('shows the statement as the h1 and moves focus to it', () => {
    // A page the voter is on has the focus (jsdom says so only once something has been focused).
    const focused = vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    renderQuiz(1);
    expect(heading()).toHaveTextContent(texts[0]!);
    expect(heading()).toHaveFocus();
    focused.mockRestore();
  });

  it('leaves the focus alone while its document does not have it, as in an embed nobody touched', () => {
    const focused = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    renderQuiz(1);
    expect(heading()).toHaveTextContent(texts[0]!);
    expect(heading()).not.toHaveFocus();
    focused.mockRestore();
  });

  it('shows the progress and the theme', () => {
    const { container } = renderQuiz(2);
    expect(screen.getByText(/Påstående 2 av 4/)).toHaveTextContent('Påstående 2 av 4 · Kultur');
    expect(heading()).toHaveTextContent(texts[1]!);
    // The bar is drawn, not styled inline (a prerendered page allows no inline styles): half full.
    expect(container.querySelector('svg.progress-bar rect')).toHaveAttribute('width', '50');
  });

  it('says without scripts that answering needs them, and hides what would not work', () => {
    // As prerendered, read by a browser without scripts (which shows <noscript> and hides .needs-js).
    const html = renderToString(
      <I18nextProvider i18n={createI18n()}>
        <MemoryRouter initialEntries={['/fraga/1']}>
          <CompassProvider value={demoCompass}>
            <Routes>
              <Route path="/fraga/:number" element={<QuizPage />} />
            </Routes>
          </CompassProvider>
        </MemoryRouter>
      </I18nextProvider>,
    );
    // Parsed as a browser without scripts parses it (the DOM matchers need this page's window).
    const page = new DOMParser().parseFromString(html, 'text/html');
    const classes = (selector: string) => [...(page.querySelector(selector)?.classList ?? [])];
    const notice = page.querySelector('noscript p');
    expect(notice?.textContent).toContain(sv.noscript.quiz);
    expect(notice?.querySelector('a')?.getAttribute('href')).toBe('/pastaenden');
    expect(notice?.querySelector('a')?.textContent).toBe(sv.noscript.statements);
    expect(page.querySelectorAll('fieldset button')).toHaveLength(6);
    expect(classes('fieldset')).toContain('needs-js');
    expect(classes('.shortcuts')).toContain('needs-js');
    // Reading the statement needs no scripts: it and the way on stay.
    expect(page.querySelector('h1')?.textContent).toBe(texts[0]);
    expect(page.querySelectorAll('article nav a')).toHaveLength(2);
    expect(classes('article nav')).not.toContain('needs-js');
  });

  it('offers the five answers in order, then "Hoppa över", and explains neutral vs skip', () => {
    renderQuiz(1);
    const group = screen.getByRole('group', { name: 'Vad tycker du?' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Helt för',
      'Delvis för',
      'Varken för eller emot',
      'Delvis emot',
      'Helt emot',
      'Hoppa över',
    ]);
    expect(within(group).getByRole('button', { name: 'Helt emot' })).toHaveAttribute(
      'aria-keyshortcuts',
      '5',
    );
    expect(
      within(group).getByText(
        '”Varken för eller emot” räknas med i resultatet. ”Hoppa över” räknas inte alls.',
      ),
    ).toBeInTheDocument();
    expect(within(group).getByRole('checkbox', { name: 'Viktigt för mig' })).not.toBeChecked();
  });

  it('"Delvis för" stores 0.5 and moves on to the next statement, focusing it', async () => {
    const user = userEvent.setup();
    renderQuiz(1);
    await user.click(screen.getByRole('button', { name: 'Delvis för' }));
    expect(answers()[ids[0]!]).toEqual({ answer: 0.5 });
    expect(heading()).toHaveTextContent(texts[1]!);
    expect(heading()).toHaveFocus();
    expect(screen.getByText(/Påstående 2 av 4/)).toBeInTheDocument();
  });

  it('shows the given answer as pressed when coming back', () => {
    renderQuiz(2);
    act(() => {
      useAnswers.getState().answer(ids[1]!, -0.5);
    });
    expect(screen.getByRole('button', { name: 'Delvis emot' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Delvis för' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
  });

  it('answers "Helt emot" with the key 5', async () => {
    const user = userEvent.setup();
    renderQuiz(2);
    await user.keyboard('5');
    expect(answers()[ids[1]!]).toEqual({ answer: -1 });
    expect(heading()).toHaveTextContent(texts[2]!);
  });

  it('skips with the key 0', async () => {
    const user = userEvent.setup();
    renderQuiz(3);
    await user.keyboard('0');
    expect(answers()[ids[2]!]).toEqual({ answer: 'skip' });
    expect(heading()).toHaveTextContent(texts[3]!);
  });

  it('"Hoppa över" skips and moves on', async () => {
    const user = userEvent.setup();
    renderQuiz(1);
    await user.click(screen.getByRole('button', { name: 'Hoppa över' }));
    expect(answers()[ids[0]!]).toEqual({ answer: 'skip' });
    expect(heading()).toHaveTextContent(texts[1]!);
  });

  it('does not take shortcuts while a form field has focus', async () => {
    const user = userEvent.setup();
    renderQuiz(1);
    screen.getByRole('checkbox', { name: 'Viktigt för mig' }).focus();
    await user.keyboard('1');
    expect(answers()).toEqual({});
    expect(heading()).toHaveTextContent(texts[0]!);
  });

  it('browses with the arrow keys without answering', async () => {
    const user = userEvent.setup();
    renderQuiz(2);
    await user.keyboard('{ArrowRight}');
    expect(heading()).toHaveTextContent(texts[2]!);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(heading()).toHaveTextContent(texts[0]!);
    expect(answers()).toEqual({});
  });

  it('"Viktigt för mig" checked before answering makes the stored answer important', async () => {
    const user = userEvent.setup();
    renderQuiz(1);
    const important = screen.getByRole('checkbox', { name: 'Viktigt för mig' });
    await user.click(important);
    expect(important).toBeChecked();
    expect(answers()).toEqual({});
    await user.click(screen.getByRole('button', { name: 'Helt för' }));
    expect(answers()[ids[0]!]).toEqual({ answer: 1, important: true });
    // The next statement starts unmarked.
    expect(screen.getByRole('checkbox', { name: 'Viktigt för mig' })).not.toBeChecked();
  });

  it('marks an answered statement as important at once, also with "+"', async () => {
    const user = userEvent.setup();
    renderQuiz(1);
    act(() => {
      useAnswers.getState().answer(ids[0]!, 0);
    });
    await user.keyboard('+');
    expect(answers()[ids[0]!]).toEqual({ answer: 0, important: true });
    expect(screen.getByRole('checkbox', { name: 'Viktigt för mig' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Viktigt för mig' }));
    expect(answers()[ids[0]!]).toEqual({ answer: 0 });
  });

  it('does not store importance for a skipped statement', async () => {
    const user = userEvent.setup();
    renderQuiz(1);
    await user.click(screen.getByRole('checkbox', { name: 'Viktigt för mig' }));
    await user.click(screen.getByRole('button', { name: 'Hoppa över' }));
    expect(answers()[ids[0]!]).toEqual({ answer: 'skip' });
  });

  // Regression test for a bug found in review (now fixed).
  it('does not show a skipped statement as important when coming back to it', async () => {
    const user = userEvent.setup();
    renderQuiz(1);
    await user.click(screen.getByRole('checkbox', { name: 'Viktigt för mig' }));
    await user.click(screen.getByRole('button', { name: 'Hoppa över' }));
    await user.keyboard('{ArrowLeft}');
    expect(heading()).toHaveTextContent(texts[0]!);
    expect(screen.getByRole('checkbox', { name: 'Viktigt för mig' })).not.toBeChecked();
  });

  it('expands the explainer', async () => {
    const user = userEvent.setup();
    renderQuiz(1);
    const summary = screen.getByText('Vad betyder det?');
    const details = summary.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    await user.click(summary);
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText('Ett bibliotek lånar ut böcker gratis.')).toBeInTheDocument();
  });

  it('explains the glossary term "bibliotek" in place', async () => {
    const user = userEvent.setup();
    renderQuiz(1);
    const terms = screen.getByRole('region', { name: 'Ord i påståendet' });
    const summary = within(terms).getByText('bibliotek');
    const details = summary.closest('details')!;
    await user.click(summary);
    expect(details).toHaveAttribute('open');
    expect(
      within(details).getByText('Ett ställe där man lånar böcker gratis.'),
    ).toBeInTheDocument();
  });

  it('shows no glossary for a statement without terms', () => {
    renderQuiz(2);
    expect(screen.queryByRole('region', { name: 'Ord i påståendet' })).not.toBeInTheDocument();
  });

  it('links back to the start from the first statement and onwards to the next', () => {
    renderQuiz(1);
    const nav = screen.getByRole('navigation', { name: 'Bläddra bland påståendena' });
    expect(within(nav).getByRole('link', { name: 'Till början' })).toHaveAttribute('href', '/');
    expect(within(nav).getByRole('link', { name: 'Nästa' })).toHaveAttribute('href', '/fraga/2');
  });

  it('on the last statement, the next link goes to the review', async () => {
    const user = userEvent.setup();
    renderQuizAndReview(4);
    expect(screen.getByText(/Påstående 4 av 4/)).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Bläddra bland påståendena' });
    expect(within(nav).getByRole('link', { name: 'Föregående' })).toHaveAttribute(
      'href',
      '/fraga/3',
    );
    expect(within(nav).getByRole('link', { name: 'Granska dina svar' })).toHaveAttribute(
      'href',
      '/granska',
    );
    await user.click(screen.getByRole('button', { name: 'Helt för' }));
    expect(answers()[ids[3]!]).toEqual({ answer: 1 });
    expect(heading()).toHaveTextContent('Granska dina svar');
  });

  it('sends an unknown statement number to the first statement', () => {
    renderQuiz(9);
    expect(heading()).toHaveTextContent(texts[0]!);
    expect(screen.getByText(/Påstående 1 av 4/)).toBeInTheDocument();
  });
});

describe('QuizPage in easy-read Swedish (lättläst)', () => {
  const easy = demoCompass.statements.map((s) => s.easy);
  const renderEasy = (number: number) =>
    renderPage(<QuizPage />, { path: `/fraga/${number}`, route: '/fraga/:number', easy: true });
  /** The quiz in every reading, so that the easy-read toggle and the header's links lead somewhere. */
  const renderQuizInReadings = (path: string) =>
    renderInReadings(<QuizPage />, { path, route: 'fraga/:number' });
  const article = () => screen.getByRole('article');
  const quizToggle = () => within(article()).getByRole('button', { name: 'Lättläst' });
  let speech: ReturnType<typeof stubSpeech> | null = null;
  afterEach(() => {
    speech?.remove();
    speech = null;
  });

  it('shows the easy-read statement and explainer', () => {
    renderEasy(2);
    expect(heading()).toHaveTextContent(easy[1]!.text);
    expect(heading()).not.toHaveTextContent(texts[1]!);
    expect(screen.getByText(easy[1]!.explainer)).toBeInTheDocument();
    expect(screen.queryByText(demoCompass.statements[1]!.explainer.sv)).not.toBeInTheDocument();
    expect(quizToggle()).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByText(/finns inte på lättläst svenska/)).not.toBeInTheDocument();
  });

  it('marks the glossary terms where they occur in the easy-read text', () => {
    const [first, ...rest] = demoCompass.statements;
    const compass = {
      ...demoCompass,
      statements: [
        { ...first!, easy: { text: 'Det ska finnas fler Bibliotek.', explainer: 'Böcker.' } },
        ...rest,
      ],
    };
    renderPage(<QuizPage />, { path: '/fraga/1', route: '/fraga/:number', compass, easy: true });
    expect(heading()).toHaveTextContent('Det ska finnas fler Bibliotek.');
    const term = within(heading()).getByText('Bibliotek');
    expect(term).toHaveClass('term');
    expect(term).toHaveAttribute('aria-describedby', 'term-bibliotek');
  });

  it('falls back to the regular Swedish text, and says so, where a statement has no easy version', () => {
    renderEasy(1);
    expect(easy[0]).toBeUndefined();
    expect(heading()).toHaveTextContent(texts[0]!);
    expect(screen.getByText(demoCompass.statements[0]!.explainer.sv)).toBeInTheDocument();
    expect(
      screen.getByText('Det här påståendet finns inte på lättläst svenska ännu.'),
    ).toBeInTheDocument();
  });

  it('is switched on and off beside the statement (by address); the answers stay as they were', async () => {
    const user = userEvent.setup();
    const { location } = renderQuizInReadings('/fraga/2');
    act(() => {
      useAnswers.getState().answer(ids[1]!, -0.5);
      useAnswers.getState().setImportant(ids[1]!, true);
    });
    const before = answers();
    expect(quizToggle()).toHaveAttribute('aria-pressed', 'false');
    await user.click(quizToggle());
    await waitFor(() => expect(heading()).toHaveTextContent(easy[1]!.text));
    expect(location()).toBe('/lattlast/fraga/2');
    expect(quizToggle()).toHaveAttribute('aria-pressed', 'true');
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'Lättläst' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    expect(within(banner).getByRole('link', { name: 'Svenska' })).not.toHaveAttribute(
      'aria-current',
    );
    expect(answers()).toBe(before);
    expect(screen.getByRole('button', { name: 'Delvis emot' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByRole('checkbox', { name: 'Viktigt för mig' })).toBeChecked();
    expect(useReadingPrefs.getState()).toMatchObject({ language: 'sv', easy: true });

    await user.click(quizToggle());
    await waitFor(() => expect(heading()).toHaveTextContent(texts[1]!));
    expect(location()).toBe('/fraga/2');
    expect(quizToggle()).toHaveAttribute('aria-pressed', 'false');
    expect(answers()).toBe(before);
    expect(useReadingPrefs.getState()).toMatchObject({ language: 'sv', easy: false });
  });

  it('from English, turns the app to Swedish in easy-read', async () => {
    const user = userEvent.setup();
    const { i18n, location } = renderQuizInReadings('/fraga/2');
    await user.click(within(screen.getByRole('banner')).getByRole('link', { name: 'English' }));
    await waitFor(() => expect(heading()).toHaveTextContent(demoCompass.statements[1]!.text.en!));
    expect(location()).toBe('/en/fraga/2');
    expect(document.documentElement.lang).toBe('en');
    await user.click(quizToggle());
    await waitFor(() => expect(heading()).toHaveTextContent(easy[1]!.text));
    expect(location()).toBe('/lattlast/fraga/2');
    await waitFor(() => expect(i18n.language).toBe('sv'));
    await waitFor(() => expect(document.documentElement.lang).toBe('sv'));
    expect(useReadingPrefs.getState()).toMatchObject({ language: 'sv', easy: true });
  });

  it('reads the easy-read text aloud, in Swedish', async () => {
    const user = userEvent.setup();
    speech = stubSpeech([voice('sv-SE')]);
    renderEasy(2);
    await user.click(screen.getByRole('button', { name: 'Lyssna på påståendet' }));
    expect(speech.spoken.at(-1)).toMatchObject({ text: easy[1]!.text, lang: 'sv-SE' });
    await user.click(screen.getByText('Vad betyder det?'));
    await user.click(screen.getByRole('button', { name: 'Lyssna på förklaringen' }));
    expect(speech.spoken.at(-1)).toMatchObject({ text: easy[1]!.explainer, lang: 'sv-SE' });
  });

  it('stops reading when the voter moves on to the next statement', async () => {
    const user = userEvent.setup();
    speech = stubSpeech([voice('sv-SE')]);
    renderQuizInReadings('/lattlast/fraga/1');
    await user.click(screen.getByRole('button', { name: 'Lyssna på påståendet' }));
    expect(speech.current()?.text).toBe(texts[0]);
    await user.click(screen.getByRole('button', { name: 'Helt för' }));
    await waitFor(() => expect(heading()).toHaveTextContent(easy[1]!.text));
    expect(speech.current()).toBeNull();
    expect(screen.getByRole('button', { name: 'Lyssna på påståendet' })).toBeInTheDocument();
  });

  it('offers no read-aloud without a voice for the text', () => {
    speech = stubSpeech([voice('en-GB')]);
    renderEasy(1);
    expect(screen.queryByRole('button', { name: /Lyssna/ })).not.toBeInTheDocument();
  });
});
