import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { READY_ATTRIBUTE } from '../../src/config/boot-contract.ts';
import {
  FRAME_SANDBOX,
  PLAIN_FRAME_HEIGHT,
  RESERVED_HEIGHT,
} from '../../src/config/embed-contract.ts';
import { sitePaths } from '../../src/config/paths.ts';
import { defaultSnippetChoice, iframeSnippet } from '../../src/features/embed/snippet.ts';
import { STORAGE_KEY } from '../../src/state/answers-store.ts';
import {
  type BrowserContext,
  type BrowserContextOptions,
  browserFixture,
  type Page,
  pageReady,
  serveBuiltSite,
  type Served,
} from '../../src/test/browser/browser.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';

const compass = loadValidBank('questions/socialpolitik');
const total = compass.statements.length;
/** The compass's pages on the site itself, in Swedish (`/socialpolitik/…`). */
const paths = sitePaths('', compass.id);

// Generous limits for a busy machine: every wait is for something the reader sees (or the host
// page receives), so a fast run is not slowed down by them.
const WAIT = 60_000;
const TEST = 240_000;

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

/** The built site, and on another origin (another port) the article that embeds it. */
async function siteAndArticle(): Promise<Served & { readonly host: string }> {
  const app = await serveBuiltSite();
  const host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (url.pathname === '/plain') {
      // The script-free snippet from the builder, for CMSes that strip scripts.
      const plain = iframeSnippet(defaultSnippetChoice(compass.id), app.url, 'Valkompass');
      res.end(article(plain));
      return;
    }
    // The snippet from the builder reserves the frame's height on the container (EMBED.md).
    const attrs = `style="min-height:${RESERVED_HEIGHT.full}px" ${url.searchParams.get('attrs') ?? 'data-lang="sv"'}`;
    res.end(
      article(
        `<div data-valkompass="socialpolitik" ${attrs}></div><script src="${app.url}/embed.js" async></script>`,
      ),
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  let closing: Promise<void> | undefined;
  return {
    url: app.url,
    host: `http://127.0.0.1:${(host.address() as AddressInfo).port}`,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await new Promise((resolve) => host.close(resolve));
      })()),
  };
}

// A desktop window (Playwright's default size) unless a test asks for a phone.
const site = browserFixture({
  serve: siteAndArticle,
  context: { viewport: { width: 1280, height: 720 } },
  timeout: 2 * WAIT,
});

/** A fresh browser context (closed after the test) whose waits all allow {@link WAIT}. */
async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await site.newContext(options);
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  return context;
}

async function hostPage(attrs?: string): Promise<Page> {
  const context = await newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${site.server.host}/${attrs ? `?attrs=${encodeURIComponent(attrs)}` : ''}`);
  return page;
}

const frameOf = (page: Page) => page.frameLocator('iframe[data-valkompass-frame]');
const events = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { events: { type: string; detail: unknown }[] }).events,
  );
/** Waits until the host page has received the DOM event `valkompass:<type>`. */
const receivedEvent = (page: Page, type: string) =>
  page.waitForFunction(
    (name) =>
      (window as unknown as { events: { type: string }[] }).events.some((e) => e.type === name),
    `valkompass:${type}`,
  );
const frameHeight = async (page: Page) => (await page.locator('iframe').boundingBox())?.height ?? 0;

describe('the embed snippet on a page of another origin', { timeout: TEST }, () => {
  it('puts in a titled, lazy, sandboxed iframe with reserved height, and the host page does not shift', async () => {
    const page = await hostPage();
    const iframe = page.locator('iframe[data-valkompass-frame]');
    await iframe.waitFor();
    expect(await iframe.getAttribute('title')).toBe('Valkompass');
    expect(await iframe.getAttribute('loading')).toBe('lazy');
    expect(await iframe.getAttribute('sandbox')).toBe(FRAME_SANDBOX);
    expect(await iframe.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(new URL((await iframe.getAttribute('src'))!).origin).toBe(site.origin);
    await frameOf(page).getByRole('link', { name: 'Starta' }).waitFor();
    await receivedEvent(page, 'ready');
    expect(await events(page)).toEqual([{ type: 'valkompass:ready', detail: {} }]);
    expect(await frameHeight(page)).toBe(RESERVED_HEIGHT.full);
    expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBe(0);
  });

  it('follows the content height through the quiz and tells the host started and completed, never the answers', async () => {
    const page = await hostPage('data-lang="sv" data-start="quiz"');
    const frame = frameOf(page);
    const labels = ['Helt för', 'Delvis emot', 'Varken för eller emot', 'Helt emot', 'Delvis för'];
    await frame.getByText(`Påstående 1 av ${total}`).waitFor();
    const historyBefore = await page.evaluate(() => history.length);
    for (let n = 1; n <= total; n++) {
      await frame.getByText(`Påstående ${n} av ${total}`).waitFor();
      await frame.getByRole('button', { name: labels[n % 5]!, exact: true }).click();
    }
    await frame.getByRole('link', { name: 'Se ditt resultat' }).click();
    await frame.getByRole('heading', { level: 1, name: 'Ditt resultat' }).waitFor();
    await receivedEvent(page, 'completed');
    // The frame grows to the long result once it has laid it out.
    await expect.poll(() => frameHeight(page), { timeout: WAIT }).toBeGreaterThan(1500);
    const received = await events(page);
    expect(received.map((e) => e.type)).toEqual([
      'valkompass:ready',
      'valkompass:started',
      'valkompass:completed',
    ]);
    expect(received[2]!.detail).toEqual({ answered: total });
    expect(JSON.stringify(received)).not.toMatch(/socialpolitik|samma-budget|percent|%/);
    // The frame followed its content: it grew (the long result) and shrank (shorter statements).
    const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
    const steps = heights.slice(1).map((h, i) => h - heights[i]!);
    expect(steps.some((d) => d > 0)).toBe(true);
    expect(steps.some((d) => d < 0)).toBe(true);
    // The host's history is untouched: the frame used an in-memory router, so even its own
    // address is still the one the loader gave it.
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
    const hostUrl = page.url();
    expect(new URL(hostUrl).origin).toBe(site.server.host);
    expect(new URL(hostUrl).pathname).toBe('/');
    expect(new URL(page.frames()[1]!.url()).pathname).toBe(paths.embedFrame(compass.id));
  });

  it('grows only once a press is complete, so a tap in a scrolled frame lands where it began', async () => {
    const page = await hostPage('data-lang="sv" data-start="quiz"');
    const frame = frameOf(page);
    const button = frame.getByRole('button', { name: 'Helt emot', exact: true });
    await button.waitFor();
    // The reader has scrolled down inside the frame (its content is taller than the height
    // reserved for it) and puts a finger on an answer.
    await button.evaluate((b) => b.scrollIntoView({ block: 'end' }));
    expect(await button.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const box = (await button.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    // Whatever the press set off has reached the host page and been laid out: messages from the
    // frame arrive in order, so the marker comes after any height the frame sent; then a frame
    // is drawn in each document.
    const frameWindow = page.frames()[1]!;
    const painted = () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      );
    await page.evaluate(() => {
      const host = window as unknown as { pressedMarker: Promise<void> };
      host.pressedMarker = new Promise<void>((resolve) => {
        window.addEventListener('message', function done(event) {
          if (event.data !== 'pressed-marker') return;
          window.removeEventListener('message', done);
          resolve();
        });
      });
    });
    await frameWindow.evaluate(() => window.parent.postMessage('pressed-marker', '*'));
    await page.evaluate(
      () => (window as unknown as { pressedMarker: Promise<void> }).pressedMarker,
    );
    await page.evaluate(painted);
    await frameWindow.evaluate(painted);
    expect(await frameHeight(page)).toBe(RESERVED_HEIGHT.full);
    await page.mouse.up();
    await frame.getByText(`Påstående 2 av ${total}`).waitFor();
    // The tap answered the statement it began on, and the frame then followed its content.
    const stored = await frameWindow.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    expect(JSON.parse(stored!).state.answers).toEqual({
      [compass.statements[0]!.id]: { answer: -1 },
    });
    await expect.poll(() => frameHeight(page), { timeout: WAIT }).not.toBe(RESERVED_HEIGHT.full);
  });

  it('ignores forged messages and keeps the host CSS out of the quiz', async () => {
    const page = await hostPage();
    await frameOf(page).getByRole('link', { name: 'Starta' }).waitFor();
    await receivedEvent(page, 'ready');
    // Forged messages from the host page itself, then a marker: messages arrive in order, so once
    // the marker is in, the loader has already seen (and refused) the forged ones.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const marker = 'forged-messages-delivered';
          window.addEventListener('message', function done(event) {
            if (event.data !== marker) return;
            window.removeEventListener('message', done);
            resolve();
          });
          window.postMessage({ source: 'valkompass', type: 'height', height: 5 }, '*');
          window.postMessage({ source: 'valkompass', type: 'completed', answered: 99 }, '*');
          window.postMessage(marker, '*');
        }),
    );
    expect(await frameHeight(page)).toBe(RESERVED_HEIGHT.full);
    expect((await events(page)).map((e) => e.type)).toEqual(['valkompass:ready']);
    const style = await frameOf(page)
      .getByRole('link', { name: 'Starta' })
      .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).fontSize]);
    expect(style[0]).not.toBe('rgb(255, 0, 0)');
    expect(style[1]).not.toBe('40px');
  });

  it('works with storage blocked inside the frame and sets no cookies', async () => {
    const context = await newContext();
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
    await page.goto(`${site.server.host}/`);
    const frame = frameOf(page);
    await frame.getByRole('link', { name: 'Starta' }).click();
    await frame.getByRole('button', { name: 'Helt för', exact: true }).click();
    await frame.getByText(`Påstående 2 av ${total}`).waitFor();
    expect(errors).toEqual([]);
    expect(await context.cookies()).toEqual([]);
  });

  it('applies valid options, ignores invalid ones with a warning, and can start at the first statement', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const warned = page.waitForEvent('console', {
      predicate: (m) => m.type() === 'warning' && m.text().includes('data-theme="pink"'),
    });
    await page.goto(
      `${site.server.host}/?attrs=${encodeURIComponent('data-lang="en" data-start="quiz" data-theme="pink" data-parties="s,v"')}`,
    );
    await warned;
    const frame = frameOf(page);
    await frame.getByText(`Statement 1 of ${total}`).waitFor();
    await frame.getByRole('link', { name: 'Open in full page' }).waitFor();
  });

  it('embeds a single statement: answer, see the programmes, continue with the answer given', async () => {
    const statement = compass.statements.find((s) => s.id === 'samma-budget')!;
    const page = await hostPage('data-statement="samma-budget"');
    const frame = frameOf(page);
    await frame.getByRole('heading', { level: 1, name: statement.text.sv }).waitFor();
    // The statement is shown before its script has taken over; a click before that is lost.
    await frame.locator(`html[${READY_ATTRIBUTE}]`).waitFor({ state: 'attached' });
    await frame.getByRole('button', { name: 'Helt emot', exact: true }).click();
    await frame.getByRole('heading', { name: 'Så säger partiernas program' }).waitFor();
    expect(await frame.locator('blockquote').first().textContent()).toBe(
      compass.parties.map((p) => statement.stances[p.id]!).find((s) => s.quotes.length > 0)!
        .quotes[0],
    );
    await receivedEvent(page, 'completed');
    const link = await frame
      .getByRole('link', { name: 'Gör hela testet med ditt svar' })
      .getAttribute('href');
    expect(new URL(link!).hash).toBe('#svar=samma-budget:-1');
    // The link opens the whole quiz after this statement; the app takes the answer, then drops
    // the fragment from the address.
    const full = await page.context().newPage();
    await full.goto(link!);
    await full.waitForURL((url) => url.hash === '');
    const index = compass.statements.indexOf(statement);
    expect(new URL(full.url()).pathname).toBe(paths.statement(index + 2));
    await full.getByText(`Påstående ${index + 2} av ${total}`).waitFor();
    await full.goto(`${site.origin}${paths.review}`);
    const row = full.getByRole('listitem').filter({ hasText: statement.text.sv });
    expect(await row.getByRole('combobox').inputValue()).toBe('-1');
  });

  it('works as a plain iframe in a sandbox (allow-scripts allow-same-origin allow-popups), for CMSes that strip scripts', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.host}/plain`);
    // The builder's script-free snippet: no loader, a fixed height, the same sandbox.
    const iframe = page.locator('iframe');
    await iframe.waitFor();
    expect(await page.locator('script[src$="embed.js"], [data-valkompass]').count()).toBe(0);
    expect(await iframe.getAttribute('sandbox')).toBe(FRAME_SANDBOX);
    expect(await frameHeight(page)).toBe(PLAIN_FRAME_HEIGHT.quiz);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('link', { name: 'Starta' }).click();
    await frame.getByRole('button', { name: 'Helt för', exact: true }).click();
    await frame.getByText(`Påstående 2 av ${total}`).waitFor();
    expect(await context.cookies()).toEqual([]);
  });
});

describe('the snippet builder', { timeout: TEST }, () => {
  it('lets an editor choose options, preview them, and copy a snippet that works', async () => {
    const context = await newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    // The builder's old address (from before compasses had their own) leads to the compass's.
    await page.goto(`${site.origin}/embed`);
    await page.waitForURL((url) => url.pathname === paths.embedBuilder);
    await page.getByRole('heading', { level: 1, name: 'Bädda in valkompassen' }).waitFor();
    // The builder is prerendered: its controls are shown before the script takes them over, and a
    // choice made before that is undone when it does.
    await pageReady(page, paths.embedBuilder);
    await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
    const start = page.getByRole('combobox', { name: 'Börja med' });
    await start.focus();
    await start.selectOption('quiz');
    // The preview now opens on the first statement; the focus stays with the editor's choice.
    await page.frameLocator('iframe.preview').getByText(`Statement 1 of ${total}`).waitFor();
    expect(await start.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByRole('checkbox', { name: 'Kompakt läge' }).check();
    const field = page.getByLabel('Klistra in de här två raderna i artikeln');
    const snippet = `<div data-valkompass="socialpolitik" data-lang="en" data-compact="true" data-start="quiz" style="min-height:480px"></div>\n<script src="${site.origin}/embed.js" async></script>`;
    await expect.poll(() => field.inputValue(), { timeout: WAIT }).toBe(snippet);
    await page.frameLocator('iframe.preview').getByText(`Statement 1 of ${total}`).waitFor();
    await page.getByRole('button', { name: 'Kopiera koden' }).click();
    await page.getByText('Koden är kopierad.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  });
});
