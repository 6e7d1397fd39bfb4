// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { selectionOffsets } from './selection-offsets.ts';

/** A page with a paragraph before and after a rendered text of runs starting at `starts`. */
function page(text: string, starts: readonly number[]) {
  document.body.innerHTML = '<p id="before">Före</p><div id="text"></div><p id="after">Efter</p>';
  const container = document.getElementById('text')!;
  starts.forEach((start, i) => {
    const run = document.createElement(i % 2 ? 'mark' : 'span');
    run.dataset.offset = String(start);
    run.textContent = text.slice(start, starts[i + 1] ?? text.length);
    container.append(run);
  });
  return container;
}

function select(from: [Node, number], to: [Node, number]) {
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

const TEXT = 'Första stycket.\nAndra stycket.';

afterEach(() => document.getSelection()!.removeAllRanges());

describe('selectionOffsets', () => {
  it('adds a point inside a run to the run’s offset', () => {
    const box = page(TEXT, [0, 7, 14, 20]);
    const runs = box.children;
    const selection = select([runs[1]!.firstChild!, 2], [runs[3]!.firstChild!, 3]);
    expect(selectionOffsets(box, selection)).toEqual({ start: 9, end: 23 });
    expect(TEXT.slice(9, 23)).toBe(selection.toString());
  });

  it('clamps a selection dragged past the text to its start and end', () => {
    const box = page(TEXT, [0, 7]);
    const before = document.getElementById('before')!.firstChild!;
    const after = document.getElementById('after')!.firstChild!;
    expect(selectionOffsets(box, select([before, 1], [after, 2]))).toEqual({
      start: 0,
      end: TEXT.length,
    });
  });

  it('reads points between elements as the next run’s start or the last run’s end', () => {
    const box = page(TEXT, [0, 7, 14]);
    expect(selectionOffsets(box, select([box, 1], [box, 3]))).toEqual({ start: 7, end: 30 });
    expect(selectionOffsets(box, select([box.children[0]!, 1], [box, 2]))).toEqual({
      start: 7,
      end: 14,
    });
  });

  it('is null for nothing selected, or a selection elsewhere', () => {
    const box = page(TEXT, [0]);
    expect(selectionOffsets(box, null)).toBeNull();
    const run = box.firstChild!.firstChild!;
    expect(selectionOffsets(box, select([run, 3], [run, 3]))).toBeNull();
    const before = document.getElementById('before')!.firstChild!;
    expect(selectionOffsets(box, select([before, 0], [before, 2]))).toBeNull();
  });
});
