// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CodingJson } from '../../../domain/workbench/api.ts';
import { CodingView } from './CodingView.tsx';
import { coding, OTHER_PARTY, STATEMENT, viewProps as view } from './fixtures.ts';
import { renderCoding } from './render-coding.tsx';

describe('CodingView: the coding, its state and the move to the next cell', () => {
  it('saves silence with no position and no quote', async () => {
    const user = userEvent.setup();
    const { props, onSave } = view({ coding: coding() });
    await renderCoding(<CodingView {...props} />);
    await user.click(screen.getByRole('radio', { name: 'Tyst' }));
    expect(screen.getByRole('radio', { name: 'Helt för' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Spara kodningen' }));
    expect(onSave).toHaveBeenCalledWith({ kind: 'silent', position: null, quote: null, note: '' });
  });

  it('warns when the quote was lost with a replaced programme, and asks for a new one', async () => {
    const user = userEvent.setup();
    const lost: CodingJson = coding({ quoteLost: true, quoteText: 'Vi vill ha fler familjehem' });
    const { props, onSave } = view({ coding: lost });
    await renderCoding(<CodingView {...props} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Programmet har bytts ut och citatet hittades inte igen. Välj citatet på nytt.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Vi vill ha fler familjehem');
    expect(screen.getByText('Inget citat valt.')).toBeInTheDocument();
    // The stored coding's position and kind stay; without a quote it is not saved.
    expect(screen.getByRole('radio', { name: 'Helt för' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Spara kodningen' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(
      screen.getByText(
        'Välj ett citat ur programmet för en uttalad eller underförstådd ståndpunkt.',
      ),
    ).toBeInTheDocument();
  });

  it('starts from the stored coding and its quote', async () => {
    const { props } = view({ coding: coding() });
    await renderCoding(<CodingView {...props} />);
    expect(
      screen.getByText('Citat valt: Vi vill bygga fler familjehem i kommunen'),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Uttalad' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Uttryckligt' })).toBeChecked();
  });

  it('shows the save state it is given', async () => {
    const { props } = view({ saveState: 'saving' });
    const { rerender } = await renderCoding(<CodingView {...props} />);
    expect(screen.getByRole('button', { name: 'Spara kodningen' })).toBeDisabled();
    expect(screen.getByText('Sparar …')).toBeInTheDocument();
    rerender(<CodingView {...props} saveState={{ error: 'Versionen har ändrats.' }} />);
    expect(screen.getByText('Kunde inte spara: Versionen har ändrats.')).toBeInTheDocument();
    rerender(<CodingView {...props} saveState="saved" />);
    expect(screen.getByText('Sparat.')).toBeInTheDocument();
  });

  it("moves focus to the new cell's heading and starts it afresh", async () => {
    const user = userEvent.setup();
    const { props } = view({ coding: coding() });
    const { rerender } = await renderCoding(<CodingView {...props} />);
    await user.click(screen.getByRole('button', { name: 'Nästa cell' }));
    rerender(
      <CodingView
        {...props}
        party={OTHER_PARTY}
        coding={null}
        progress={{ index: 13, total: 30 }}
      />,
    );
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading).toHaveTextContent(`Vänsterpartiet: ${STATEMENT.text.sv}`);
    expect(heading).toHaveFocus();
    expect(screen.getByText('Cell 13 av 30')).toBeInTheDocument();
    expect(screen.getByText('Inget citat valt.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Uttalad' })).not.toBeChecked();
  });

  it('codes a party without programme text only as silent', async () => {
    const { props } = view({ programme: null });
    await renderCoding(<CodingView {...props} />);
    expect(screen.getByText(/Partiet har ingen programtext ännu/u)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Tyst' })).toBeChecked();
    expect(screen.queryByRole('region', { name: 'Programtexten' })).toBeNull();
  });
});
