// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { boilerplateRanges } from '../../../domain/workbench/quotes.ts';
import { renderCoding } from './render-coding.tsx';
import { MAX_SHOWN, SentencePicker } from './SentencePicker.tsx';

describe('SentencePicker', () => {
  it('lists quotable sentences only, at most MAX_SHOWN, and says how to narrow', async () => {
    const text = [
      'Kort ska.',
      'Dela ska du göra här',
      ...Array.from({ length: 60 }, (_, i) => `Mening ${i + 1} ska vara lång nog.`),
    ].join('\n');
    await renderCoding(
      <SentencePicker
        text={text}
        boilerplate={boilerplateRanges(text, ['Dela ska du göra här'])}
        query="ska"
        onChoose={() => {}}
      />,
    );
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options).toHaveLength(MAX_SHOWN);
    expect(options[0]).toHaveTextContent('Mening 1 ska vara lång nog.');
    expect(
      screen.getByText('Visar de 50 första av 60 meningar. Sök på fler ord för att få färre.'),
    ).toBeInTheDocument();
  });

  it('chooses with Home, End and Enter, and by a click', async () => {
    const user = userEvent.setup();
    const onChoose = vi.fn();
    const text = 'Första meningen är här. Andra meningen är här. Tredje meningen är här.';
    await renderCoding(
      <SentencePicker text={text} boilerplate={[]} query="meningen" onChoose={onChoose} />,
    );
    screen.getByRole('listbox').focus();
    await user.keyboard('{End}{Enter}');
    expect(onChoose).toHaveBeenLastCalledWith({
      start: 47,
      end: 70,
      text: 'Tredje meningen är här.',
    });
    await user.keyboard('{Home}{Enter}');
    expect(onChoose).toHaveBeenLastCalledWith({
      start: 0,
      end: 23,
      text: 'Första meningen är här.',
    });
    await user.click(screen.getByRole('option', { name: 'Andra meningen är här.' }));
    expect(onChoose).toHaveBeenLastCalledWith({
      start: 24,
      end: 46,
      text: 'Andra meningen är här.',
    });
  });
});
