import type { ExtractedText } from './types.ts';

/** Never text of the programme: code, styles, and the site's navigation, header and footer. */
const DROPPED = new Set([
  ...['head', 'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer'],
  ...['svg', 'math', 'iframe', 'object', 'canvas', 'button', 'select', 'input', 'textarea'],
]);

/** Elements that stand on lines of their own: each makes a paragraph of its inline text. */
const BLOCKS = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog'],
  ...['div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4'],
  ...['h5', 'h6', 'hgroup', 'hr', 'legend', 'li', 'main', 'ol', 'p', 'pre', 'section'],
  ...['summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul'],
]);

/** Table cells: their text is separated by a space, the row is the paragraph. */
const CELLS = new Set(['td', 'th']);

/** Stands for a <br> until the paragraph's spaces are collapsed. */
const BREAK = '\u2028';

function hidden(element: Element): boolean {
  return (
    element.hasAttribute('hidden') ||
    element.getAttribute('aria-hidden') === 'true' ||
    /display\s*:\s*none|visibility\s*:\s*hidden/iu.test(element.getAttribute('style') ?? '')
  );
}

interface Block {
  readonly text: string;
  readonly item: boolean;
}

/**
 * The visible text of an HTML page's block elements, as the bank keeps programmes: a paragraph a
 * line, a blank line between paragraphs, list items one to a line; scripts, styles, navigation,
 * header, footer and hidden elements dropped. Whitespace collapses as a browser shows it (ASCII
 * whitespace only: no-break spaces stay), and <br> is a line break. Needs DOMParser (a browser, or
 * jsdom in the tests).
 */
export function extractHtmlText(html: string): ExtractedText {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const blocks: Block[] = [];
  let buffer = '';
  let bufferItem = false;
  let bufferPre = false;

  const flush = () => {
    const text = bufferPre
      ? buffer.replace(/^\n|\n$/gu, '')
      : buffer
          .replace(/[ \t\n\f\r]+/gu, ' ')
          .split(BREAK)
          .map((line) => line.replace(/^ +| +$/gu, ''))
          .join('\n');
    if (!/^\s*$/u.test(text)) blocks.push({ text, item: bufferItem });
    buffer = '';
  };

  const walk = (parent: Node, item: boolean, pre: boolean) => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === node.TEXT_NODE) {
        buffer += (node as Text).data;
        bufferItem = item;
        bufferPre = pre;
        continue;
      }
      if (node.nodeType !== node.ELEMENT_NODE) continue;
      const element = node as Element;
      const tag = element.localName;
      if (DROPPED.has(tag) || hidden(element)) continue;
      if (tag === 'br') buffer += pre ? '\n' : BREAK;
      else if (CELLS.has(tag)) {
        buffer += ' ';
        walk(element, item, pre);
        buffer += ' ';
      } else if (BLOCKS.has(tag)) {
        flush();
        walk(element, item || tag === 'li', pre || tag === 'pre');
        flush();
      } else walk(element, item, pre);
    }
  };

  walk(document.body, false, false);
  flush();
  let text = '';
  blocks.forEach((block, i) => {
    if (i > 0) text += block.item && blocks[i - 1]!.item ? '\n' : '\n\n';
    text += block.text;
  });
  return { text, warnings: [] };
}
