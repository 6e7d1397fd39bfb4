// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CodingView } from './CodingView.tsx';
import { TEXT, viewProps as view } from './fixtures.ts';
import { renderCoding } from './render-coding.tsx';

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
    // The button is gone with the selection it used: focus stays on the quote, not the page.
    expect(screen.getByText(`Citat valt: ${TEXT.slice(start, end)}`).parentElement).toHaveFocus();
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

  it('highlights the search text and steps through its matches', async () => {
    const user = userEvent.setup();
    const { props } = view();
    await renderCoding(<CodingView {...props} />);
    await user.type(screen.getByRole('searchbox', { name: 'Sök i programmet' }), 'SKA  ha');
    const current = () => programmeText().querySelector('mark.coding-match-current')!;
    expect(programmeText().querySelectorAll('mark')).toHaveLength(1);
    expect(current().textContent).toBe('ska ha');
    await user.clear(screen.getByRole('searchbox', { name: 'Sök i programmet' }));
    await user.type(screen.getByRole('searchbox', { name: 'Sök i programmet' }), 'ska');
    expect(screen.getByText('2 träffar. Träff 1 av 2')).toBeInTheDocument();
    expect(current()).toHaveAttribute('data-offset', String(TEXT.indexOf('ska')));
    await user.click(screen.getByRole('button', { name: 'Nästa träff' }));
    expect(screen.getByText('2 träffar. Träff 2 av 2')).toBeInTheDocument();
    expect(current()).toHaveAttribute('data-offset', String(TEXT.lastIndexOf('ska')));
    await user.keyboard('{Enter}');
    expect(current()).toHaveAttribute('data-offset', String(TEXT.indexOf('ska')));
  });
});
