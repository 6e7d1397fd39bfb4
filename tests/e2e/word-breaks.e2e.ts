import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepScreens } from '../../src/app/page-screens.ts';
import { type SitePaths, sitePaths } from '../../src/config/paths.ts';
import type { Statement } from '../../src/domain/bank/types.ts';
import {
  MIN_SUBMISSIONS,
  RANDOMIZATION_P,
  randomizedSubmission,
} from '../../src/domain/classroom/index.ts';
import type { VoterAnswer } from '../../src/domain/scoring/index.ts';
import { measure, WIDTHS } from '../../src/test/browser/broken-words.ts';
import {
  type BrowserContext,
  browserFixture,
  classroomService,
  type Page,
  pageReady,
  screenHolder,
  seedAnswers,
} from '../../src/test/browser/browser.ts';
import { SWEEP, tier } from '../../src/test/tier.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';

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
 *
 * `npm test` checks one screen of every kind (each page template, and the statements with the
 * longest words) at 320 px and at 320 px with 200 % text, in Swedish, Arabic and easy-read Swedish;
 * `npm run test:sweep` checks every screen at every width, in English too.
 */

const compass = loadValidBank('questions/socialpolitik');
/** Each language, the browser locale of a reader of it, and its reading's prefix in addresses. */
const ALL_LANGUAGES = [
  ['sv', 'sv-SE', ''],
  ['ar', 'ar', 'ar'],
  ['en', 'en-GB', 'en'],
] as const;
const LANGUAGES = tier<readonly (typeof ALL_LANGUAGES)[number][]>(
  ALL_LANGUAGES.slice(0, 2),
  ALL_LANGUAGES,
);
/** The widths each screen is measured at (the narrowest also with 200 % text). */
const widths = tier<readonly number[]>([WIDTHS.at(-1)!], WIDTHS);

/** The length of the longest word of a text. */
const longestWord = (text: string) => Math.max(...text.split(/\s+/).map((w) => w.length));
/**
 * The quiz pages (1-based) whose statement has the longest words in the text `of` gives, most
 * likely to break: the two longest in `npm test`, every statement in the sweep.
 */
const quizPages = (of: (s: Statement) => string): number[] => {
  const all = compass.statements.map((s, i) => ({ n: i + 1, longest: longestWord(of(s)) }));
  if (SWEEP) return all.map((q) => q.n);
  return all
    .sort((a, b) => b.longest - a.longest)
    .slice(0, 2)
    .map((q) => q.n)
    .sort((a, b) => a - b);
};

type Seed = 'all' | 'few';

/**
 * What this sweep does on a screen beyond opening it (by the screen's name in the page table's
 * screens, src/app/page-screens.ts): what its page shows once it has loaded, to wait for, and what
 * a user would reveal by clicking (beyond opening every <details>).
 */
const ON_SCREEN: Readonly<
  Record<string, { readonly ready?: string; readonly reveal?: (page: Page) => Promise<void> }>
> = {
  results: {
    reveal: async (page) => {
      // "Dela resultat": the link, the copy button and the QR code.
      await page.locator('section.share button').first().click();
      await page.locator('#share-link').waitFor();
      await page.locator('section.share svg').first().waitFor();
    },
  },
  ...Object.fromEntries(
    [compass.statements[0]!, compass.statements.at(-1)!].map((s) => [
      `widget ${s.id}`,
      {
        reveal: async (page: Page) => {
          await page.locator('.answer-buttons button').first().click();
          await page.locator('.widget .stances li').first().waitFor();
        },
      },
    ]),
  ),
  'quote game': {
    reveal: async (page) => {
      await page.locator('.quote-game-parties button').first().click();
      await page.locator('.quote-game-verdict').waitFor();
    },
  },
  'classroom, pupil joins and sees the send panel': {
    reveal: async (page) => {
      // "Gå med med mina svar" (the answers are seeded): on to the results and the class panel.
      await page.locator('main button.primary').first().click();
      await page.locator('section.class-panel').waitFor();
    },
  },
  'classroom, teacher live': { ready: '[data-testid="live-count"]' },
  'classroom, teacher result': { ready: 'table' },
};

interface TestRound {
  code: string;
  teacherKey: string;
}
const rounds: Record<'open' | 'closed' | 'withheld', TestRound> = {
  open: { code: '', teacherKey: '' },
  closed: { code: '', teacherKey: '' },
  withheld: { code: '', teacherKey: '' },
};

/** A round made through the API, with `pupils` submissions of `answersFor('all')`, closed if asked. */
async function makeRound(pupils: number, close: boolean): Promise<TestRound> {
  const created = await fetch(`${origin}/api/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ compass: compass.id }),
  });
  expect(created.status).toBe(201);
  const { code, teacherKey } = (await created.json()) as TestRound;
  const answers = answersFor('all');
  for (let i = 0; i < pupils; i++) {
    // What a pupil's browser sends, randomized with a fixed draw per pupil.
    const body = randomizedSubmission(
      compass.statements,
      answers,
      RANDOMIZATION_P,
      (bound) => (i * 7 + 3) % bound,
    );
    const sent = await fetch(`${origin}/api/sessions/${code}/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `word-breaks-pupil-${i}` },
      body: JSON.stringify(body),
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

/** A voter's answers: to every statement, or only to a few (a preliminary result). */
function answersFor(seed: Seed): Record<string, VoterAnswer> {
  const values = [1, 0.5, 0, -0.5, -1, 'skip'] as const;
  const statements = seed === 'all' ? compass.statements : compass.statements.slice(0, 3);
  return Object.fromEntries(
    statements.map((s, i) => [
      s.id,
      {
        answer: values[i % values.length]!,
        ...(i % 4 === 0 && i % 6 !== 5 && { important: true }),
      },
    ]),
  );
}

/** Stand-ins for the rounds, to name the screens before the rounds are made (beforeAll). */
const NAMING_ROUNDS = {
  open: { code: 'open', teacherKey: '' },
  closed: { code: 'closed', teacherKey: '' },
  withheld: { code: 'withheld', teacherKey: '' },
};

/**
 * The screens this run checks, from the page table: all in the sweep; in `npm test` the first of
 * each page, and of the quiz the pages with the longest words in `language`.
 */
function screensFor(language: 'sv' | 'ar' | 'en', at: SitePaths, made = NAMING_ROUNDS) {
  const context = { at, compass, rounds: made };
  if (SWEEP) return sweepScreens(context, 'all');
  const quiz = new Set(quizPages((s) => s.text[language] ?? s.text.sv).map((n) => `quiz ${n}`));
  return [
    ...sweepScreens(context, 'templates').filter((screen) => screen.page !== 'quiz'),
    ...sweepScreens(context, 'all').filter((screen) => quiz.has(screen.name)),
  ];
}

// Every screen this sweep knows more about is one of the page table's.
for (const name of Object.keys(ON_SCREEN))
  if (
    !sweepScreens({ at: sitePaths('', compass.id), compass, rounds: NAMING_ROUNDS }, 'all').some(
      (screen) => screen.name === name,
    )
  )
    throw new Error(`word-breaks: no screen called "${name}" in src/app/page-screens.ts`);

// The classroom service serves the built site as a static host would, and the API.
const site = browserFixture({ serve: classroomService });
let origin: string;

beforeAll(async () => {
  origin = site.origin;
  rounds.open = await makeRound(0, false);
  rounds.closed = await makeRound(MIN_SUBMISSIONS, true);
  rounds.withheld = await makeRound(2, true);
});

describe.each(LANGUAGES)('no word broken across lines in %s', (language, locale, prefix) => {
  const at = sitePaths(prefix, compass.id);
  let context: BrowserContext;
  let page: Page;
  let prepare: ReturnType<typeof screenHolder>;

  beforeAll(async () => {
    context = await site.newContext({
      locale,
      viewport: { width: widths[0]!, height: 800 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    prepare = screenHolder(page, origin, compass, {
      answers: answersFor('all'),
      'few answers': answersFor('few'),
    });
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(screensFor(language, at).map((s) => [s.name] as const))('%s', async (name) => {
    // The screen with the rounds made in beforeAll (their codes are in its address).
    const screen = screensFor(language, at, rounds).find((s) => s.name === name)!;
    const extra = ON_SCREEN[name] ?? {};
    await page.setViewportSize({ width: widths[0]!, height: 800 });
    const path = await prepare(screen, at.results);
    // A fresh document every time (no client-side state carried over from the previous screen).
    await page.goto('about:blank');
    await page.goto(`${origin}${path}`);
    await page.waitForFunction((lang) => document.documentElement.lang === lang, language, {
      timeout: 30_000,
    });
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    if (screen.lands) expect(new URL(page.url()).pathname).toBe(screen.lands);
    await pageReady(page, screen.readyAt);
    if (extra.ready) await page.locator(extra.ready).first().waitFor({ timeout: 30_000 });
    await extra.reveal?.(page);
    const problems = await measure(page, widths);
    expect(problems, `${name} (${language}, ${path})`).toEqual([]);
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
    context = await site.newContext({ locale, viewport: { width: 320, height: 800 } });
    page = await context.newPage();
    await page.goto(`${origin}/favicon.svg`);
    await seedAnswers(page, compass, answersFor('all'));
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
    context = await site.newContext({
      locale: 'sv-SE',
      viewport: { width: widths[0]!, height: 800 },
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
    ...quizPages((s) => s.easy?.text ?? s.text.sv).map(
      (n) => [`quiz ${n}`, at.statement(n)] as const,
    ),
  ];
  it.each(easyScreens)('%s', async (name, path) => {
    await page.setViewportSize({ width: widths[0]!, height: 800 });
    await page.goto('about:blank');
    await page.goto(`${origin}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    // The page is in easy-read (the header's "Lättläst" is the current reading) before anything
    // is measured.
    await page
      .locator('header a[aria-current="true"]', { hasText: 'Lättläst' })
      .waitFor({ timeout: 30_000 });
    await pageReady(page);
    const problems = await measure(page, widths);
    expect(problems, `${name} (lättläst, ${path})`).toEqual([]);
  });
});
