import { describe, expect, it } from 'vitest';
import { sweepScreens } from '../../src/app/page-screens.ts';
import { sitePaths } from '../../src/config/paths.ts';
import { STORAGE_KEY } from '../../src/state/answers-storage.ts';
import {
  appStarted,
  axeViolations,
  browserFixture,
  type Page,
  pageReady,
  screenHolder,
} from '../../src/test/browser/browser.ts';
import { SWEEP, tier } from '../../src/test/tier.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';

const compass = loadValidBank('questions/socialpolitik');
/** The compass's pages in Swedish (`/socialpolitik/…`) and in Arabic (`/ar/socialpolitik/…`). */
const paths = sitePaths('', compass.id);
const arabic = sitePaths('ar', compass.id);
const LABELS = new Map<number, string>([
  [1, 'Helt för'],
  [0.5, 'Delvis för'],
  [0, 'Varken för eller emot'],
  [-0.5, 'Delvis emot'],
  [-1, 'Helt emot'],
]);

const site = browserFixture();
const { newPage } = site;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

const pathname = (page: Page) => new URL(page.url()).pathname;

/**
 * Answers statement n (1-based) on its quiz page with the given button label, and waits until the
 * quiz has moved on. The page is prerendered: the button can be pressed before the app has taken
 * the page over (the app then presses it again), so the answer is stored only once it moves on.
 */
async function answer(page: Page, n: number, label: string) {
  await page.goto(`${site.origin}${paths.statement(n)}`);
  await heading(page).waitFor();
  await page.getByRole('button', { name: label, exact: true }).click();
  const next = n < compass.statements.length ? paths.statement(n + 1) : paths.review;
  await page.waitForURL((url) => url.pathname === next);
}

describe('the quiz in Swedish', () => {
  it('goes from the start page through every statement to a ranked result', async () => {
    const page = await newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${site.origin}/`);
    await page.getByRole('link', { name: 'Starta' }).click();
    // The site's start page is the only compass's: the quiz is at the compass's own address.
    await page.waitForURL((url) => url.pathname === paths.statement(1));
    const labels = [...LABELS.values()];
    for (let n = 1; n <= compass.statements.length; n++) {
      await page.getByText(`Påstående ${n} av ${compass.statements.length}`).waitFor();
      expect(await heading(page).textContent()).toBe(compass.statements[n - 1]!.text.sv);
      // Focus moves to the new statement, so a screen reader reads it first (on the first, a
      // prerendered page, once the app has taken it over).
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('statement-heading');
      await page.getByRole('button', { name: labels[n % labels.length]!, exact: true }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Granska dina svar' }).waitFor();
    await page.getByRole('link', { name: 'Se ditt resultat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ditt resultat' }).waitFor();
    expect(await page.locator('.ranking-row').count()).toBeGreaterThan(0);
    expect(await page.getByText(/Preliminärt resultat/).count()).toBe(0);
    // Privacy: no cookies, nothing requested from another origin, no CSP or script errors.
    expect(await page.context().cookies()).toEqual([]);
    expect(requests.filter((url) => new URL(url).origin !== site.origin)).toEqual([]);
    expect(problems).toEqual([]);
    // The answers are in this browser's storage, under their compass, and nowhere in any request.
    const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    expect(JSON.parse(stored!).state.compassId).toBe(compass.id);
    expect(JSON.parse(stored!).state.answers).toHaveProperty(compass.statements[0]!.id);
    expect(requests.some((url) => url.includes(compass.statements[0]!.id))).toBe(false);
  });

  it('works with the keyboard alone, skips do not count, and importance is kept', async () => {
    const page = await newPage();
    // An old link (from before compasses had their own addresses) leads to the same statement.
    await page.goto(`${site.origin}/fraga/1`);
    await page.waitForURL((url) => url.pathname === paths.statement(1));
    await heading(page).waitFor();
    await page.keyboard.press('+');
    await page.keyboard.press('1');
    await page.getByText('Påstående 2 av 32').waitFor();
    await page.keyboard.press('0');
    await page.getByText('Påstående 3 av 32').waitFor();
    await page.keyboard.press('5');
    await page.getByText('Påstående 4 av 32').waitFor();
    await page.goto(`${site.origin}${paths.review}`);
    await page.getByText('Du har svarat på 2 av 32 påståenden', { exact: false }).waitFor();
    const first = page.getByRole('listitem').filter({ hasText: compass.statements[0]!.text.sv });
    expect(await first.getByRole('checkbox', { name: 'Viktigt för mig' }).isChecked()).toBe(true);
    await page.goto(`${site.origin}${paths.results}`);
    await page.getByText(/du har svarat på 2 påståenden/).waitFor();
  });

  // One persona in `npm test`; every party's in the sweep.
  it.each(tier(compass.parties.slice(0, 1), compass.parties).map((p) => [p.id, p.name]))(
    'puts party %s (%s) first for a voter who answers exactly as its programme',
    async (partyId) => {
      const page = await newPage();
      for (const [n, s] of compass.statements.entries()) {
        const position = s.stances[partyId]!.position;
        if (position !== null) await answer(page, n + 1, LABELS.get(position)!);
      }
      await page.goto(`${site.origin}${paths.results}`);
      const first = page.locator('.ranking-row').first();
      await first.waitFor();
      const party = compass.parties.find((p) => p.id === partyId)!;
      expect(await first.textContent()).toContain(`${party.name} (${party.municipality})`);
      expect(await first.textContent()).toMatch(/^1\./);
    },
  );
});

describe('sharing', () => {
  it('round-trips a result through a link whose answers sit only in the fragment', async () => {
    const page = await newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    for (let n = 1; n <= 12; n++) await answer(page, n, [...LABELS.values()][n % 5]!);
    await page.goto(`${site.origin}${paths.results}`);
    await page.locator('.ranking-row').first().waitFor();
    const own = await page.locator('.ranking-row').allTextContents();
    await page.getByRole('button', { name: 'Skapa länk' }).click();
    const link = await page.getByLabel('Länk till ditt resultat').inputValue();
    // Made without a reading: whoever opens it reads it in their own.
    expect(new URL(link).pathname).toBe(paths.shared);
    expect(new URL(link).search).toBe('');
    expect(new URL(link).hash.length).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Kopiera länken' }).click();
    await page.getByText('Länken är kopierad.').waitFor();
    expect(await page.getByRole('img', { name: 'QR-kod med länken till resultatet' }).count()).toBe(
      1,
    );

    const other = await newPage();
    const requests: string[] = [];
    other.on('request', (r) => requests.push(r.url()));
    await other.goto(link);
    await other.getByRole('heading', { level: 1, name: 'Ett delat resultat' }).waitFor();
    await other.locator('.ranking-row').first().waitFor();
    expect(await other.locator('.ranking-row').allTextContents()).toEqual(
      own.map((text) => text.replace(/Se hur du och .+$/, '')),
    );
    expect(await other.getByRole('link', { name: 'Gör testet själv' }).count()).toBe(1);
    // The fragment never reaches the server.
    expect(
      requests.every((url) => !url.includes('#') && !url.includes(new URL(link).hash.slice(1))),
    ).toBe(true);

    // A link made before compasses had their own addresses (`/delat#…`) shows the same result.
    const old = await newPage();
    await old.goto(`${site.origin}/delat${new URL(link).hash}`);
    await old.waitForURL((url) => url.pathname === paths.shared);
    expect(new URL(old.url()).hash).toBe(new URL(link).hash);
    await old.locator('.ranking-row').first().waitFor();
    expect(await old.locator('.ranking-row').allTextContents()).toEqual(
      own.map((text) => text.replace(/Se hur du och .+$/, '')),
    );
  });

  it.each([
    ['a truncated link', (hash: string) => hash.slice(0, -6), 'Länken verkar ha blivit avklippt'],
    [
      'a tampered link',
      (hash: string) => `${hash.slice(0, -2)}${hash.endsWith('A') ? 'B' : 'A'}${hash.slice(-1)}`,
      'Länken har ändrats',
    ],
    [
      'an outdated link',
      (hash: string) => hash.replace('.1~0~0.', '.0~9~0.'),
      'Frågorna har ändrats sedan länken skapades',
    ],
    ['garbage', () => '#%%%<script>', 'Länken går inte att läsa'],
  ])('shows a friendly message for %s', async (_name, mutate, message) => {
    const page = await newPage();
    await answer(page, 1, 'Helt för');
    await page.goto(`${site.origin}${paths.results}`);
    await page.getByRole('button', { name: 'Skapa länk' }).click();
    const link = new URL(await page.getByLabel('Länk till ditt resultat').inputValue());
    const broken = await newPage();
    const errors: string[] = [];
    broken.on('pageerror', (e) => errors.push(e.message));
    await broken.goto(`${site.origin}${paths.shared}${mutate(link.hash)}`);
    await broken.getByRole('alert').filter({ hasText: message }).waitFor();
    expect(await broken.locator('.ranking-row').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('languages', () => {
  const readingLink = (page: Page, name: string) =>
    page.getByRole('banner').getByRole('link', { name, exact: true });

  it('switches to Arabic in the middle of the quiz, right to left, without losing answers', async () => {
    const page = await newPage();
    await answer(page, 1, 'Helt för');
    await answer(page, 2, 'Delvis emot');
    await page.goto(`${site.origin}${paths.statement(3)}`);
    await heading(page).waitFor();
    expect(await readingLink(page, 'Svenska').getAttribute('aria-current')).toBe('true');
    await readingLink(page, 'العربية').click();
    // The same statement, at its Arabic address.
    await page.waitForURL((url) => url.pathname === arabic.statement(3));
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.getByRole('heading', { level: 1, name: compass.statements[2]!.text.ar! }).waitFor();
    // The progress bar fills from the right, the way the text reads.
    const bar = (await page.locator('.progress-bar').boundingBox())!;
    const filled = (await page.locator('.progress-bar rect').boundingBox())!;
    expect(filled.x).toBeGreaterThan(bar.x);
    expect(Math.round(filled.x + filled.width)).toBe(Math.round(bar.x + bar.width));
    expect(await readingLink(page, 'العربية').getAttribute('aria-current')).toBe('true');
    expect(await readingLink(page, 'Svenska').getAttribute('aria-current')).toBeNull();
    // The choice is remembered: an address without a reading opens in Arabic.
    await page.goto(`${site.origin}${paths.review}`);
    await page.waitForURL((url) => url.pathname === arabic.review);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByRole('combobox').nth(0).inputValue()).toBe('1');
    expect(await page.getByRole('combobox').nth(1).inputValue()).toBe('-0.5');
    // The language was chosen by the reader, and quotes stay in Swedish.
    await page.goto(`${site.origin}${arabic.party('c')}`);
    expect(await page.locator('blockquote').first().getAttribute('lang')).toBe('sv');
  });

  it('follows the browser’s language on a page the app renders, and offers it on a prerendered one', async () => {
    const page = await newPage({ locale: 'en-GB' });
    // The review is rendered by the app: an address without a reading opens in English at once.
    await page.goto(`${site.origin}${paths.review}`);
    await page.waitForURL((url) => url.pathname === sitePaths('en', compass.id).review);
    await heading(page).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // A prerendered page is not loaded a second time: it stays Swedish and offers the English one.
    await page.goto(`${site.origin}${paths.statement(3)}`);
    await page.getByRole('heading', { level: 1, name: compass.statements[2]!.text.sv }).waitFor();
    expect(pathname(page)).toBe(paths.statement(3));
    await page
      .getByRole('group', { name: 'Also in English' })
      .getByRole('link', { name: 'Read it in English' })
      .click();
    await page.waitForURL((url) => url.pathname === sitePaths('en', compass.id).statement(3));
    await page.getByRole('heading', { level: 1, name: compass.statements[2]!.text.en }).waitFor();
    expect(await readingLink(page, 'English').getAttribute('aria-current')).toBe('true');
  });
});

describe('robustness', () => {
  it('lets the quiz work with storage blocked', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.origin}/`);
    await page.getByRole('link', { name: 'Starta' }).click();
    await page.getByRole('button', { name: 'Helt för', exact: true }).click();
    await page.getByText('Påstående 2 av 32').waitFor();
    await page.getByRole('button', { name: 'Helt emot', exact: true }).click();
    await page.getByText('Påstående 3 av 32').waitFor();
    expect(errors).toEqual([]);
  });

  it('says calmly that a page could not be loaded when the connection is gone', async () => {
    // No service worker, as on a first visit before it has kept the app on the device.
    const page = await newPage({ serviceWorkers: 'block' });
    await page.goto(`${site.origin}/`);
    await appStarted(page);
    await page.context().setOffline(true);
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: 'Så fungerar matchningen' })
      .click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Sidan kunde inte laddas.');
    await page.getByRole('button', { name: 'Ladda om' }).waitFor();
    // Followed from the footer: the message is brought into view, not left above it.
    expect(await page.getByRole('alert').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    expect(await page.getByRole('alert').isVisible()).toBe(true);
    const box = (await page.getByRole('alert').boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(844);
  });

  it('ignores garbage in storage', async () => {
    const page = await newPage();
    await page.addInitScript(
      (key) =>
        localStorage.setItem(key, '{"state":{"answers":{"x":{"answer":7}}},"version":1}garbage'),
      STORAGE_KEY,
    );
    await page.goto(`${site.origin}/`);
    await page.getByRole('link', { name: 'Starta' }).waitFor();
  });
});

describe('the programme viewer', () => {
  it('lands on the quoted passage from a party’s statement-by-statement view', async () => {
    const page = await newPage();
    const first = compass.statements.findIndex((s) => s.stances.c!.position !== null);
    await answer(page, first + 1, 'Helt för');
    await page.goto(`${site.origin}${paths.party('c')}`);
    await page.getByRole('link', { name: 'Visa citatet i programmet' }).first().click();
    await page
      .getByRole('heading', { level: 1, name: /Programmet: Centerpartiet i Sollentuna/ })
      .waitFor();
    const current = page.locator('mark.current').first();
    await current.waitFor();
    expect(await current.textContent()).toBe(compass.statements[first]!.stances.c!.quotes[0]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('current-quote');
    expect(await current.isVisible()).toBe(true);
  });
});

describe('accessibility (axe-core, WCAG 2.2 AA) on every screen', () => {
  /**
   * Every page's screens from the page table (src/app/page-screens.ts): the first of each page in
   * `npm test`, all in the sweep. This site has no classroom service, so the pages of a round are
   * checked by the class round's own suite (class-round.e2e.ts).
   */
  const screens = (at: typeof paths) => sweepScreens({ at, compass }, SWEEP ? 'all' : 'templates');
  /** The voter's answers a screen needs: to every statement, or to the first three. */
  const answersFor = (holds: 'answers' | 'few answers') =>
    Object.fromEntries(
      compass.statements
        .slice(0, holds === 'answers' ? undefined : 3)
        .map((s, i) => [s.id, { answer: ([1, 0.5, 0, -0.5, -1] as const)[i % 5]! }]),
    );

  it.each([
    ['Swedish, light mode', 'light', 'sv-SE', paths],
    ['Swedish, dark mode', 'dark', 'sv-SE', paths],
    ['Arabic, right to left', 'light', 'ar', arabic],
  ] as const)(
    'has no violations in %s',
    async (_name, colorScheme, locale, at) => {
      // bypassCSP only so that axe itself can be injected; the app's CSP is tested elsewhere.
      const page = await newPage({ bypassCSP: true, colorScheme, locale });
      const prepare = screenHolder(page, site.origin, compass, {
        answers: answersFor('answers'),
        'few answers': answersFor('few answers'),
      });
      const failures: string[] = [];
      for (const screen of screens(at)) {
        const path = await prepare(screen, at.results);
        await page.goto('about:blank');
        await page.goto(`${site.origin}${path}`);
        await pageReady(page, screen.readyAt);
        const violations = await axeViolations(page);
        for (const v of violations) failures.push(`${screen.name}: ${v}`);
      }
      expect(failures).toEqual([]);
    },
    // Each screen loaded and checked in full: about a second each, given ten.
    screens(paths).length * 10_000,
  );

  it('fits 320 px wide at 200 % zoom without horizontal scrolling', async () => {
    const page = await newPage({ viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 });
    for (const path of [
      paths.site,
      paths.statement(1),
      paths.results,
      paths.review,
      paths.method,
      paths.embedBuilder,
      paths.party('c'),
    ]) {
      await answer(page, 1, 'Helt för');
      await page.goto(`${site.origin}${path}`);
      await heading(page).waitFor();
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
