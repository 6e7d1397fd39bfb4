// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useAnswers } from '../../state/answers-store.ts';
import { demoCompass, renderPage } from '../../test/render-app.tsx';
import { ReviewPage } from './ReviewPage.tsx';

const [first, second, third, fourth] = demoCompass.statements;

const renderReview = () => renderPage(<ReviewPage />, { path: '/granska', route: '/granska' });

/** The review row of a statement, found by its linked text. */
const row = (text: string) => within(screen.getByRole('link', { name: text }).closest('li')!);

const store = () => useAnswers.getState();

describe('ReviewPage', () => {
  it('lists every statement, linked to its quiz page, with a select labelled "Ditt svar"', () => {
    renderReview();
    expect(screen.getByRole('heading', { level: 1, name: 'Granska dina svar' })).toBeVisible();
    expect(screen.getAllByRole('combobox', { name: 'Ditt svar' })).toHaveLength(4);
    demoCompass.statements.forEach((s, i) => {
      expect(screen.getByRole('link', { name: s.text.sv })).toHaveAttribute(
        'href',
        `/fraga/${i + 1}`,
      );
      expect(row(s.text.sv).getByRole('combobox', { name: 'Ditt svar' })).toHaveDisplayValue(
        'Inte besvarat',
      );
    });
  });

  it('offers the five answers and "Hoppa över" in each select', () => {
    renderReview();
    const select = row(first!.text.sv).getByRole('combobox', { name: 'Ditt svar' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Inte besvarat',
      'Helt för',
      'Delvis för',
      'Varken för eller emot',
      'Delvis emot',
      'Helt emot',
      'Hoppa över',
    ]);
  });

  it('shows stored answers and counts only real answers in the intro', () => {
    renderReview();
    act(() => {
      store().answer(first!.id, -0.5);
      store().answer(second!.id, 'skip');
      store().answer(third!.id, 0);
    });
    expect(screen.getByText(/^Du har svarat på 2 av 4 påståenden\./)).toBeInTheDocument();
    expect(row(first!.text.sv).getByRole('combobox')).toHaveDisplayValue('Delvis emot');
    expect(row(second!.text.sv).getByRole('combobox')).toHaveDisplayValue('Hoppa över');
    expect(row(third!.text.sv).getByRole('combobox')).toHaveDisplayValue('Varken för eller emot');
    // "Inte besvarat" is only there while the statement is unanswered.
    expect(
      within(row(first!.text.sv).getByRole('combobox')).queryByRole('option', {
        name: 'Inte besvarat',
      }),
    ).not.toBeInTheDocument();
  });

  it('changing a select updates the store', async () => {
    const user = userEvent.setup();
    renderReview();
    await user.selectOptions(
      row(second!.text.sv).getByRole('combobox', { name: 'Ditt svar' }),
      'Delvis för',
    );
    expect(store().answers[second!.id]).toEqual({ answer: 0.5 });
    await user.selectOptions(row(second!.text.sv).getByRole('combobox'), 'Helt emot');
    expect(store().answers[second!.id]).toEqual({ answer: -1 });
    await user.selectOptions(row(second!.text.sv).getByRole('combobox'), 'Hoppa över');
    expect(store().answers[second!.id]).toEqual({ answer: 'skip' });
    expect(screen.getByText(/^Du har svarat på 0 av 4 påståenden\./)).toBeInTheDocument();
  });

  it('disables importance for unanswered and skipped statements', () => {
    renderReview();
    act(() => {
      store().answer(first!.id, 1);
      store().answer(second!.id, 'skip');
    });
    expect(row(first!.text.sv).getByRole('checkbox', { name: 'Viktigt för mig' })).toBeEnabled();
    expect(row(second!.text.sv).getByRole('checkbox', { name: 'Viktigt för mig' })).toBeDisabled();
    expect(row(fourth!.text.sv).getByRole('checkbox', { name: 'Viktigt för mig' })).toBeDisabled();
  });

  it('marks an answered statement as important, and skipping drops it', async () => {
    const user = userEvent.setup();
    renderReview();
    act(() => {
      store().answer(third!.id, 0.5);
    });
    const important = row(third!.text.sv).getByRole('checkbox', { name: 'Viktigt för mig' });
    await user.click(important);
    expect(important).toBeChecked();
    expect(store().answers[third!.id]).toEqual({ answer: 0.5, important: true });
    await user.selectOptions(row(third!.text.sv).getByRole('combobox'), 'Hoppa över');
    expect(store().answers[third!.id]).toEqual({ answer: 'skip' });
    expect(important).not.toBeChecked();
    expect(important).toBeDisabled();
  });

  it('compares with every party by default', () => {
    renderReview();
    const parties = screen.getByRole('group', { name: 'Jämför med' });
    const boxes = within(parties).getAllByRole('checkbox');
    expect(boxes.map((b) => b.parentElement!.textContent)).toEqual([
      'Alfapartiet (Exempelby)',
      'Betapartiet (Exempelby)',
    ]);
    for (const box of boxes) {
      expect(box).toBeChecked();
      expect(box).toBeEnabled();
    }
    expect(store().parties).toBeNull();
  });

  it('unchecking a party stores the filter; the last one cannot be unchecked', async () => {
    const user = userEvent.setup();
    renderReview();
    const parties = screen.getByRole('group', { name: 'Jämför med' });
    const alfa = within(parties).getByRole('checkbox', { name: 'Alfapartiet (Exempelby)' });
    const beta = within(parties).getByRole('checkbox', { name: 'Betapartiet (Exempelby)' });
    await user.click(beta);
    expect(beta).not.toBeChecked();
    expect(store().parties).toEqual(['a']);
    expect(alfa).toBeChecked();
    expect(alfa).toBeDisabled();
    await user.click(alfa);
    expect(alfa).toBeChecked();
    expect(store().parties).toEqual(['a']);
    await user.click(beta);
    expect(store().parties).toBeNull();
    expect(alfa).toBeEnabled();
  });

  it('links to the result and offers to clear the answers', () => {
    renderReview();
    expect(screen.getByRole('link', { name: 'Se ditt resultat' })).toHaveAttribute(
      'href',
      '/resultat',
    );
    expect(screen.getByRole('button', { name: 'Rensa mina svar' })).toBeInTheDocument();
  });
});
