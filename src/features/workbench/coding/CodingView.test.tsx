// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CodingBody, CodingJson } from '../../../domain/workbench/api.ts';
import { CodingView, type CodingViewProps } from './CodingView.tsx';
import { coding, OTHER_PARTY, PARTY, PROGRAMME, STATEMENT, TEXT } from './fixtures.ts';
import { renderCoding } from './render-coding.tsx';

function view(over: Partial<CodingViewProps> = {}) {
  const onSave = vi.fn<(body: CodingBody) => void>();
  const props: CodingViewProps = {
    statement: STATEMENT,
    party: PARTY,
    programme: PROGRAMME,
    coding: null,
    saveState: 'idle',
    onSave,
    progress: { index: 12, total: 30 },
    onPrevious: () => {},
    onNext: () => {},
    ...over,
  };
  return { props, onSave };
}

const programmeText = () => screen.getByRole('region', { name: 'Programtexten' });

/** The text node and local offset where `text` begins inside the run that holds it. */
function pointAt(text: string, from: 'start' | 'end') {
  const run = [...programmeText().querySelectorAll('[data-offset]')].find((r) =>
    r.textContent!.includes(text),
  )!;
  const local = run.textContent!.indexOf(text) + (from === 'end' ? text.length : 0);
  return { node: run.firstChild!, offset: local };
}

/** Selects from the start of `first` to the end of `last` (each within one run), as a drag does. */
function select(first: string, last: string) {
  const a = pointAt(first, 'start');
  const b = pointAt(last, 'end');
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  fireEvent.mouseUp(programmeText());
}

describe('CodingView', () => {
  it('turns a selection over several runs into the quote at exactly its offsets', async () => {
    const user = userEvent.setup();
    const { props, onSave } = view();
    await renderCoding(<CodingView {...props} />);
    expect(screen.getByText('Cell 12 av 30')).toBeInTheDocument();
    // A search cuts the text into more runs: the selection then crosses marks.
    await user.type(screen.getByRole('searchbox', { name: 'Sök i programmet' }), 'familjehem');
    expect(programmeText().querySelectorAll('mark')).toHaveLength(1);
    select('bygga fler', 'i kommunen.');
    const start = TEXT.indexOf('bygga fler');
    const end = TEXT.indexOf('i kommunen.') + 'i kommunen.'.length;
    await user.click(screen.getByRole('button', { name: 'Använd markeringen som citat' }));
    expect(screen.getByText(`Citat valt: ${TEXT.slice(start, end)}`)).toHaveAttribute(
      'role',
      'status',
    );
    await user.click(screen.getByRole('radio', { name: 'Uttalad' }));
    await user.click(screen.getByRole('radio', { name: 'Helt för' }));
    await user.type(screen.getByRole('textbox', { name: 'Anteckning' }), 'Ett löfte.');
    await user.click(screen.getByRole('button', { name: 'Spara kodningen' }));
    expect(onSave).toHaveBeenCalledWith({
      kind: 'stated',
      position: 1,
      confidence: 'explicit',
      quote: { start, end },
      note: 'Ett löfte.',
    });
  });

  it('maps a selection whose ends lie between elements, trimming the whitespace around it', async () => {
    const user = userEvent.setup();
    const { props, onSave } = view();
    await renderCoding(<CodingView {...props} />);
    const runs = [...programmeText().querySelectorAll('[data-offset]')];
    // The runs: boilerplate, the text up to "Bli medlem" (line breaks around it), boilerplate, text.
    expect(runs.map((r) => r.getAttribute('data-offset'))).toEqual(['0', '16', '96', '106']);
    const range = document.createRange();
    range.setStart(programmeText(), 1);
    range.setEnd(runs[1]!, 1);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    fireEvent.mouseUp(programmeText());
    await user.click(screen.getByRole('button', { name: 'Använd markeringen som citat' }));
    await user.click(screen.getByRole('radio', { name: 'Uttalad' }));
    await user.click(screen.getByRole('radio', { name: 'Uttryckligt men allmänt' }));
    await user.click(screen.getByRole('radio', { name: 'Delvis för' }));
    await user.click(screen.getByRole('button', { name: 'Spara kodningen' }));
    const quoted = TEXT.slice(16, 96).trim();
    expect(onSave).toHaveBeenCalledWith({
      kind: 'stated',
      position: 0.5,
      confidence: 'general',
      quote: { start: 17, end: 17 + quoted.length },
      note: '',
    });
    expect(TEXT.slice(17, 17 + quoted.length)).toBe(
      'Vi vill bygga fler familjehem i kommunen. Barn ska alltid ha tak över huvudet.',
    );
  });

  it('refuses a selection that touches boilerplate, saying why', async () => {
    const { props } = view();
    await renderCoding(<CodingView {...props} />);
    select('Bli medlem', 'tillräckliga resurser');
    expect(
      screen.getByText(/Markeringen rör text som inte är programinnehåll/u),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Använd markeringen som citat' })).toBeNull();
    expect(screen.getByText('Inget citat valt.')).toBeInTheDocument();
  });

  it('chooses a sentence from the keyboard: search, arrow keys, Enter', async () => {
    const user = userEvent.setup();
    const { props, onSave } = view();
    await renderCoding(<CodingView {...props} />);
    await user.type(screen.getByRole('searchbox', { name: 'Sök i programmet' }), 'ska');
    await user.keyboard('{ArrowDown}');
    const list = screen.getByRole('listbox', { name: 'Meningar med sökordet' });
    expect(list).toHaveFocus();
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Barn ska alltid ha tak över huvudet.',
      'Socialtjänsten ska ha tillräckliga resurser för sitt arbete.',
    ]);
    await user.keyboard('{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{Enter}');
    const sentence = 'Barn ska alltid ha tak över huvudet.';
    expect(screen.getByText(`Citat valt: ${sentence}`)).toHaveAttribute('role', 'status');
    await user.click(screen.getByRole('radio', { name: 'Underförstådd' }));
    await user.click(screen.getByRole('radio', { name: 'Delvis för' }));
    await user.click(screen.getByRole('button', { name: 'Spara kodningen' }));
    const start = TEXT.indexOf(sentence);
    expect(onSave).toHaveBeenCalledWith({
      kind: 'implied',
      position: 0.5,
      quote: { start, end: start + sentence.length },
      note: '',
    });
  });

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
