import type { Page } from 'playwright-core';

/** The phone widths every screen is checked at (the last is also checked with 200 % text). */
export const WIDTHS = [390, 360, 320] as const;

/**
 * Opens every disclosure, then the words broken across lines at each of `widths`, and at the last
 * of them with the text at 200 % (as the zoom test in app.e2e.ts does it).
 */
export async function measure(page: Page, widths: readonly number[] = WIDTHS): Promise<string[]> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  const problems: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    for (const p of await page.evaluate(brokenWords, false)) problems.push(`${width} px: ${p}`);
  }
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  const narrowest = widths.at(-1);
  for (const p of await page.evaluate(brokenWords, true))
    problems.push(`${narrowest} px, 200 %: ${p}`);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
  });
  return problems;
}

/**
 * Runs in the page: every word broken across lines or reaching outside the screen, and anything
 * that scrolls sideways. With `zoomed` (text at 200 % on 320 px), a word wider than its text
 * column in its own font cannot be kept whole, so it may break. The text column is the nearest
 * block that is not a cell of a table, grid or flex layout: a word squeezed by a narrow column
 * beside another (a table column, a two-column list) must still fit, so such layouts must stack.
 */
function brokenWords(zoomed: boolean): string[] {
  const ALLOWED_BREAK_AFTER = new Set(['-', '\u00AD', '\u2010', '\u2013', '\u2014', '/']);
  const problems: string[] = [];
  const viewport = document.documentElement.clientWidth;
  const SIDE_BY_SIDE = /^(inline-)?(grid|flex)$|^table/;
  const textColumnWidth = (element: Element): number => {
    for (let e: Element | null = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      const parentDisplay = e.parentElement ? getComputedStyle(e.parentElement).display : 'block';
      if (/^(block|list-item|flow-root)$/.test(style.display) && !SIDE_BY_SIDE.test(parentDisplay))
        return e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    }
    return viewport;
  };
  const range = document.createRange();
  const ruler = document.createElement('span');
  ruler.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;inset-block-start:0';
  document.body.append(ruler);
  const naturalWidth = (word: string, parent: Element) => {
    const style = getComputedStyle(parent);
    ruler.style.font = style.font;
    ruler.style.letterSpacing = style.letterSpacing;
    ruler.style.textTransform = style.textTransform;
    ruler.textContent = word;
    return ruler.getBoundingClientRect().width;
  };
  const hidden = (element: Element): boolean => {
    for (let e: Element | null = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.visibility !== 'visible' || style.display === 'none') return true;
      // Visually hidden text (clipped to a pixel) is for screen readers, not laid out to be read.
      if (style.clip !== 'auto' || style.clipPath !== 'none') return true;
      // Moved off the screen until focused (the skip link).
      if (style.position === 'absolute' || style.position === 'fixed') {
        const box = e.getBoundingClientRect();
        if (box.right <= 0 || box.left >= viewport) return true;
      }
    }
    return false;
  };
  // Words: runs of characters between spaces a line may break at, which may span several text
  // nodes ("<b>S</b>:s"), within one block. A no-break space joins what it stands between into one
  // word, as it does for the line breaker: "37,5 procentenheter" is one word that must fit (or, at
  // 200 %, be wider than its column). Each character is kept as (text node, offset) so that a Range
  // can be made.
  const BREAKING_SPACE = /(?![\u00a0\u202f\u2007])\s/;
  type Char = { node: Text; index: number };
  const words: { chars: Char[]; parent: Element }[] = [];
  const inlineBlock = new Map<Element, Element>();
  const blockOf = (element: Element): Element => {
    let found = inlineBlock.get(element);
    if (!found) {
      const { display } = getComputedStyle(element);
      found =
        (display === 'inline' || display === 'contents') && element.parentElement
          ? blockOf(element.parentElement)
          : element;
      inlineBlock.set(element, found);
    }
    return found;
  };
  let word: Char[] = [];
  let wordParent: Element = document.body;
  let wordBlock: Element | null = null;
  const endWord = () => {
    if (word.length > 0) words.push({ chars: word, parent: wordParent });
    word = [];
  };
  const checked = new Map<Element, boolean>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || parent === ruler) continue;
    if (!checked.has(parent))
      checked.set(
        parent,
        parent.closest('script, style, noscript, template, textarea, select, svg') !== null ||
          hidden(parent),
      );
    if (checked.get(parent)) {
      endWord();
      continue;
    }
    if (blockOf(parent) !== wordBlock) {
      endWord();
      wordBlock = blockOf(parent);
    }
    for (let index = 0; index < node.data.length; index++) {
      if (BREAKING_SPACE.test(node.data[index]!)) endWord();
      else {
        if (word.length === 0) wordParent = parent;
        word.push({ node, index });
      }
    }
  }
  endWord();

  const rectsOf = (from: Char, to: Char) => {
    range.setStart(from.node, from.index);
    range.setEnd(to.node, to.index + 1);
    return [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
  };
  for (const { chars, parent } of words) {
    const text = chars.map((c) => c.node.data[c.index]).join('');
    const rects = rectsOf(chars[0]!, chars.at(-1)!);
    if (rects.length === 0) continue;
    const height = Math.min(...rects.map((r) => r.height));
    const left = Math.min(...rects.map((r) => r.left));
    const right = Math.max(...rects.map((r) => r.right));
    if (left < -1 || right > viewport + 1)
      problems.push(
        `“${text}” reaches outside the screen (${Math.round(left)}–${Math.round(right)} px)`,
      );
    const tops = rects.map((r) => r.top);
    if (Math.max(...tops) - Math.min(...tops) <= height / 2) continue;
    // On more than one line: find where, one character at a time.
    let previousTop: number | null = null;
    let shown = '';
    for (const [i, char] of chars.entries()) {
      const box = rectsOf(char, char)[0];
      if (box && previousTop !== null && Math.abs(box.top - previousTop) > height / 2)
        // A hyphen may end a line, but not between a number and the word it is part of:
        // "95-|procentigt", "10-|årig" (write a non-breaking hyphen, U+2011). A join code may
        // still wrap between its groups ("7H5-|8NC").
        if (
          !ALLOWED_BREAK_AFTER.has(text[i - 1]!) ||
          /\d[-\u2010]\p{Ll}/u.test(text.slice(i - 2, i + 1))
        )
          shown += '|';
      if (box) previousTop = box.top;
      shown += text[i];
    }
    if (!shown.includes('|')) continue;
    if (zoomed && naturalWidth(text, parent) > textColumnWidth(parent)) continue;
    problems.push(`“${shown}” (${parent.tagName.toLowerCase()})`);
  }
  ruler.remove();
  for (const element of document.querySelectorAll('body *')) {
    const { overflowX } = getComputedStyle(element);
    if (overflowX !== 'auto' && overflowX !== 'scroll') continue;
    if (element.scrollWidth > element.clientWidth + 1)
      problems.push(
        `<${element.tagName.toLowerCase()} class="${element.className}"> scrolls sideways by ${element.scrollWidth - element.clientWidth} px`,
      );
  }
  const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow} px`);
  return problems;
}
