// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ScoredVoter } from '../../domain/scoring/index.ts';
import { scoreVoter } from '../../domain/scoring/index.ts';
import { createI18n, switchLanguage } from '../../i18n/i18n.ts';
import { demoCompass } from '../../test/render-app.tsx';
import { MethodComparison } from './MethodComparison.tsx';
import { ThemeProfile } from './ThemeProfile.tsx';

/*
 * On a narrow screen both tables reflow into one block per row (app.css, `.reflow`), with each
 * value preceded by a label drawn from the cell's data-label. These tests hold what must survive
 * that: a real table with a caption, every data cell under a column header (scope="col") and in
 * a row with a row header (scope="row"), the visible label saying the same as the column header,
 * and the cell's own text (what a screen reader reads as the cell) without the label in it.
 */

/** b ranked first; a unranked (only 2 stated positions). */
const result = scoreVoter(demoCompass, {
  answers: {
    'fler-bibliotek': { answer: 1 },
    'kulturskola-avgift': { answer: 0.5 },
    'balans-fore-satsningar': { answer: 1 },
    'foreningsdrivna-bibliotek': { answer: 1 },
  },
}) as ScoredVoter;

function renderIn(element: ReactElement) {
  const i18n = createI18n();
  render(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
  return i18n;
}

/** Each body cell with its column header (by position in the header row) and row header. */
function cellsOf(table: HTMLElement) {
  const headers = within(table).getAllByRole('columnheader');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .flatMap((row) => {
      const rowHeader = within(row).getByRole('rowheader');
      const cells = within(row).getAllByRole('cell') as HTMLTableCellElement[];
      return cells.map((cell) => ({
        cell,
        rowHeader,
        column: headers[cell.cellIndex]!,
      }));
    });
}

const name = (id: string) => {
  const party = demoCompass.parties.find((p) => p.id === id)!;
  return `${party.name} (${party.municipality})`;
};

describe('the methods table', () => {
  it('labels every value with its column header, for sighted readers and screen readers alike', () => {
    renderIn(<MethodComparison compass={demoCompass} result={result} />);
    const table = screen.getByRole('table', { name: 'Procent och placering under tre räknesätt' });
    expect(table.closest('.reflow')).not.toBeNull();
    const cells = cellsOf(table);
    expect(cells).toHaveLength(3 * result.parties.length);
    for (const { cell, rowHeader, column } of cells) {
      expect(column).toHaveAttribute('scope', 'col');
      expect(rowHeader).toHaveAttribute('scope', 'row');
      expect(cell).toHaveAttribute('data-label', column.textContent);
      // The label is generated content only: the cell itself holds just the value.
      expect(cell.textContent).toMatch(/^\d+\u00a0% \((\d+\.|ingen placering)\)$/);
    }
    expect(cells.map((c) => `${c.rowHeader.textContent} | ${c.cell.dataset.label}`)).toEqual(
      ['b', 'a'].flatMap((id) =>
        ['Standard', 'Bara där programmet tar ställning', 'Wahl-O-Mat'].map(
          (method) => `${name(id)} | ${method}`,
        ),
      ),
    );
  });

  it('labels the values in the reader’s language (Arabic)', async () => {
    const i18n = createI18n();
    await switchLanguage(i18n, 'ar');
    render(
      <I18nextProvider i18n={i18n}>
        <MethodComparison compass={demoCompass} result={result} />
      </I18nextProvider>,
    );
    const table = screen.getByRole('table', { name: i18n.t('results.methods.caption') });
    for (const { cell, column } of cellsOf(table)) {
      expect(column.textContent).not.toBe('');
      expect(cell).toHaveAttribute('data-label', column.textContent);
    }
    expect(within(table).getAllByRole('columnheader')[1]).toHaveTextContent(
      i18n.t('results.methods.default'),
    );
  });
});

describe('the theme table', () => {
  it('labels every value with its party, whose short column header carries the full name', async () => {
    const user = userEvent.setup();
    renderIn(<ThemeProfile compass={demoCompass} result={result} />);
    await user.click(screen.getByText('Visa alla partier som tabell'));
    const table = screen.getByRole('table', { name: 'Matchning per tema och parti, i procent' });
    expect(table.closest('.reflow')).not.toBeNull();
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((th) => th.textContent)).toEqual(['Tema', 'B', 'A']);
    const cells = cellsOf(table);
    expect(cells).toHaveLength(2 * result.parties.length);
    for (const { cell, rowHeader, column } of cells) {
      expect(column).toHaveAttribute('scope', 'col');
      expect(rowHeader).toHaveAttribute('scope', 'row');
      const abbr = column.querySelector('abbr');
      expect(abbr).not.toBeNull();
      // The stacked layout names the party in full; the column header's abbreviation does too.
      expect(cell).toHaveAttribute('data-label', abbr!.title);
      expect(cell.textContent).toMatch(/^(\d+\u00a0%|–)$/);
    }
    expect(cells.map((c) => `${c.rowHeader.textContent} | ${c.cell.dataset.label}`)).toEqual([
      `Kultur | ${name('b')}`,
      `Kultur | ${name('a')}`,
      `Ekonomi | ${name('b')}`,
      `Ekonomi | ${name('a')}`,
    ]);
  });

  it('follows a change of language', async () => {
    const user = userEvent.setup();
    const i18n = renderIn(<ThemeProfile compass={demoCompass} result={result} />);
    await act(() => switchLanguage(i18n, 'en'));
    await user.click(screen.getByText(i18n.t('results.themes.table')));
    const table = screen.getByRole('table', { name: i18n.t('results.themes.tableCaption') });
    expect(within(table).getAllByRole('columnheader')[0]).toHaveTextContent(
      i18n.t('results.themes.theme'),
    );
    for (const { cell, column } of cellsOf(table))
      expect(cell).toHaveAttribute('data-label', column.querySelector('abbr')!.title);
  });
});
