// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyStatus, useCopy } from './use-copy.tsx';

const TEXT = 'https://example.org/delat#1.demo.abc';

/** A read-only field, its copy button and the status line, as the app's copy buttons have them. */
function Harness({ inline }: { inline?: boolean }) {
  const field = useRef<HTMLInputElement>(null);
  const { state, copy } = useCopy();
  return (
    <>
      <label htmlFor="field">Länk</label>
      <input ref={field} id="field" readOnly value={TEXT} />
      <button type="button" onClick={() => void copy(TEXT, field.current)}>
        Kopiera
      </button>
      <CopyStatus state={state} copied="Kopierad." failed="Kopiera själv." inline={inline} />
    </>
  );
}

/** Gives the page a clipboard whose writeText does `write` (or no Clipboard API at all). */
function stubClipboard(write?: (text: string) => Promise<void>) {
  const clipboard = write ? { writeText: vi.fn(write) } : undefined;
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
  return clipboard;
}

const press = () =>
  act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Kopiera' }));
    await Promise.resolve();
  });

const field = () => screen.getByRole('textbox', { name: 'Länk' }) as HTMLInputElement;

/** Whether the whole of the field's text is selected, with the focus in it. */
const selectedWhole = (input: HTMLInputElement) =>
  document.activeElement === input &&
  input.selectionStart === 0 &&
  input.selectionEnd === input.value.length;

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

describe('useCopy and CopyStatus', () => {
  it('keeps an empty live region in the page before the first press', () => {
    stubClipboard(() => Promise.resolve());
    render(<Harness />);
    const status = screen.getByRole('status');
    expect(status.tagName).toBe('P');
    expect(status).toBeEmptyDOMElement();
  });

  it('copies the text and says so', async () => {
    const clipboard = stubClipboard(() => Promise.resolve());
    render(<Harness />);
    await press();
    expect(clipboard!.writeText).toHaveBeenCalledWith(TEXT);
    expect(screen.getByRole('status')).toHaveTextContent('Kopierad.');
    expect(selectedWhole(field())).toBe(false);
  });

  it('selects the text to copy by hand, and says so, when the clipboard refuses', async () => {
    const clipboard = stubClipboard(() => Promise.reject(new DOMException('denied')));
    render(<Harness />);
    await press();
    expect(clipboard!.writeText).toHaveBeenCalledWith(TEXT);
    expect(screen.getByRole('status')).toHaveTextContent('Kopiera själv.');
    expect(selectedWhole(field())).toBe(true);
  });

  it('selects the text to copy by hand, and says so, when there is no Clipboard API', async () => {
    stubClipboard();
    render(<Harness />);
    await press();
    expect(screen.getByRole('status')).toHaveTextContent('Kopiera själv.');
    expect(selectedWhole(field())).toBe(true);
  });

  it('says "copied" again after a failure once copying works', async () => {
    let allowed = false;
    stubClipboard(() => (allowed ? Promise.resolve() : Promise.reject(new Error('denied'))));
    render(<Harness />);
    await press();
    expect(screen.getByRole('status')).toHaveTextContent('Kopiera själv.');
    allowed = true;
    await press();
    expect(screen.getByRole('status')).toHaveTextContent('Kopierad.');
  });

  it('sits beside its button as an inline live region when asked', async () => {
    stubClipboard(() => Promise.resolve());
    render(<Harness inline />);
    expect(screen.getByRole('status').tagName).toBe('SPAN');
    await press();
    expect(screen.getByRole('status')).toHaveTextContent('Kopierad.');
  });
});
