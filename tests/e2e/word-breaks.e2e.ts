import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINTABLES, type SitePaths, sitePaths } from '../../src/config/paths.ts';
import { type RunningServer, startServer } from '../../src/server/start.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';
import { measure, WIDTHS } from './broken-words.ts';
import { builtSiteDir, launchChromium } from './browser.ts';

/**
 * No word on any screen may be broken across two lines on a phone (320, 360 and 390 px wide),
 * nor stick out of the screen, nor sit in anything that scrolls sideways, in Swedish, Arabic
 * (right to left) and English; also at 320 px with the text at 200 % (see `brokenWords` in broken-words.ts for
 * what may break there). A line may break inside a "word" (a run of non-space characters) only
 * right after a hyphen, a dash or a slash: "#-tecknet", "och/eller".
 *
 * How: the visible text is cut into words at white space and block boundaries (a word may span
 * several text nodes, "<strong>S</strong>:s"); a DOM Range over a word gives one client rect per
 * line it occupies, so rects on more than one line mean a broken word. The break is then found
 * character by character and reported with the screen and width, e.g. "390 px: “Standa|rd” (th)".
 * Every <details> is opened and the share panel and widget answers revealed, so that what a
 * user can open is checked too.
 */

const compass = loadValidBank('questions/socialpolitik');
/** Each language, the browser locale of a reader of it, and its reading's prefix in addresses. */
const LANGUAGES = [
  ['sv', 'sv-SE', ''],
  ['ar', 'ar', 'ar'],
  ['en', 'en-GB', 'en'],
] as const;

type Seed = 'all' | 'few';
interface Screen {
  readonly name: string;
  /** The screen's address in a reading (`at`: that reading's paths of the compass). */
  readonly path: (at: SitePaths) => string;
  /** Where the address leads, when that is another (an old link). */
  readonly lands?: (at: SitePaths) => string;
  /** A shared result: the fragment is made by the results page's share panel, in the test. */
  readonly shared?: true;
  readonly seed?: Seed;
  /** The page keeps a live stream open (never network-idle): wait for this selector instead. */
  readonly ready?: string;
  /** Reveals what a user would reveal by clicking (beyond opening every <details>). */
  readonly reveal?: (page: Page) => Promise<void>;
}

const first = compass.statements[0]!;
const last = compass.statements.at(-1)!;
const SCREENS: readonly Screen[] = [
  { name: 'start', path: (at) => at.site },
  ...compass.statements.map((_, i) => ({
    name: `quiz ${i + 1}`,
    path: (at: SitePaths) => at.statement(i + 1),
  })),
  // An old link (from before compasses had their own addresses) leads to the same statement.
  {
    name: 'quiz 1, from its old address',
    path: (at) => `${at.site}fraga/1`,
    lands: (at) => at.statement(1),
  },
  { name: 'review', path: (at) => at.review },
  {
    name: 'results',
    path: (at) => at.results,
    reveal: async (page) => {
      // "Dela resultat": the link, the copy button and the QR code.
      await page.locator('section.share button').first().click();
      await page.locator('#share-link').waitFor();
      await page.locator('section.share svg').first().waitFor();
    },
  },
  { name: 'results, few answers', path: (at) => at.results, seed: 'few' },
  ...compass.parties.map((p) => ({
    name: `party ${p.id}`,
    path: (at: SitePaths) => at.party(p.id),
  })),
  { name: 'statement comparison', path: (at) => at.comparison },
  ...compass.parties.map((p) => ({
    name: `programme ${p.id}`,
    path: (at: SitePaths) => at.programme(p.id, first.id),
  })),
  { name: 'method', path: (at) => at.method },
  { name: 'about', path: (at) => at.about },
  { name: 'statements', path: (at) => at.statements },
  { name: 'shared result', path: (at) => at.shared, shared: true },
  { name: 'embed builder', path: (at) => at.embedBuilder },
  ...[first, last].map((s) => ({
    name: `widget ${s.id}`,
    path: (at: SitePaths) => at.widget(s.id),
    reveal: async (page: Page) => {
      await page.locator('.answer-buttons button').first().click();
      await page.locator('.widget .stances li').first().waitFor();
    },
  })),
  // The frame is in the reader's own language (the browser's, here).
  {
    name: 'embedded quiz, compact',
    path: (at) => `${at.embedFrame(compass.id)}?start=quiz&compact=true`,
  },
  {
    name: 'quote game, answered',
    path: (at) => at.quoteGame,
    reveal: async (page: Page) => {
      await page.locator('.quote-game-parties button').first().click();
      await page.locator('.quote-game-verdict').waitFor();
    },
  },
  // For teachers (issue 10): the teachers' page and the printable material on screen.
  { name: 'teachers', path: (at) => at.teachers },
  ...PRINTABLES.map((name) => ({
    name: `printable ${name}`,
    path: (at: SitePaths) => at.printable(name),
  })),
  // Classroom rounds (the site is served by the classroom service; rounds are made through its
  // API in beforeAll; the join codes exist only once the rounds do).
  { name: 'classroom entry', path: (at) => at.classroom },
  { name: 'classroom, new round', path: (at) => at.classroomNew },
  {
    name: 'classroom, pupil joins and sees the send panel',
    path: (at) => at.classroomJoin(rounds.open.code),
    reveal: async (page: Page) => {
      // "Gå med med mina svar" (the answers are seeded): on to the results and the class panel.
      await page.locator('main button.primary').first().click();
      await page.locator('section.class-panel').waitFor();
    },
  },
  {
    name: 'classroom, teacher live',
    path: (at) => `${at.classroomTeacher(rounds.open.code)}#nyckel=${rounds.open.teacherKey}`,
    ready: '[data-testid="live-count"]',
  },
  {
    name: 'classroom, teacher result',
    path: (at) => `${at.classroomTeacher(rounds.closed.code)}#nyckel=${rounds.closed.teacherKey}`,
    ready: 'table',
  },
  {
    name: 'classroom, teacher result withheld',
    path: (at) =>
      `${at.classroomTeacher(rounds.withheld.code)}#nyckel=${rounds.withheld.teacherKey}`,
  },
];

interface TestRound {
  code: string;
  teacherKey: string;
}
const rounds: Record<'open' | 'closed' | 'withheld', TestRound> = {
  open: { code: '', teacherKey: '' },
  closed: { code: '', teacherKey: '' },
  withheld: { code: '', teacherKey: '' },
};

/** A round made through the API, with `pupils` submissions of `storedAnswers`' answers, closed if asked. */
async function makeRound(pupils: number, close: boolean): Promise<TestRound> {
  const created = await fetch(`${origin}/api/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ compass: compass.id }),
  });
  expect(created.status).toBe(201);
  const { code, teacherKey } = (await created.json()) as TestRound;
  const { answers } = (JSON.parse(storedAnswers('all')) as { state: { answers: object } }).state;
  for (let i = 0; i < pupils; i++) {
    const sent = await fetch(`${origin}/api/sessions/${code}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `word-breaks-pupil-${i}` },
      body: JSON.stringify({ answers }),
    });
    expect(sent.status).toBe(201);
  }
  if (close) {
    const closed = await fetch(`${origin}/api/sessions/${code}/close`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${teacherKey}` },
    });
    expect(closed.status).toBe(200);
  }
  return { code, teacherKey };
}

/** Answers as the answers store persists them: every statement, or only a few (preliminary). */
function storedAnswers(seed: Seed): string {
  const values = [1, 0.5, 0, -0.5, -1, 'skip'] as const;
  const statements = seed === 'all' ? compass.statements : compass.statements.slice(0, 3);
  const answers = Object.fromEntries(
    statements.map((s, i) => [
      s.id,
      { answer: values[i % values.length], ...(i % 4 === 0 && i % 6 !== 5 && { important: true }) },
    ]),
  );
  return JSON.stringify({
    state: {
      compassId: compass.id,
      compassVersion: compass.version,
      answers,
      parties: null,
      outdated: false,
      others: {},
    },
    version: 2,
  });
}

let browser: Browser;
let server: RunningServer;
let origin: string;

beforeAll(async () => {
  // The classroom service serves the built site as a static host would, and the API.
  server = await startServer({ staticDir: builtSiteDir(), databaseUrl: 'sqlite::memory:' });
  origin = server.url;
  rounds.open = await makeRound(0, false);
  rounds.closed = await makeRound(5, true);
  rounds.withheld = await makeRound(2, true);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(LANGUAGES)('no word broken across lines in %s', (language, locale, prefix) => {
  const at = sitePaths(prefix, compass.id);
  let context: BrowserContext;
  let page: Page;
  let seeded: Seed | null = null;
  let shareFragment = '';

  beforeAll(async () => {
    context = await browser.newContext({
      locale,
      viewport: { width: WIDTHS[0], height: 800 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Stores the answers from a file of the site that does not run the app, so nothing races. */
  const seed = async (wanted: Seed) => {
    if (seeded === wanted) return;
    await page.goto(`${origin}/favicon.svg`);
    await page.evaluate(
      (value) => localStorage.setItem('valkompass:answers', value),
      storedAnswers(wanted),
    );
    seeded = wanted;
  };

  it.each(SCREENS.map((s) => [s.name, s] as const))('%s', async (_name, screen) => {
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    await seed(screen.seed ?? 'all');
    if (screen.shared && !shareFragment) {
      await page.goto(`${origin}${at.results}`);
      await page.locator('section.share button').first().click();
      shareFragment = new URL(await page.locator('#share-link').inputValue()).hash;
    }
    const path = `${screen.path(at)}${screen.shared ? shareFragment : ''}`;
    // A fresh document every time (no client-side state carried over from the previous screen).
    await page.goto('about:blank');
    await page.goto(`${origin}${path}`);
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language, {
      timeout: 30_000,
    });
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    if (screen.lands) expect(new URL(page.url()).pathname).toBe(screen.lands(at));
    if (screen.ready) await page.locator(screen.ready).first().waitFor({ timeout: 30_000 });
    else await page.waitForLoadState('networkidle');
    await screen.reveal?.(page);
    const problems = await measure(page);
    expect(problems, `${screen.name} (${language}, ${path})`).toEqual([]);
  });
});

/** A node of Chromium's accessibility tree (CDP Accessibility.getFullAXTree), as far as used. */
interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
}

/**
 * The tables as Chromium exposes them to screen readers: for each table named `caption`, its
 * column headers, row headers and cells (role and name), walking through ignored nodes.
 */
async function accessibleTable(page: Page, caption: string) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const table = nodes.find(
    (n) => !n.ignored && n.role?.value === 'table' && n.name?.value === caption,
  );
  if (!table) return null;
  const found: Record<'columnheader' | 'rowheader' | 'cell' | 'row', string[]> = {
    columnheader: [],
    rowheader: [],
    cell: [],
    row: [],
  };
  const walk = (node: AXNode) => {
    const role = node.role?.value;
    if (!node.ignored && role && role in found) {
      found[role as keyof typeof found].push(node.name?.value ?? '');
      if (role !== 'row') return;
    }
    for (const id of node.childIds ?? []) walk(byId.get(id)!);
  };
  walk(table);
  return found;
}

describe.each([
  ['sv', 'sv-SE', ''],
  ['ar', 'ar', 'ar'],
] as const)('the reflowed tables in %s, as Chromium exposes them', (language, locale, prefix) => {
  const at = sitePaths(prefix, compass.id);
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ locale, viewport: { width: 320, height: 800 } });
    page = await context.newPage();
    await page.goto(`${origin}/favicon.svg`);
    await page.evaluate(
      (value) => localStorage.setItem('valkompass:answers', value),
      storedAnswers('all'),
    );
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each([
    ['the methods table', at.results, '#methods-heading ~ .reflow', 3],
    ['the theme table', at.results, '#themes-heading ~ details .reflow', compass.parties.length],
    ['the robustness table', at.method, '.reflow', 2],
  ] as const)(
    '%s stacks at 320 px and is still a table with headers, the labels not read twice',
    async (_name, path, selector, columns) => {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${origin}${path}`);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      const wrapper = page.locator(selector).first();
      await wrapper.locator('tbody tr').first().waitFor({ state: 'attached' });
      await page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      const layout = () =>
        wrapper.evaluate((element) => {
          const table = element.querySelector('table')!;
          return {
            caption: table.caption!.textContent!,
            row: getComputedStyle(table.tBodies[0]!.rows[0]!).display,
            // What a sighted reader sees before the first value: the cell's label.
            label: getComputedStyle(table.tBodies[0]!.rows[0]!.cells[1]!, '::before').content,
            rows: table.tBodies[0]!.rows.length,
            values: [...table.querySelectorAll('tbody td')].map((td) => td.textContent),
            headers: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
          };
        });
      const narrow = await layout();
      expect(narrow.row).toBe('block');
      expect(narrow.label).not.toBe('none');
      const tree = await accessibleTable(page, narrow.caption);
      expect(tree, `no table named “${narrow.caption}”`).not.toBeNull();
      expect(tree!.columnheader).toEqual(narrow.headers);
      expect(tree!.rowheader).toHaveLength(narrow.rows);
      expect(tree!.cell).toHaveLength(narrow.rows * columns);
      // Each cell is announced by its value alone (the header comes from the column).
      expect(tree!.cell).toEqual(narrow.values);

      // Wide, it is an ordinary table with its header row shown and no generated labels.
      await page.setViewportSize({ width: 1024, height: 800 });
      const wide = await layout();
      expect(wide.row).toBe('table-row');
      expect(wide.label).toBe('none');
    },
  );
});

describe('no word broken across lines in easy-read Swedish (lättläst)', () => {
  const at = sitePaths('lattlast', compass.id);
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({
      locale: 'sv-SE',
      viewport: { width: WIDTHS[0], height: 800 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  const easyScreens: readonly (readonly [string, string])[] = [
    ['start', at.site],
    ...compass.statements.map((_, i) => [`quiz ${i + 1}`, at.statement(i + 1)] as const),
  ];
  it.each(easyScreens)('%s', async (name, path) => {
    await page.setViewportSize({ width: WIDTHS[0], height: 800 });
    await page.goto('about:blank');
    await page.goto(`${origin}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    // The page is in easy-read (the header's "Lättläst" is the current reading) before anything
    // is measured.
    await page
      .locator('header a[aria-current="true"]', { hasText: 'Lättläst' })
      .waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const problems = await measure(page);
    expect(problems, `${name} (lättläst, ${path})`).toEqual([]);
  });
});
