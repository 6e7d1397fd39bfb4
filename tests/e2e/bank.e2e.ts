import { beforeEach, describe, expect, it } from 'vitest';
import { sitePaths } from '../../src/config/paths.ts';
import { type BrowserContext, browserFixture, type Page } from '../../src/test/browser/browser.ts';
import { loadBank } from '../../src/tools/load-bank.ts';
import { toOpenData } from '../../src/tools/open-data.ts';

const bank = loadBank('questions/socialpolitik');
if (!bank.ok) throw new Error('the bank must be valid');
const paths = sitePaths('', bank.compass.id);
const englishPaths = sitePaths('en', bank.compass.id);

// A desktop window (Playwright's default size), in Swedish.
const site = browserFixture({ context: { viewport: { width: 1280, height: 720 } } });
let context: BrowserContext;
let page: Page;
let requests: string[];

beforeEach(async () => {
  context = await site.newContext();
  page = await context.newPage();
  requests = [];
  page.on('request', (request) => requests.push(request.url()));
});

describe('the built site', () => {
  it('shows the compass from its open data, with no cookies and no request to another origin', async () => {
    await page.goto(`${site.origin}/`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Socialpolitik i kommunen');
    expect(await page.getByText('32 påståenden, ungefär 6 minuter.').count()).toBe(1);
    expect(await context.cookies()).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => new URL(url).origin !== site.origin)).toEqual([]);
  });

  it('lets a reader check every statement against the verbatim quotes', async () => {
    await page.goto(`${site.origin}/`);
    await page.getByRole('link', { name: 'Alla påståenden och citat' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Påståenden och partiernas ståndpunkter' })
      .waitFor();
    expect(page.url()).toBe(`${site.origin}${paths.statements}`);
    expect(await page.getByRole('heading', { level: 2 }).count()).toBe(32);
    const item = page.getByRole('listitem', {
      name: 'Kommunen ska se till att det byggs fler hyreslägenheter med låg hyra.',
    });
    expect(await item.getByText('Fler billiga hyreslägenheter bör byggas.').count()).toBe(1);
    const english = () => page.getByRole('banner').getByRole('link', { name: 'English' });
    await english().click();
    const title = page.getByRole('heading', {
      level: 1,
      name: 'Statements and the parties’ positions',
    });
    await title.waitFor();
    expect(page.url()).toBe(`${site.origin}${englishPaths.statements}`);
    expect(await english().getAttribute('aria-current')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The old address (from before compasses had their own) leads to the same page, in the
    // reading chosen on this device.
    await page.goto(`${site.origin}/pastaenden`);
    await title.waitFor();
    expect(page.url()).toBe(`${site.origin}${englishPaths.statements}`);
  });

  it('publishes the open data: JSON equal to the bank, CSV and JSON Schema beside it', async () => {
    const json = await page.request.get(`${site.origin}/data/socialpolitik.json`);
    expect(json.ok()).toBe(true);
    expect(await json.json()).toEqual(JSON.parse(JSON.stringify(toOpenData(bank.compass))));
    const csv = await page.request.get(`${site.origin}/data/socialpolitik.csv`);
    expect((await csv.text()).split('\r\n')[0]).toBe(
      'statement_id,theme,direction,text_sv,text_en,party,position,confidence,quotes,rationale',
    );
    const schema = await page.request.get(`${site.origin}/data/compass.schema.json`);
    expect((await schema.json()) as object).toHaveProperty('$defs.stance');
  });

  it('shows a friendly message instead of figures when the data is broken', async () => {
    await page.route('**/data/socialpolitik.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: '{"id":"socialpolitik","statements":"nope"}',
      }),
    );
    await page.goto(`${site.origin}/`);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Kompassens data är trasig');
  });

  it('answers an unknown address with a not-found page', async () => {
    await page.goto(`${site.origin}/finns-inte`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Sidan finns inte');
  });
});
