// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../domain/scoring/index.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { renderPage } from '../../test/render-app.tsx';
import { PartyDetail } from './PartyDetail.tsx';

const renderParty = (party: string) =>
  renderPage(<PartyDetail />, {
    path: `/resultat/parti/${party}`,
    route: '/resultat/parti/:party',
  });

const answerAll = (given: Readonly<Record<string, Answer>>) =>
  act(() => {
    for (const [id, answer] of Object.entries(given)) useAnswers.getState().answer(id, answer);
  });

/** For b: 84 % (79–96), contributions 8, 16, 16, 14 of 64. */
const ANSWERS: Readonly<Record<string, Answer>> = {
  'fler-bibliotek': 1,
  'kulturskola-avgift': 0.5,
  'balans-fore-satsningar': 1,
  'foreningsdrivna-bibliotek': 1,
};

/** The statement's entry, found by its heading. */
const entry = (text: string) =>
  within(screen.getByRole('heading', { level: 3, name: text }).closest('li')!);

/** The description after a term in an entry's description list. */
const described = (item: ReturnType<typeof entry>, term: string) =>
  item.getByText(term, { selector: 'dt' }).nextElementSibling!;

describe('PartyDetail', () => {
  it('names the party and links to its programme, its web page and back', () => {
    renderParty('b');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Betapartiet i Exempelby' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Programmets webbsida' })).toHaveAttribute(
      'href',
      'https://example.org/b',
    );
    expect(screen.getByRole('link', { name: 'Läs hela programmet' })).toHaveAttribute(
      'href',
      '/program/b',
    );
    expect(screen.getByRole('link', { name: 'Tillbaka till resultatet' })).toHaveAttribute(
      'href',
      '/resultat',
    );
  });

  it('says there is no result before anything is answered', () => {
    renderParty('b');
    expect(within(screen.getByRole('main')).getByRole('status')).toHaveTextContent(
      /det finns inget resultat/,
    );
    expect(screen.queryByText(/procentenheter/)).not.toBeInTheDocument();
  });

  it('sums up the match with its range and coverage', () => {
    renderParty('b');
    answerAll(ANSWERS);
    expect(
      screen.getByText(
        /^Ni stämmer överens till 84 % \(mellan 79 och 96 % om ett påstående tas bort\)\. Programmet tar ställning i 3 av dina 4 påståenden; där håller ni med varandra till 100 %\.$/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Påstående för påstående' }),
    ).toBeInTheDocument();
  });

  it('shows, statement by statement, your answer, the party’s position and the quote', () => {
    renderParty('b');
    answerAll(ANSWERS);
    act(() => useAnswers.getState().setImportant('kulturskola-avgift', true));

    const silent = entry('Kommunen ska bygga fler bibliotek.');
    expect(described(silent, 'Ditt svar')).toHaveTextContent(/^Helt för$/);
    expect(described(silent, 'B:s ståndpunkt')).toHaveTextContent(
      /^Programmet säger inget om detta$/,
    );
    expect(silent.queryByRole('blockquote')).not.toBeInTheDocument();
    expect(silent.queryByRole('link')).not.toBeInTheDocument();

    const fees = entry('Kulturskolan ska kosta pengar för eleverna.');
    expect(described(fees, 'Ditt svar')).toHaveTextContent(/^Delvis för \(viktigt för mig\)$/);
    expect(described(fees, 'B:s ståndpunkt')).toHaveTextContent(/^Delvis för · uttryckligt$/);
    expect(fees.getByRole('blockquote')).toHaveTextContent(
      /^Kulturskolan ska finansieras delvis med avgifter\.$/,
    );
    expect(fees.getByRole('blockquote')).toHaveAttribute('lang', 'sv');
    expect(fees.getByRole('link', { name: 'Visa citatet i programmet' })).toHaveAttribute(
      'href',
      '/program/b#kulturskola-avgift',
    );

    const associations = entry('Föreningar ska driva fler av kommunens bibliotek.');
    expect(described(associations, 'B:s ståndpunkt')).toHaveTextContent(
      /^Helt för · uttryckligt men allmänt$/,
    );
    expect(associations.getByRole('link', { name: 'Visa citatet i programmet' })).toHaveAttribute(
      'href',
      '/program/b#foreningsdrivna-bibliotek',
    );
  });

  it('gives each statement’s contribution in procentenheter, adding up to the percent', () => {
    renderParty('b');
    answerAll(ANSWERS);
    const contributions = screen
      .getAllByText(/procentenheter$/, { selector: 'dd' })
      .map((dd) => Number(dd.textContent!.replace('\u00a0procentenheter', '').replace(',', '.')));
    expect(contributions).toHaveLength(4);
    expect(contributions[0]).toBeCloseTo(12.5, 1);
    expect(contributions[1]).toBeCloseTo(25, 1);
    expect(Math.round(contributions.reduce((a, b) => a + b, 0))).toBe(84);
    expect(
      described(entry('Kulturskolan ska kosta pengar för eleverna.'), 'Bidrag'),
    ).toHaveTextContent(/^25[.,]0 procentenheter$/);
  });

  // Regression test for a bug found in review (now fixed).
  it('writes contributions with a Swedish decimal comma', () => {
    renderParty('b');
    answerAll(ANSWERS);
    expect(described(entry('Kommunen ska bygga fler bibliotek.'), 'Bidrag')).toHaveTextContent(
      '12,5 procentenheter',
    );
  });

  it('leaves skipped statements out', () => {
    renderParty('b');
    answerAll({ ...ANSWERS, 'fler-bibliotek': 'skip' });
    expect(
      screen.queryByRole('heading', { level: 3, name: 'Kommunen ska bygga fler bibliotek.' }),
    ).not.toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(3);
  });

  it('works for a party without a rank', () => {
    renderParty('a');
    answerAll(ANSWERS);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Alfapartiet i Exempelby' }),
    ).toBeVisible();
    expect(screen.getByText(/^Ni stämmer överens till 56 %/)).toBeInTheDocument();
    const libraries = entry('Kommunen ska bygga fler bibliotek.');
    expect(described(libraries, 'A:s ståndpunkt')).toHaveTextContent(/^Helt för · uttryckligt$/);
    expect(libraries.getByRole('link', { name: 'Visa citatet i programmet' })).toHaveAttribute(
      'href',
      '/program/a#fler-bibliotek',
    );
  });

  it('shows the not-found page for an unknown party', () => {
    renderParty('okand');
    expect(screen.getByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Till startsidan' })).toHaveAttribute('href', '/');
  });
});
