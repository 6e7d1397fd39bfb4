import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadValidBank } from '../../src/tools/load-bank.ts';
import { launchChromium, serveBuiltSite } from './browser.ts';

const compass = loadValidBank('questions/socialpolitik');

let browser: Browser;
let app: PreviewServer;
let appOrigin: string;
let host: Server;
let hostOrigin: string;
const contexts: BrowserContext[] = [];

/** A news article on another origin (another port), with hostile CSS and its own analytics hook. */
function article(snippet: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Artikel</title>
<style>button, h1, p { background: rgb(255, 0, 0) !important; font-size: 40px !important; }</style></head>
<body><h1>Lokala nyheter</h1><p>Ingress.</p>${snippet}<p id="after">Texten fortsätter.</p>
<script>
  window.events = []; window.heights = []; window.cls = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.cls += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
  for (const name of ['ready', 'started', 'completed'])
    document.addEventListener('valkompass:' + name, (e) => window.events.push({ type: e.type, detail: e.detail }));
  new ResizeObserver(() => { const f = document.querySelector('iframe'); if (f) window.heights.push(f.getBoundingClientRect().height); })
    .observe(document.body);
</script></body></html>`;
}

beforeAll(async () => {
  ({ server: app, url: appOrigin } = await serveBuiltSite());
  host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    // The snippet from the builder reserves the frame's height on the container (EMBED.md).
    const attrs = `style="min-height:640px" ${url.searchParams.get('attrs') ?? 'data-lang="sv"'}`;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(
      article(
        `<div data-valkompass="socialpolitik" ${attrs}></div><script src="${appOrigin}/embed.js" async></script>`,
      ),
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => host?.close(resolve));
});
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function hostPage(attrs?: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'sv-SE',
    viewport: { width: 390, height: 844 },
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${hostOrigin}/${attrs ? `?attrs=${encodeURIComponent(attrs)}` : ''}`);
  return page;
}

const frameOf = (page: Page) => page.frameLocator('iframe[data-valkompass-frame]');
const events = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { events: { type: string; detail: unknown }[] }).events,
  );

describe('the embed snippet on a page of another origin', () => {
  it('puts in a titled, lazy, sandboxed iframe with reserved height, and the host page does not shift', async () => {
    const page = await hostPage();
    const iframe = page.locator('iframe[data-valkompass-frame]');
    await iframe.waitFor();
    expect(await iframe.getAttribute('title')).toBe('Valkompass');
    expect(await iframe.getAttribute('loading')).toBe('lazy');
    expect(await iframe.getAttribute('sandbox')).toContain('allow-scripts');
    expect(new URL((await iframe.getAttribute('src'))!).origin).toBe(appOrigin);
    await frameOf(page).getByRole('link', { name: 'Starta' }).waitFor();
    await page.waitForFunction(
      () => (window as unknown as { events: unknown[] }).events.length > 0,
    );
    expect(await events(page)).toEqual([{ type: 'valkompass:ready', detail: {} }]);
    expect((await iframe.boundingBox())!.height).toBe(640);
    expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBe(0);
  });

  it('follows the content height through the quiz and tells the host started and completed, never the answers', async () => {
    const page = await hostPage('data-lang="sv" data-start="quiz"');
    const frame = frameOf(page);
    const labels = ['Helt för', 'Delvis emot', 'Varken för eller emot', 'Helt emot', 'Delvis för'];
    await frame.getByText(`Påstående 1 av ${compass.statements.length}`).waitFor();
    const historyBefore = await page.evaluate(() => history.length);
    for (let n = 1; n <= compass.statements.length; n++) {
      await frame.getByText(`Påstående ${n} av ${compass.statements.length}`).waitFor();
      await frame.getByRole('button', { name: labels[n % 5]!, exact: true }).click();
    }
    await frame.getByRole('link', { name: 'Se ditt resultat' }).click();
    await frame.getByRole('heading', { level: 1, name: 'Ditt resultat' }).waitFor();
    await page.waitForFunction(() =>
      (window as unknown as { events: { type: string }[] }).events.some(
        (e) => e.type === 'valkompass:completed',
      ),
    );
    const received = await events(page);
    expect(received.map((e) => e.type)).toEqual([
      'valkompass:ready',
      'valkompass:started',
      'valkompass:completed',
    ]);
    expect(received[2]!.detail).toEqual({ answered: compass.statements.length });
    expect(JSON.stringify(received)).not.toMatch(/socialpolitik|samma-budget|percent|%/);
    // The frame followed its content: it grew (the long result) and shrank (shorter statements).
    const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
    const steps = heights.slice(1).map((h, i) => h - heights[i]!);
    expect(steps.some((d) => d > 0)).toBe(true);
    expect(steps.some((d) => d < 0)).toBe(true);
    expect((await page.locator('iframe').boundingBox())!.height).toBeGreaterThan(1500);
    // The host's history is untouched: the frame used an in-memory router, so even its own
    // address is still the one the loader gave it.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    const hostUrl = page.url();
    expect(new URL(hostUrl).origin).toBe(hostOrigin);
    expect(new URL(hostUrl).pathname).toBe('/');
    expect(new URL(page.frames()[1]!.url()).pathname).toBe('/embed/socialpolitik');
  });

  it('ignores forged messages and keeps the host CSS out of the quiz', async () => {
    const page = await hostPage();
    await frameOf(page).getByRole('link', { name: 'Starta' }).waitFor();
    await page.evaluate(() => {
      window.postMessage({ source: 'valkompass', type: 'height', height: 5 }, '*');
      window.postMessage({ source: 'valkompass', type: 'completed', answered: 99 }, '*');
    });
    await page.waitForTimeout(200);
    expect((await page.locator('iframe').boundingBox())!.height).toBe(640);
    expect((await events(page)).map((e) => e.type)).toEqual(['valkompass:ready']);
    const style = await frameOf(page)
      .getByRole('link', { name: 'Starta' })
      .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).fontSize]);
    expect(style[0]).not.toBe('rgb(255, 0, 0)');
    expect(style[1]).not.toBe('40px');
  });

  it('works with storage blocked inside the frame and sets no cookies', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    contexts.push(context);
    await context.addInitScript(() => {
      if (window.top === window) return;
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${hostOrigin}/`);
    const frame = frameOf(page);
    await frame.getByRole('link', { name: 'Starta' }).click();
    await frame.getByRole('button', { name: 'Helt för', exact: true }).click();
    await frame.getByText('Påstående 2 av 32').waitFor();
    expect(errors).toEqual([]);
    expect(await context.cookies()).toEqual([]);
  });

  it('applies valid options, ignores invalid ones with a warning, and can start at the first statement', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    contexts.push(context);
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(
      `${hostOrigin}/?attrs=${encodeURIComponent('data-lang="en" data-start="quiz" data-theme="pink" data-parties="s,v"')}`,
    );
    const frame = frameOf(page);
    await frame.getByText(/Statement 1 of 32/).waitFor();
    expect(warnings.some((w) => w.includes('data-theme="pink"'))).toBe(true);
    await frame.getByRole('link', { name: 'Open in full page' }).waitFor();
  });

  it('embeds a single statement: answer, see the programmes, continue with the answer given', async () => {
    const statement = compass.statements.find((s) => s.id === 'samma-budget')!;
    const page = await hostPage('data-statement="samma-budget"');
    const frame = frameOf(page);
    await frame.getByRole('heading', { level: 1, name: statement.text.sv }).waitFor();
    await frame.getByRole('button', { name: 'Helt emot', exact: true }).click();
    await frame.getByRole('heading', { name: 'Så säger partiernas program' }).waitFor();
    expect(await frame.locator('blockquote').first().textContent()).toBe(
      compass.parties.map((p) => statement.stances[p.id]!).find((s) => s.quotes.length > 0)!
        .quotes[0],
    );
    await page.waitForFunction(() =>
      (window as unknown as { events: { type: string }[] }).events.some(
        (e) => e.type === 'valkompass:completed',
      ),
    );
    const link = await frame
      .getByRole('link', { name: 'Gör hela testet med ditt svar' })
      .getAttribute('href');
    expect(new URL(link!).hash).toBe('#svar=samma-budget:-1');
    const full = await page.context().newPage();
    await full.goto(link!);
    await full.getByRole('heading', { level: 1 }).waitFor();
    await full.goto(`${appOrigin}/granska`);
    const row = full.getByRole('listitem').filter({ hasText: statement.text.sv });
    expect(await row.getByRole('combobox').inputValue()).toBe('-1');
  });

  it('works as a plain iframe in a sandbox (allow-scripts allow-same-origin allow-popups), for CMSes that strip scripts', async () => {
    const context = await browser.newContext({ locale: 'sv-SE' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${hostOrigin}/plain`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('link', { name: 'Starta' }).click();
    await frame.getByRole('button', { name: 'Helt för', exact: true }).click();
    await frame.getByText('Påstående 2 av 32').waitFor();
    expect(await context.cookies()).toEqual([]);
  });
});

describe('the snippet builder', () => {
  it('lets an editor choose options, preview them, and copy a snippet that works', async () => {
    const context = await browser.newContext({
      locale: 'sv-SE',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${appOrigin}/embed`);
    await page.getByRole('heading', { level: 1, name: 'Bädda in valkompassen' }).waitFor();
    await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
    await page.getByRole('combobox', { name: 'Börja med' }).selectOption('quiz');
    await page.getByRole('checkbox', { name: 'Kompakt läge' }).check();
    const snippet = await page.getByLabel('Klistra in de här två raderna i artikeln').inputValue();
    expect(snippet).toBe(
      `<div data-valkompass="socialpolitik" data-lang="en" data-compact="true" data-start="quiz" style="min-height:480px"></div>\n<script src="${appOrigin}/embed.js" async></script>`,
    );
    await page.frameLocator('iframe.preview').getByText('Statement 1 of 32').waitFor();
    await page.getByRole('button', { name: 'Kopiera koden' }).click();
    await page.getByText('Koden är kopierad.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  });
});
