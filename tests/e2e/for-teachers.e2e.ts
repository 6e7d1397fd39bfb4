/**
 * The teachers' page (/socialpolitik/larare) in Chromium, on the built site: reached from the
 * footer, every link on it resolves (in-page anchors, app pages, open data), axe-core finds
 * nothing, it fits 320 px (also at 200 % text) with no word broken, it prints without the app's
 * chrome, and the classroom round links to the classroom page (…/klass) only where the classroom
 * service runs.
 *
 * VALKOMPASS_SCREENSHOTS=1 also writes docs/screenshots/larare-*.png (360 px wide).
 */
import { describe, expect, it } from 'vitest';
import { PRINTABLES, sitePaths } from '../../src/config/paths.ts';
import { themeDiscussions } from '../../src/features/for-teachers/discussion.ts';
import en from '../../src/i18n/locales/lessons/en.json';
import sv from '../../src/i18n/locales/lessons/sv.json';
import { measure } from '../../src/test/browser/broken-words.ts';
import {
  axeViolations,
  browserFixture,
  classroomService,
  type Page,
} from '../../src/test/browser/browser.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';

const compass = loadValidBank('questions/socialpolitik');
/** The compass's pages in Swedish (`/socialpolitik/…`); the teachers' page is `paths.teachers`. */
const paths = sitePaths('', compass.id);
const SCREENSHOTS = process.env.VALKOMPASS_SCREENSHOTS === '1';

const site = browserFixture();
const { newPage } = site;

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * Opens the teachers' page (at `path`: in Swedish unless told) and waits until the classroom plan
 * knows whether the service exists.
 */
async function openGuide(
  page: Page,
  base = site.origin,
  title = sv.title,
  absent = sv.plans.absent,
  path = paths.teachers,
) {
  await page.goto(`${base}${path}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByText(absent).or(page.getByText(sv.plans.present)).first().waitFor();
}

describe('/larare on a static site (no classroom service)', () => {
  it('opens from the footer, and every link on it resolves', { timeout: 180_000 }, async () => {
    const page = await newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // The static site answers the classroom service's health check with 404, as it should.
    page.on(
      'console',
      (m) =>
        m.type() === 'error' &&
        !m.location().url.endsWith('/api/health') &&
        problems.push(m.text()),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${site.origin}/`);
    await heading(page).waitFor();
    await page.locator('footer').getByRole('link', { name: 'För lärare' }).click();
    await page.getByRole('heading', { level: 1, name: sv.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe(paths.teachers);
    // No service here: the round is run by hand and /klass is not offered in the plan.
    await page.getByText(sv.plans.absent).waitFor();
    const plan = page.getByRole('article', { name: sv.plan.classroom.title });
    expect(await plan.getByRole('link', { name: sv.links.classroom }).count()).toBe(0);

    const hrefs = await page
      .locator('.teacher-guide a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(20);
    // In-page links: each goes to a heading on the page.
    for (const href of hrefs.filter((h) => h.startsWith('#'))) {
      const tag = await page.evaluate(
        (id) => document.getElementById(id)?.tagName ?? null,
        decodeURIComponent(href.slice(1)),
      );
      expect(tag, href).toMatch(/^H[23]$/);
    }
    // Clicking the table of contents moves to the section.
    await page
      .getByRole('navigation', { name: sv.tocLabel })
      .getByRole('link', { name: sv.material.title })
      .click();
    expect(new URL(page.url()).hash).toBe('#material');
    expect(
      await page.getByRole('heading', { level: 2, name: sv.material.title }).boundingBox(),
    ).toMatchObject({ y: expect.any(Number) });
    expect(
      await page.evaluate(() => {
        const top = document.getElementById('material')!.getBoundingClientRect().top;
        return top >= 0 && top < window.innerHeight;
      }),
    ).toBe(true);
    // Open data: fetched, 200, the compass itself.
    const data = hrefs.filter((h) => h.startsWith('/data/'));
    expect(data).toEqual([`/data/${compass.id}.json`, `/data/${compass.id}.csv`]);
    for (const href of data) {
      const response = await page.request.get(`${site.origin}${href}`);
      expect(response.status(), href).toBe(200);
      if (href.endsWith('.json')) expect((await response.json()).id).toBe(compass.id);
      else
        expect((await response.text()).split('\n').length).toBeGreaterThan(
          compass.statements.length,
        );
    }
    // App pages: each renders a page with a heading, never "not found".
    const appLinks = [
      ...new Set(hrefs.filter((h) => h.startsWith('/') && !h.startsWith('/data/'))),
    ];
    for (const path of [paths.home, paths.statements, paths.method, paths.quoteGame, paths.results])
      expect(appLinks).toContain(path);
    for (const name of PRINTABLES) expect(appLinks).toContain(paths.printable(name));
    for (const party of compass.parties) expect(appLinks).toContain(paths.programme(party.id));
    // Four tabs at a time, each link loaded afresh (a change of the fragment alone would not
    // reload the programme viewer).
    const queue = [...appLinks];
    const visit = async (tab: Page) => {
      for (let href = queue.shift(); href !== undefined; href = queue.shift()) {
        await tab.goto('about:blank');
        await tab.goto(`${site.origin}${href}`);
        const h1 = heading(tab).first();
        await h1.waitFor();
        expect(await h1.textContent(), href).not.toBe('Sidan finns inte');
        // A link to a passage lands on the quoted passage, highlighted (also a passage that the
        // programme is quoted with for more than one statement).
        if (href.startsWith(`/${compass.id}/program/`) && href.includes('#'))
          await tab.locator('mark.current').first().waitFor();
      }
    };
    const tabs = await Promise.all([1, 2, 3, 4].map(() => page.context().newPage()));
    for (const tab of tabs) {
      tab.on('request', (r) => requests.push(r.url()));
      tab.on('pageerror', (e) => problems.push(e.message));
    }
    await Promise.all(tabs.map(visit));
    expect(await page.context().cookies()).toEqual([]);
    expect(requests.filter((url) => new URL(url).origin !== site.origin)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the generated comparisons with quotes that link to the passage', async () => {
    const page = await newPage();
    await openGuide(page);
    for (const { theme, comparison } of themeDiscussions(compass)) {
      const article = page.getByRole('article', { name: theme.name.sv, exact: true });
      if (!comparison) {
        await article.getByText(sv.discussion.noComparison).waitFor();
        continue;
      }
      for (const side of [comparison.first, comparison.second]) {
        const link = article.getByRole('link', {
          name: `Läs stycket i programmet från ${side.party.name}`,
        });
        expect(await link.getAttribute('href')).toBe(
          paths.programme(side.party.id, comparison.statement.id),
        );
        expect(await article.locator('blockquote[lang="sv"]').allTextContents()).toContain(
          side.quote,
        );
      }
    }
  });

  it('has no accessibility violations (axe-core) in Swedish, dark mode and Arabic', async () => {
    const failures: string[] = [];
    for (const [name, colorScheme, locale, title, absent, reading] of [
      ['sv light', 'light', 'sv-SE', sv.title, sv.plans.absent, ''],
      ['sv dark', 'dark', 'sv-SE', sv.title, sv.plans.absent, ''],
      ['ar (English text)', 'light', 'ar', en.title, en.plans.absent, 'ar'],
    ] as const) {
      const page = await newPage({ bypassCSP: true, colorScheme, locale });
      await openGuide(page, site.origin, title, absent, sitePaths(reading, compass.id).teachers);
      if (locale === 'ar') {
        expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
        expect(await page.locator('.teacher-guide').getAttribute('lang')).toBe('en');
        expect(await page.locator('.teacher-guide').getAttribute('dir')).toBe('ltr');
      }
      const violations = await axeViolations(page);
      for (const v of violations) failures.push(`${name}: ${v}`);
    }
    expect(failures).toEqual([]);
  });

  it('fits 390, 360 and 320 px with no word broken, and 320 px at 200 % without sideways scrolling', async () => {
    // The page as a static site shows it (the word-break suite sees it with the classroom service).
    for (const [locale, title, absent, reading] of [
      ['sv-SE', sv.title, sv.plans.absent, ''],
      ['en-GB', en.title, en.plans.absent, 'en'],
    ] as const) {
      const page = await newPage({ locale });
      await openGuide(page, site.origin, title, absent, sitePaths(reading, compass.id).teachers);
      expect(await measure(page), locale).toEqual([]);
    }
  });

  it('prints without the header, the footer and the table of contents', async () => {
    const page = await newPage();
    await openGuide(page);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.site-footer', '.teacher-guide-toc'])
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    expect(await heading(page).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.runIf(SCREENSHOTS)('takes screenshots at 360 px (docs/screenshots/larare-*.png)', async () => {
    for (const [name, locale, colorScheme, title, absent, reading] of [
      ['sv', 'sv-SE', 'light', sv.title, sv.plans.absent, ''],
      ['ar', 'ar', 'dark', en.title, en.plans.absent, 'ar'],
    ] as const) {
      const page = await newPage({ viewport: { width: 360, height: 780 }, locale, colorScheme });
      await openGuide(page, site.origin, title, absent, sitePaths(reading, compass.id).teachers);
      await page.screenshot({ path: `docs/screenshots/larare-360-${name}.png` });
      if (name === 'sv') {
        await page.getByRole('article', { name: sv.plan.quiz.title }).scrollIntoViewIfNeeded();
        await page
          .getByRole('article', { name: sv.plan.quiz.title })
          .screenshot({ path: 'docs/screenshots/larare-360-lektion.png' });
        await page
          .getByRole('article', { name: 'Tidiga och förebyggande insatser' })
          .screenshot({ path: 'docs/screenshots/larare-360-jamforelse.png' });
      }
    }
  });
});

describe('/larare with the classroom service', () => {
  it('links the classroom round to the classroom page, which opens', async () => {
    const service = await site.serveForTest(classroomService);
    const page = await newPage();
    // The old address (from before compasses had their own), served by the Node server, leads
    // to the compass's teachers' page.
    await openGuide(page, service.url, sv.title, sv.plans.absent, '/larare');
    expect(new URL(page.url()).pathname).toBe(paths.teachers);
    await page.getByText(sv.plans.present).waitFor();
    const plan = page.getByRole('article', { name: sv.plan.classroom.title });
    expect(await plan.getByText(sv.plan.classroom.steps.answer).count()).toBe(1);
    await plan.getByRole('link', { name: sv.links.classroom }).click();
    await page.getByRole('heading', { level: 1, name: 'Klassomgång' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(paths.classroom);
  });
});
