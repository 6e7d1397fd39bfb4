// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../domain/scoring/index.ts';
import { decodeShare } from '../../domain/share-link/share-code.ts';
import { createI18n, switchLanguage } from '../../i18n/i18n.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { demoCompass, renderPage } from '../../test/render-app.tsx';
import { loadValidBank } from '../../tools/load-bank.ts';
import { ResultsPage } from './ResultsPage.tsx';

const renderResults = () => renderPage(<ResultsPage />, { path: '/resultat', route: '/resultat' });

const answerAll = (given: Readonly<Record<string, Answer>>) =>
  act(() => {
    for (const [id, answer] of Object.entries(given)) useAnswers.getState().answer(id, answer);
  });

/** b ranked first at 84 % (79–96); a unranked at 56 % (only 2 stated positions). */
const ANSWERS: Readonly<Record<string, Answer>> = {
  'fler-bibliotek': 1,
  'kulturskola-avgift': 0.5,
  'balans-fore-satsningar': 1,
  'foreningsdrivna-bibliotek': 1,
};

const ranking = () => screen.getAllByRole('list').find((l) => l.classList.contains('ranking'))!;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ResultsPage without answers', () => {
  it('says there is no result and shows no percentages', () => {
    renderResults();
    expect(screen.getByRole('heading', { level: 1, name: 'Ditt resultat' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('status')).toHaveTextContent(
      'Du har inte svarat på något påstående än, så det finns inget resultat. ”Hoppa över” räknas inte.',
    );
    expect(screen.queryAllByText(/%/)).toEqual([]);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Dela resultat' })).not.toBeInTheDocument();
  });

  it('gives no result when every answer is a skip', () => {
    renderResults();
    answerAll(Object.fromEntries(demoCompass.statements.map((s) => [s.id, 'skip' as const])));
    expect(screen.getByText(/det finns inget resultat/)).toBeInTheDocument();
    expect(screen.queryAllByText(/%/)).toEqual([]);
  });

  it('links to the comparison, the review and the method', () => {
    renderResults();
    const more = screen.getByRole('navigation', { name: 'Mer om resultatet' });
    expect(
      within(more).getByRole('link', { name: 'Jämför alla partier påstående för påstående' }),
    ).toHaveAttribute('href', '/resultat/pastaenden');
    expect(within(more).getByRole('link', { name: 'Ändra dina svar' })).toHaveAttribute(
      'href',
      '/granska',
    );
    expect(
      within(more).getByRole('link', { name: 'Så räknas matchningen, och var den kan vilseleda' }),
    ).toHaveAttribute('href', '/metod');
  });
});

describe('ResultsPage with answers', () => {
  it('ranks the parties with percent, range and coverage in words', () => {
    renderResults();
    answerAll(ANSWERS);
    const rows = within(ranking()).getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    const first = within(rows[0]!);
    expect(first.getByText('1.')).toBeInTheDocument();
    expect(first.getByText('Betapartiet (Exempelby)')).toBeInTheDocument();
    expect(first.getByText('84 % (79–96)')).toBeInTheDocument();
    expect(
      first.getByText(
        'Programmet tar ställning i 3 av dina 4 påståenden; där håller ni med varandra till 100 %.',
      ),
    ).toBeInTheDocument();
    expect(
      first.getByRole('link', { name: 'Se hur du och B svarar påstående för påstående' }),
    ).toHaveAttribute('href', '/resultat/parti/b');
  });

  it.each(['sv', 'ar'] as const)(
    'keeps each percentage on one line with its sign, joined by a no-break space (%s)',
    async (language) => {
      const i18n = createI18n();
      await switchLanguage(i18n, language);
      renderPage(<ResultsPage />, { path: '/resultat', route: '/resultat', i18n });
      answerAll(ANSWERS);
      expect(ranking().querySelector('.percent')!.textContent).toBe('84\u00a0% (79–96)');
      const shown = screen.getByRole('main').textContent ?? '';
      expect(shown).toMatch(/\d\u00a0%/);
      // No space a line may break at between a figure and its "%", anywhere on the page.
      expect(shown).not.toMatch(/\d[^\S\u00a0\u202f]+%/);
    },
  );

  it('lists a party with too few stated positions apart, with its reason', () => {
    renderResults();
    answerAll(ANSWERS);
    const unranked = screen.getByRole('region', { name: 'Partier utan placering' });
    const item = within(unranked).getByRole('listitem');
    expect(item).toHaveTextContent('Alfapartiet (Exempelby)');
    expect(item).toHaveTextContent(
      'för få ställningstaganden i programmet (bara 2 av dina påståenden).',
    );
    expect(item).toHaveTextContent('Matchning 56 %, men för osäker för en placering.');
    expect(
      within(item).getByRole('link', { name: 'Se hur du och A svarar påstående för påstående' }),
    ).toHaveAttribute('href', '/resultat/parti/a');
  });

  it('marks a result from fewer than 8 answers as preliminary', () => {
    renderResults();
    answerAll(ANSWERS);
    expect(screen.getByRole('note')).toHaveTextContent(
      'Preliminärt resultat: du har svarat på 4 påståenden. Svara på minst 8 för ett säkrare resultat.',
    );
  });

  it('says how stable the result is: the ranked set stays fixed, so a party near the threshold does not move it', () => {
    renderResults();
    answerAll(ANSWERS);
    // Only b is ranked (a states 2 positions, fewer than 3). Leaving out a statement only
    // recomputes percentages, so b stays first in every run.
    const section = screen.getByRole('region', { name: 'Hur stabilt är resultatet?' });
    expect(within(section).getByText('Stabilt.')).toBeInTheDocument();
    expect(section).toHaveTextContent(
      'Om vi tar bort ett av dina påståenden i taget blir det samma parti först i 4 av 4 fall.',
    );
    expect(within(section).queryAllByRole('listitem')).toEqual([]);
  });

  it('names the statements that would change who comes first when the result is sensitive', () => {
    const compass = loadValidBank('questions/socialpolitik');
    renderPage(<ResultsPage />, { path: '/resultat', route: '/resultat', compass });
    // Found by search on the real compass: L 52 %, C 51 %, S 41 % ranked; τ = 5/8.
    answerAll({
      'fler-familjehem': -1,
      'familjehem-fore-behandlingshem': 0.5,
      'stod-utan-diagnos': -1,
      'hjalp-utan-beslut': -0.5,
      'skola-social-samverkan': 0,
      'valdsprevention-skola': -0.5,
      'gang-polisens-uppgift': 1,
      'bistand-jobbstod-direkt': 0.5,
    });
    const section = screen.getByRole('region', { name: 'Hur stabilt är resultatet?' });
    expect(within(section).getByText('Känsligt.')).toBeInTheDocument();
    expect(section).toHaveTextContent(
      'Om vi tar bort ett av dina påståenden i taget blir det samma parti först i 5 av 8 fall.',
    );
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Kommunen ska lägga mer resurser på att hitta fler familjehem och jourhem.',
      'Skolan och socialtjänsten ska samarbeta mer för att tidigt upptäcka barn som har det svårt hemma.',
      'Arbetet mot gängkriminalitet ska i första hand vara polisens uppgift, inte kommunens.',
    ]);
  });

  it('asks for more answers before judging stability from a single one', () => {
    renderResults();
    answerAll({ 'kulturskola-avgift': 1 });
    expect(
      screen.getByText('Svara på fler påståenden för att se hur stabilt resultatet är.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'Hur stabilt är resultatet?' }),
    ).not.toBeInTheDocument();
  });

  it('shows the match per theme, with every party in a table', async () => {
    const user = userEvent.setup();
    renderResults();
    answerAll(ANSWERS);
    const section = screen.getByRole('region', { name: 'Per tema' });
    const select = within(section).getByRole('combobox', { name: 'Visa för' });
    expect(select).toHaveDisplayValue('Betapartiet (Exempelby)');
    expect(
      within(section).getByText(
        'Matchning per tema för Betapartiet (Exempelby). Linjen i mitten är 50 %.',
      ),
    ).toBeInTheDocument();
    const chart = () =>
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(chart()).toEqual(['Kultur för få ställningstaganden', 'Ekonomi 94\u00a0%']);
    await user.selectOptions(select, 'Alfapartiet (Exempelby)');
    expect(
      within(section).getByText(
        'Matchning per tema för Alfapartiet (Exempelby). Linjen i mitten är 50 %.',
      ),
    ).toBeInTheDocument();
    expect(chart()).toEqual(['Kultur 63\u00a0%', 'Ekonomi för få ställningstaganden']);

    await user.click(within(section).getByText('Visa alla partier som tabell'));
    const table = within(section).getByRole('table', {
      name: 'Matchning per tema och parti, i procent',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Tema', 'B', 'A']);
    const kultur = within(table).getByRole('row', { name: /Kultur/ });
    expect(
      within(kultur)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['–', '63\u00a0%']);
    const ekonomi = within(table).getByRole('row', { name: /Ekonomi/ });
    expect(
      within(ekonomi)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['94\u00a0%', '–']);
  });

  it('compares three methods in a table', () => {
    renderResults();
    answerAll(ANSWERS);
    const table = screen.getByRole('table', { name: 'Procent och placering under tre räknesätt' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Parti', 'Standard', 'Bara där programmet tar ställning', 'Wahl-O-Mat']);
    const beta = within(table).getByRole('row', { name: /Betapartiet/ });
    expect(
      within(beta)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['84\u00a0% (1.)', '100\u00a0% (1.)', '88\u00a0% (1.)']);
    const alfa = within(table).getByRole('row', { name: /Alfapartiet/ });
    expect(
      within(alfa)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual([
      '56\u00a0% (ingen placering)',
      '63\u00a0% (ingen placering)',
      '50\u00a0% (ingen placering)',
    ]);
  });

  it('recomputes the percentages at once when an answer changes', () => {
    renderResults();
    answerAll(ANSWERS);
    expect(within(ranking()).getByText('84 % (79–96)')).toBeInTheDocument();
    answerAll({ 'kulturskola-avgift': -1 });
    expect(within(ranking()).getByText('66 % (54–79)')).toBeInTheDocument();
    expect(within(ranking()).queryByText('84 % (79–96)')).not.toBeInTheDocument();
    expect(screen.getByText(/Matchning 75 %, men för osäker/)).toBeInTheDocument();
  });

  it('recomputes when importance or the party filter changes', () => {
    renderResults();
    answerAll(ANSWERS);
    act(() => useAnswers.getState().setImportant('fler-bibliotek', true));
    // Statement 1 (b silent, 50 %) now weighs double: b drops.
    expect(within(ranking()).queryByText('84 % (79–96)')).not.toBeInTheDocument();
    act(() => useAnswers.getState().setParties(['b']));
    expect(screen.queryByText(/Alfapartiet/)).not.toBeInTheDocument();
  });

  it('creates a share link carrying the answers, and copies it', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    renderResults();
    answerAll(ANSWERS);
    const share = screen.getByRole('region', { name: 'Dela resultat' });
    await user.click(within(share).getByRole('button', { name: 'Skapa länk' }));
    const input = within(share).getByRole('textbox', { name: 'Länk till ditt resultat' });
    const link = (input as HTMLInputElement).value;
    // The compass's own address, so that the link opens the same compass in a deployment of several.
    expect(link.startsWith(`${window.location.origin}/demo/delat#1.demo.`)).toBe(true);
    const decoded = decodeShare(demoCompass, link.slice(link.indexOf('#')));
    expect(decoded).toEqual({
      ok: true,
      voter: {
        answers: Object.fromEntries(Object.entries(ANSWERS).map(([k, v]) => [k, { answer: v }])),
      },
    });

    await user.click(within(share).getByRole('button', { name: 'Kopiera länken' }));
    expect(writeText).toHaveBeenCalledWith(link);
    expect(within(share).getByRole('status')).toHaveTextContent('Länken är kopierad.');
    expect(
      await within(share).findByRole('img', { name: 'QR-kod med länken till resultatet' }),
    ).toBeInTheDocument();
  });

  it('shares a link without the page’s reading: whoever opens it reads it in their own', async () => {
    const user = userEvent.setup();
    renderPage(<ResultsPage />, {
      path: '/lattlast/resultat',
      route: '/lattlast/resultat',
      easy: true,
    });
    answerAll(ANSWERS);
    await user.click(screen.getByRole('button', { name: 'Skapa länk' }));
    const link = (
      screen.getByRole('textbox', { name: 'Länk till ditt resultat' }) as HTMLInputElement
    ).value;
    expect(link.startsWith(`${window.location.origin}/demo/delat#1.demo.`)).toBe(true);
    expect(link).not.toContain('lattlast');
  });

  it('asks to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    renderResults();
    answerAll(ANSWERS);
    await user.click(screen.getByRole('button', { name: 'Skapa länk' }));
    await user.click(screen.getByRole('button', { name: 'Kopiera länken' }));
    expect(
      screen.getByText(
        'Det gick inte att kopiera automatiskt. Markera länken och kopiera den själv.',
      ),
    ).toBeInTheDocument();
    // The link is selected, with the focus in it, ready to be copied by hand.
    const input = screen.getByRole<HTMLInputElement>('textbox', {
      name: 'Länk till ditt resultat',
    });
    expect(input).toHaveFocus();
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
  });

  it('"Rensa mina svar" on the result page removes the result', async () => {
    const user = userEvent.setup();
    renderResults();
    answerAll(ANSWERS);
    await user.click(screen.getByRole('button', { name: 'Rensa mina svar' }));
    await user.click(screen.getByRole('button', { name: 'Ja, rensa' }));
    expect(useAnswers.getState().answers).toEqual({});
    expect(screen.getByText(/det finns inget resultat/)).toBeInTheDocument();
    expect(screen.getByText('Dina svar är borttagna från den här enheten.')).toBeInTheDocument();
  });
});
