// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type {
  DecisionBody,
  DecisionJson,
  DecisionLogEntry,
} from '../../../domain/workbench/api.ts';
import { AGREEMENT, B_QUOTE, OTHER_PARTY, PARTY, STATEMENT, TEXT } from './fixtures.ts';
import { ReconcileView, type ReconcileViewProps } from './ReconcileView.tsx';
import { renderCoding } from './render-coding.tsx';

const NB = '\u00a0';
function view(over: Partial<ReconcileViewProps> = {}) {
  const onDecide = vi.fn<(statement: string, party: string, body: DecisionBody) => void>();
  const props: ReconcileViewProps = {
    agreement: AGREEMENT,
    statements: [STATEMENT],
    parties: [PARTY, OTHER_PARTY],
    decisions: [],
    log: [],
    onDecide,
    ...over,
  };
  return { props, onDecide };
}

describe('ReconcileView', () => {
  it('shows percent and Cohen’s κ for direction and position, the cells, and κ in words', async () => {
    const { props } = view();
    await renderCoding(<ReconcileView {...props} />);
    const table = screen.getByRole('table', { name: 'Överensstämmelse mellan Anna och Bo' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Mått', 'Samma', 'Cohens κ'],
      ['Riktning (för, emot, neutral eller tyst)', `90,0${NB}%`, '0,800'],
      ['Exakt position', `80,0${NB}%`, '0,615'],
    ]);
    expect(screen.getByText('Räknat på 10 celler som båda kodat.')).toBeInTheDocument();
    expect(screen.getByText('Bara Anna har kodat 1, bara Bo har kodat 0.')).toBeInTheDocument();
    expect(screen.getByText(/^Cohens κ är andelen samma svar/u)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '1 oenighet' })).toBeInTheDocument();
  });

  it('shows “–” for figures that cannot be measured', async () => {
    const none = { percent: null, kappa: null };
    const { props } = view({
      agreement: { ...AGREEMENT, cells: 0, direction: none, position: none, disagreements: [] },
    });
    await renderCoding(<ReconcileView {...props} />);
    expect(screen.getAllByRole('cell').map((c) => c.textContent)).toEqual(['–', '–', '–', '–']);
    expect(screen.getByText('Kodarna är eniga i alla celler som båda kodat.')).toBeInTheDocument();
  });

  it('shows the two codings side by side and takes one with a reason', async () => {
    const user = userEvent.setup();
    const { props, onDecide } = view();
    await renderCoding(<ReconcileView {...props} />);
    const item = screen.getByRole('listitem', { name: `Miljöpartiet: ${STATEMENT.text.sv}` });
    expect(within(item).getByRole('heading', { name: 'Kodare Anna' })).toBeInTheDocument();
    expect(item).toHaveTextContent('Helt för · Uttalad (uttryckligt)');
    expect(item).toHaveTextContent('Delvis för · Underförstådd');
    expect(item).toHaveTextContent('Anteckning: Ett löfte.');
    expect(within(item).getByText('Barn ska alltid ha tak över huvudet.')).toBeInTheDocument();
    await user.click(within(item).getByRole('radio', { name: 'Ta kodningen från Bo' }));
    await user.type(within(item).getByRole('textbox', { name: /Skäl/u }), 'B:s citat räcker.');
    await user.click(within(item).getByRole('button', { name: 'Spara beslutet' }));
    expect(onDecide).toHaveBeenCalledWith(STATEMENT.id, PARTY.id, {
      position: 0.5,
      kind: 'implied',
      quotes: [B_QUOTE],
      note: '',
      reason: 'B:s citat räcker.',
    });
  });

  it('refuses a decision without a reason', async () => {
    const user = userEvent.setup();
    const { props, onDecide } = view();
    await renderCoding(<ReconcileView {...props} />);
    await user.click(screen.getByRole('radio', { name: 'Ta kodningen från Anna' }));
    await user.type(screen.getByRole('textbox', { name: /Skäl/u }), '   ');
    await user.click(screen.getByRole('button', { name: 'Spara beslutet' }));
    expect(onDecide).not.toHaveBeenCalled();
    const reason = screen.getByRole('textbox', { name: /Skäl/u });
    expect(reason).toHaveFocus();
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription(
      'Skriv varför du beslutar så: skälet sparas i beslutsloggen.',
    );
  });

  it('makes an own coding from the two coders’ quotes', async () => {
    const user = userEvent.setup();
    const { props, onDecide } = view();
    await renderCoding(<ReconcileView {...props} />);
    await user.click(screen.getByRole('radio', { name: 'Egen kodning' }));
    await user.click(screen.getByRole('radio', { name: 'Uttalad' }));
    await user.click(screen.getByRole('radio', { name: 'Uttryckligt men allmänt' }));
    await user.click(screen.getByRole('radio', { name: 'Delvis för' }));
    await user.click(screen.getByRole('checkbox', { name: /^Kodare Anna/u }));
    await user.click(screen.getByRole('checkbox', { name: /^Kodare Bo/u }));
    await user.type(screen.getByRole('textbox', { name: /Skäl/u }), 'Båda citaten behövs.');
    await user.click(screen.getByRole('button', { name: 'Spara beslutet' }));
    expect(onDecide).toHaveBeenCalledWith(STATEMENT.id, PARTY.id, {
      position: 0.5,
      kind: 'stated',
      confidence: 'general',
      quotes: [{ start: 17, end: 57 }, B_QUOTE],
      note: '',
      reason: 'Båda citaten behövs.',
    });
  });

  it('marks a decided cell with the decision, who made it and why, keeping focus on the form', async () => {
    const user = userEvent.setup();
    const decision: DecisionJson = {
      statement: STATEMENT.id,
      party: PARTY.id,
      position: 1,
      kind: 'stated',
      confidence: 'explicit',
      quotes: [{ start: 17, end: 57, text: TEXT.slice(17, 57), lost: false }],
      note: '',
      reason: 'A:s citat är ett löfte.',
      version: 1,
      updated: '2026-12-02T09:30:00.000Z',
    };
    const entry: DecisionLogEntry = {
      statement: STATEMENT.id,
      party: PARTY.id,
      role: 'editor',
      at: '2026-12-02T09:30:00.000Z',
      reason: 'A:s citat är ett löfte.',
      position: 1,
      kind: 'stated',
    };
    const older = { ...entry, at: '2026-12-01T09:30:00.000Z', reason: 'Ett äldre skäl.' };
    const { props } = view({ log: [older] });
    const { rerender } = await renderCoding(<ReconcileView {...props} />);
    await user.click(screen.getByRole('radio', { name: 'Ta kodningen från Anna' }));
    await user.type(screen.getByRole('textbox', { name: /Skäl/u }), entry.reason);
    await user.click(screen.getByRole('button', { name: 'Spara beslutet' }));
    rerender(<ReconcileView {...props} decisions={[decision]} log={[entry, older]} />);
    expect(screen.getByText('Avgjord: Helt för, Uttalad (uttryckligt)')).toBeInTheDocument();
    expect(
      screen.getByText(/^Beslutat av redaktören .+: A:s citat är ett löfte\.$/u),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Ett äldre skäl/u)).toBeNull();
    expect(screen.getByRole('button', { name: 'Spara beslutet' })).toHaveFocus();
  });
});
