import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Printable, sitePaths } from '../../src/config/paths.ts';
import { quoteCards } from '../../src/features/printables/quote-cards.ts';
import { browserFixture } from '../../src/test/browser/browser.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';

/**
 * Each printable material printed to PDF in Chromium (print media, A4, no backgrounds), then read
 * back with poppler (pdfinfo, pdftotext): page counts in a range computed from the bank, every
 * statement / term / quote in the text, no app chrome, answer keys after the material, and no
 * statement or card split across two pages. VALKOMPASS_SCREENSHOTS=1 also renders PNGs of the
 * first two pages and the answer page of each to docs/screenshots/print-<name>-<page>.png.
 */

const compass = loadValidBank('questions/socialpolitik');
/** The compass's pages in Swedish (`/socialpolitik/…`). */
const paths = sitePaths('', compass.id);
const N = compass.statements.length;
const cards = quoteCards(compass);

const site = browserFixture({ context: { viewport: { width: 1024, height: 900 } } });
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'valkompass-print-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Printed {
  /** The page's path once the material is on screen. */
  readonly pathname: string;
  readonly file: string;
  readonly pages: number;
  /** The text of each page as laid out (`pdftotext -layout`), normalised; index 0 is page 1. */
  readonly text: readonly string[];
  /** The same in reading order (`pdftotext` without -layout: columns one after the other). */
  readonly flow: readonly string[];
  readonly all: string;
}

/**
 * Text compared across line wraps: one space for any run of whitespace, no soft hyphens, and a
 * word that wraps after its hyphen ("hbtq-|personer") joined again. The material is not
 * hyphenated automatically, so a hyphen at a line's end is the word's own.
 */
const normalise = (text: string) =>
  text
    .replace(/\u00ad/g, '')
    .replace(/(\p{L}-)[ \t]*\n\s*(?=\p{L})/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Opens the material in Swedish (at `path`, its address unless told), prints it to A4 PDF as
 * Chromium would, and reads it back.
 */
async function print(name: Printable, path = paths.printable(name)): Promise<Printed> {
  const page = await site.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${site.origin}${path}`);
  await page.locator(`.printable[data-printable="${name}"] h1`).waitFor();
  // The page is prerendered, so the material is there before the app has started; the running
  // footer (a style sheet) and the site's origin in the addresses come once the app has taken
  // the page over, as does a press on "Skriv ut" made before then.
  await page.waitForFunction(() => document.adoptedStyleSheets.length > 0);
  const { pathname } = new URL(page.url());
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
  expect(problems).toEqual([]);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(/^Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/m.test(info), info).toBe(true);
  const read = (p: number, ...mode: string[]) =>
    normalise(
      execFileSync('pdftotext', [...mode, '-f', String(p), '-l', String(p), file, '-'], {
        encoding: 'utf8',
      }),
    );
  const text: string[] = [];
  const flow: string[] = [];
  for (let p = 1; p <= pages; p++) {
    text.push(read(p, '-layout'));
    flow.push(read(p));
  }
  if (process.env.VALKOMPASS_SCREENSHOTS === '1') screenshots(name, file, pages, text);
  return { pathname, file, pages, text, flow, all: text.join(' ') };
}

/** PNGs of the first two pages and of the answer page (the last), at 60 dpi, for a person to look at. */
function screenshots(name: Printable, file: string, pages: number, text: readonly string[]) {
  const out = join('docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  const key = text.findIndex((page) => /\bFacit\b/.test(page));
  const wanted = new Set([1, 2, key >= 0 ? key + 1 : pages].filter((p) => p >= 1 && p <= pages));
  for (const p of wanted)
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      '-singlefile',
      '-f',
      String(p),
      '-l',
      String(p),
      file,
      join(out, `print-${name}-${p}`),
    ]);
}

/** For text pdftotext may have de-hyphenated ("grund-\n och" → "grundoch"): no hyphens, no spaces. */
const loose = (text: string) => text.replace(/[-\s]/g, '');

/** A line's opening words, enough to be unique and short enough not to wrap across a page. */
const head = (text: string, words = 6) => normalise(text).split(' ').slice(0, words).join(' ');
const tail = (text: string, words = 4) => normalise(text).split(' ').slice(-words).join(' ');

/** The 1-based page that holds `marker`, exactly once in the whole document. */
function pageOf(printed: Printed, marker: RegExp): number {
  const hits = printed.text.flatMap((text, i) => (marker.test(text) ? [i + 1] : []));
  expect(hits, `${marker} on exactly one page`).toHaveLength(1);
  return hits[0]!;
}

/** What the app's frame shows and print must not: the header, the footer, the print button. */
function expectNoChrome(printed: Printed) {
  for (const chrome of ['För lärare', 'Vem sa vad', 'Svenska', 'English', 'Skriv ut', 'Hoppa till'])
    expect(printed.all, chrome).not.toContain(chrome);
  expect(printed.all).not.toMatch(/العربية/);
}

/** The running footer: the material, the compass and its version, and the page number, on every page. */
function expectRunningFooter(printed: Printed, material: string) {
  printed.text.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain(
      `${material} · ${compass.title.sv}, version ${compass.version}`,
    );
    expect(text, `page ${i + 1}`).toContain(`sida ${i + 1} av ${printed.pages}`);
  });
}

describe('printable material, printed to A4 PDF in Chromium', () => {
  it('arbetsblad: a front page, then every statement whole on one page, in order', async () => {
    const printed = await print('arbetsblad');
    // At most 4 statements fit a page (and at least 2 do): a front page plus N/4 .. N/2 pages.
    expect(printed.pages).toBeGreaterThanOrEqual(1 + Math.ceil(N / 4));
    expect(printed.pages).toBeLessThanOrEqual(1 + Math.ceil(N / 2));
    expectNoChrome(printed);
    expectRunningFooter(printed, 'Arbetsblad');
    // The front page is instructions only.
    expect(printed.text[0]).toContain('Så fyller du i');
    expect(printed.text[0]).toContain('Dina svar är dina');
    for (const word of [
      'Helt för',
      'Delvis för',
      'Varken för eller emot',
      'Delvis emot',
      'Helt emot',
    ])
      expect(printed.text[0]).toContain(word);
    expect(printed.text[0]).not.toMatch(/Påstående 1 av/);
    let previous = 1;
    compass.statements.forEach((statement, i) => {
      const n = i + 1;
      const start = pageOf(printed, new RegExp(`Påstående ${n} av ${N}\\b`));
      const end = pageOf(printed, new RegExp(`Anteckning till påstående ${n}:`));
      expect(end, `statement ${n} on one page`).toBe(start);
      expect(start).toBeGreaterThanOrEqual(Math.max(2, previous));
      previous = start;
      const page = printed.text[start - 1]!;
      expect(page, `statement ${n}`).toContain(head(statement.text.sv));
      expect(page, `statement ${n}`).toContain(tail(statement.text.sv));
      expect(page, `explainer ${n}`).toContain(tail(statement.explainer.sv));
    });
    // Five labelled boxes, skip and important: once per statement (the front page explains each).
    for (const label of ['Helt för', 'Delvis emot', 'Hoppa över', 'Viktigt för mig']) {
      const count = printed.text.slice(1).join(' ').split(label).length - 1;
      expect(count, label).toBe(N);
    }
  });

  it('ordlista: every term with its definition, alphabetically', async () => {
    // From its old address (before compasses had their own), which leads to the compass's.
    const printed = await print('ordlista', '/larare/utskrift/ordlista');
    expect(printed.pathname).toBe(paths.printable('ordlista'));
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(printed.pages).toBeLessThanOrEqual(Math.ceil(compass.glossary.length / 8));
    expectNoChrome(printed);
    expectRunningFooter(printed, 'Ordlista');
    const collator = new Intl.Collator('sv');
    const sorted = [...compass.glossary].sort((a, b) => collator.compare(a.term.sv, b.term.sv));
    let at = -1;
    for (const entry of sorted) {
      const found = printed.all.indexOf(
        `${normalise(entry.term.sv)} ${head(entry.definition.sv, 3)}`,
      );
      expect(found, entry.term.sv).toBeGreaterThan(at);
      at = found;
      expect(printed.all, entry.term.sv).toContain(tail(entry.definition.sv));
    }
  });

  it('citatkort: every quote once, whole on one page, then the answer key on later pages', async () => {
    const printed = await print('citatkort');
    // Two cards across; four to six rows of cards fit a page; the key takes about a page per 20 cards.
    expect(printed.pages).toBeGreaterThanOrEqual(Math.ceil(cards.length / 12) + 1);
    expect(printed.pages).toBeLessThanOrEqual(
      Math.ceil(cards.length / 6) + Math.ceil(cards.length / 10),
    );
    expectNoChrome(printed);
    expectRunningFooter(printed, 'Citatkort: vem sa vad?');
    const keyPage = pageOf(printed, /\bFacit\b/);
    for (const card of cards) {
      const page = pageOf(printed, new RegExp(`Kort ${card.number}\\b`));
      expect(page, `card ${card.number} before the key`).toBeLessThan(keyPage);
      // Two cards side by side share lines in the laid-out text: read the card in reading order
      // (where pdftotext drops a hyphen at a line's end, so compare without hyphens).
      const text = loose(printed.flow[page - 1]!);
      expect(text, `card ${card.number}`).toContain(loose(head(card.quote, 8)));
      expect(text, `card ${card.number}`).toContain(loose(tail(card.quote)));
      for (const source of card.sources) {
        const statement = compass.statements.find((s) => s.id === source.statement)!;
        expect(text, `card ${card.number}`).toContain(loose(tail(statement.text.sv)));
      }
      // Each quote is on exactly one card.
      expect(loose(printed.flow.join(' ')).split(loose(head(card.quote, 8))).length - 1).toBe(1);
    }
    // The key: each card's party and the full address of the passage.
    const key = printed.text.slice(keyPage - 1).join(' ');
    for (const card of cards)
      for (const source of card.sources) {
        const url = `${site.origin}${paths.programme(source.party, source.statement)}`;
        expect(key.replace(/\s/g, ''), url).toContain(url);
      }
    for (const party of compass.parties) expect(key).toContain(party.name);
  });

  it('metodovning: the exercise, the blank tables, then the answers on a page of their own', async () => {
    const printed = await print('metodovning');
    expect(printed.pages).toBeGreaterThanOrEqual(3);
    expect(printed.pages).toBeLessThanOrEqual(6);
    expectNoChrome(printed);
    expectRunningFooter(printed, 'Metodövning: räkna som valkompassen');
    const keyPage = pageOf(printed, /\bFacit\b/);
    const blankPage = pageOf(printed, /Så räknar du, rad för rad/);
    expect(blankPage).toBeGreaterThan(1);
    expect(keyPage).toBeGreaterThan(blankPage);
    // The blank tables carry no result; the key carries one per party.
    const before = printed.text.slice(0, keyPage - 1).join(' ');
    const after = printed.text.slice(keyPage - 1).join(' ');
    expect(before).not.toMatch(/÷ \d+ = \d+\s%/);
    expect(after.match(/÷ \d+ = \d+\s%/g)).toHaveLength(2);
  });
});
