import type { Span } from './programme-segments.ts';

/**
 * Maps the browser's selection over a rendered programme back to offsets of its raw text. The
 * container holds only runs (`[data-offset]`, one text node each, the text's own characters from
 * that offset), so a boundary point inside a run is its offset plus the point's, and a point
 * between elements is the start of the run after it (or the end of the one before).
 */
export function selectionOffsets(container: HTMLElement, selection: Selection | null): Span | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  const start = pointOffset(container, range.startContainer, range.startOffset);
  const end = pointOffset(container, range.endContainer, range.endOffset);
  return start < end ? { start, end } : null;
}

const runs = (container: HTMLElement) => [
  ...container.querySelectorAll<HTMLElement>('[data-offset]'),
];

const runStart = (run: Element) => Number(run.getAttribute('data-offset'));
const runEnd = (run: Element) => runStart(run) + (run.textContent ?? '').length;

/** The text's length: the end of the last run. */
const textEnd = (container: HTMLElement) => {
  const all = runs(container);
  return all.length === 0 ? 0 : runEnd(all[all.length - 1]!);
};

function pointOffset(container: HTMLElement, node: Node, offset: number): number {
  if (!container.contains(node)) {
    // A selection dragged past the text: clamp to its start or end.
    const before = node.compareDocumentPosition(container) & Node.DOCUMENT_POSITION_FOLLOWING;
    return before ? 0 : textEnd(container);
  }
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest('[data-offset]');
    return run ? runStart(run) + offset : 0;
  }
  // An element boundary: before its child at `offset`, or after its last child.
  const child = node.childNodes[offset];
  if (child) {
    const run =
      child instanceof Element
        ? child.matches('[data-offset]')
          ? child
          : child.querySelector('[data-offset]')
        : child.parentElement?.closest('[data-offset]');
    if (run) return runStart(run);
  }
  const element = node as Element;
  const last = element.matches('[data-offset]')
    ? element
    : [...element.querySelectorAll('[data-offset]')].pop();
  return last ? runEnd(last) : textEnd(container);
}
