import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_WORKER_FILE } from '../../src/features/offline/offline-files.ts';
import appSv from '../../src/i18n/locales/sv.json';
import {
  appStarted,
  axeViolations,
  browserFixture,
  builtSiteDir,
  classroomService,
  htmlText as text,
  type Page,
  type Served,
} from '../../src/test/browser/browser.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';
import { PRECACHE_IGNORES } from '../../src/tools/pwa.ts';
import { prerenderedPath, SHELL_FILE } from '../../src/tools/vite-plugin-prerender.ts';

// The service worker on a real deployment: each test copies the built site to a folder of its
// own and serves it with the classroom service (src/server), so that a test can go offline by
// stopping the server, and can deploy a new version by changing the files.

const compass = loadValidBank('questions/socialpolitik');
const total = compass.statements.length;
const statement = (n: number) => compass.statements[n - 1]!;
const ANSWERS = ['Helt för', 'Delvis för', 'Varken för eller emot', 'Delvis emot', 'Helt emot'];

interface Deployment extends Served {
  readonly dir: string;
  /** Stops the server, so that nothing can come from the network; the files stay. */
  stop(): Promise<void>;
}

// No server for the file: each test deploys its own copy (closed and removed after the test).
const fixture = browserFixture({ serve: null });
const { newPage } = fixture;

/** A copy of the built site in a folder of its own, served by the classroom service. */
function deploy(): Promise<Deployment> {
  return fixture.serveForTest(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'valkompass-offline-'));
    cpSync(builtSiteDir(), dir, { recursive: true });
    const server = await classroomService({ staticDir: dir, purgeIntervalMs: 0 });
    return {
      dir,
      url: server.url,
      stop: () => server.close(),
      async close() {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
}

/**
 * A fresh deployment and a first visit to its start page, kept until the service worker has
 * precached the site and controls the page; `problems` collects the page's script errors.
 */
async function firstVisit() {
  const site = await deploy();
  const page = await newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${site.url}/`);
  await page.getByRole('link', { name: appSv.start.begin }).waitFor();
  await controlled(page);
  return { site, page, problems };
}

/** Waits until the service worker has precached the site and controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const progress = (page: Page, n: number) =>
  page.getByText(
    appSv.quiz.progress.replace('{{number}}', `${n}`).replace('{{total}}', `${total}`),
  );

/** The update offer, as the voter sees it. */
const offer = (page: Page) => page.getByRole('status').filter({ hasText: appSv.update.available });

/** What the built service worker precaches: its manifest's URLs. */
function precached(dir: string): string[] {
  const sw = readFileSync(join(dir, SERVICE_WORKER_FILE), 'utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[0-9a-f]+"|null)\}/g)].map((m) => m[1]!);
}

/**
 * Opens `url` as the voter would (from the address bar) and reports the document's response as
 * the browser got it: whether the service worker answered, and the HTML it answered with, which
 * is what the browser paints before any script runs.
 */
async function openDocument(page: Page, url: string) {
  const response = await page.goto(url);
  if (!response) throw new Error(`no response for ${url}`);
  return { fromServiceWorker: response.fromServiceWorker(), html: await response.text() };
}

describe('the service worker', () => {
  it('precaches the shell, every prerendered page at its address, every script and stylesheet but the workbench’s, the data and the icons', () => {
    const dir = builtSiteDir();
    const urls = new Set(precached(dir));
    const files = (folder: string, pattern: RegExp) =>
      readdirSync(join(dir, folder))
        .filter((name) => pattern.test(name))
        .map((name) => `${folder}/${name}`);
    const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file === 'index.html' || file.endsWith(`${sep}index.html`))
      .map((file) => prerenderedPath(readFileSync(join(dir, file), 'utf8')));
    // Every statement, in each of the four readings, among them.
    expect(pages).toContain(`/socialpolitik/fraga/${total}`);
    expect(pages.filter((page) => page?.endsWith(`/socialpolitik/fraga/${total}`))).toHaveLength(4);
    expect(pages).not.toContain(null);
    const expected = [
      SHELL_FILE,
      'manifest.webmanifest',
      ...(pages as string[]),
      ...files('assets', /\.(js|css)$/).filter(
        (file) => !PRECACHE_IGNORES.some((glob) => file.startsWith(glob.replace(/\*$/, ''))),
      ),
      ...files('data', /\.json$/),
      ...files('icons', /\.png$/),
    ];
    expect([...urls].sort()).toEqual(expected.sort());
    // Under their addresses, not their files: that is what a navigation asks for.
    expect([...urls].filter((url) => url.endsWith('index.html'))).toEqual([]);
  });

  it('after one visit to the start page, runs the whole quiz, the method and a programme offline', async () => {
    const { site, page, problems } = await firstVisit();
    expect(await offer(page).count()).toBe(0);

    // Offline for the browser, and no server either: nothing can come from the network.
    await page.context().setOffline(true);
    await site.stop();
    const failed: string[] = [];
    // What failed for want of the network. A request the page itself cancels by navigating on (a
    // lazily loaded part still on its way when the test opens the next address) is aborted, not
    // failed: it is served from the cache like the rest when it is asked for again.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(r.url());
    });
    await page.reload();
    await page.getByRole('link', { name: appSv.start.begin }).click();
    for (let n = 1; n <= total; n++) {
      await progress(page, n).waitFor();
      await page.getByRole('button', { name: ANSWERS[n % ANSWERS.length]!, exact: true }).click();
    }
    await page.getByRole('heading', { level: 1, name: appSv.review.title }).waitFor();
    await page.getByRole('link', { name: appSv.review.toResults }).click();
    await page.getByRole('heading', { level: 1, name: appSv.results.title }).waitFor();
    expect(await page.locator('.ranking-row').count()).toBe(compass.parties.length);

    // A party's statement-by-statement view, then the quoted passage in its programme.
    await page.locator('.ranking-row').first().getByRole('link').first().click();
    await page.getByRole('link', { name: appSv.party.quoteInProgramme }).first().click();
    await page.getByRole('heading', { level: 1, name: /^Programmet: / }).waitFor();
    await page.locator('mark.current').first().waitFor();

    await page.getByRole('link', { name: appSv.app.method }).click();
    await page.getByRole('heading', { level: 1, name: appSv.method.title }).waitFor();

    // A page opened offline straight from the address bar is the app too.
    await page.goto(`${site.url}/metod`);
    await page.getByRole('heading', { level: 1, name: appSv.method.title }).waitFor();
    expect(failed).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('answers a returning visit to a prerendered page with that page, online and offline, and the shell only elsewhere', async () => {
    const { site, page, problems } = await firstVisit();

    // Online: the worker answers with the statement's own page, painted before any script runs,
    // and the app then takes it over.
    const online = await openDocument(page, `${site.url}/socialpolitik/fraga/3`);
    expect(online.fromServiceWorker).toBe(true);
    expect(online.html).toContain('data-prerendered="/socialpolitik/fraga/3"');
    expect(text(online.html)).toContain(statement(3).text.sv);
    await appStarted(page);
    await page.getByRole('button', { name: ANSWERS[0]!, exact: true }).click();
    await progress(page, 4).waitFor();

    await page.context().setOffline(true);
    await site.stop();
    for (const [path, words] of [
      ['/', appSv.start.begin],
      ['/socialpolitik/fraga/5', statement(5).text.sv],
      ['/socialpolitik/pastaenden', statement(7).text.sv],
      ['/socialpolitik/metod', appSv.method.title],
      ['/socialpolitik/larare/utskrift/ordlista', compass.glossary[0]!.term.sv],
    ] as const) {
      const offline = await openDocument(page, `${site.url}${path}`);
      expect(offline.fromServiceWorker, path).toBe(true);
      expect(offline.html, path).toContain(`data-prerendered="${path}"`);
      expect(text(offline.html), path).toContain(words);
      await appStarted(page);
    }
    // A page that is the voter's own is rendered in the browser from the shell, as before.
    const results = await openDocument(page, `${site.url}/socialpolitik/resultat`);
    expect(results.fromServiceWorker).toBe(true);
    expect(results.html).not.toContain('data-prerendered');
    await page.getByRole('heading', { level: 1, name: appSv.results.title }).waitFor();
    expect(problems).toEqual([]);
  });

  it('can be installed: Chromium reads the manifest, its colours and PNG icons, and finds nothing missing but a private window', async () => {
    const site = await deploy();
    const page = await newPage();
    await page.goto(`${site.url}/`);
    await page.getByRole('link', { name: appSv.start.begin }).waitFor();
    await controlled(page);
    const cdp = await page.context().newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${site.url}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const data = JSON.parse(manifest.data ?? '{}') as {
      name?: string;
      display?: string;
      theme_color?: string;
      background_color?: string;
      icons?: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(data).toMatchObject({
      name: 'Valkompass',
      display: 'standalone',
      theme_color: '#ffffff',
      background_color: '#ffffff',
    });
    // PNG only: Chromium fetches the best icon to check this, and draws an SVG one as a document
    // of its own on the page's main thread.
    expect(data.icons?.map((icon) => [icon.sizes, icon.type, icon.purpose ?? 'any'])).toEqual([
      ['192x192', 'image/png', 'any'],
      ['512x512', 'image/png', 'any'],
      ['512x512', 'image/png', 'maskable'],
    ]);
    for (const icon of data.icons ?? []) {
      const response = await fetch(`${site.url}${icon.src}`);
      expect(response.headers.get('content-type'), icon.src).toBe('image/png');
    }
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // A test browser's context is a private one, where Chromium installs nothing.
    expect(installabilityErrors.map((error) => error.errorId)).toEqual(['in-incognito']);
  });

  it('never answers the classroom API: offline, /api/ fails instead of coming from a cache', async () => {
    const site = await deploy();
    const page = await newPage();
    await page.goto(`${site.url}/`);
    await controlled(page);
    const health = () =>
      page.evaluate(() =>
        fetch('/api/health').then(
          async (r) => `${r.status} ${await r.text()}`,
          () => 'failed',
        ),
      );
    expect(await health()).toBe('200 {"status":"ok"}');
    await page.context().setOffline(true);
    await site.stop();
    expect(await health()).toBe('failed');
    // Nor as a page: a navigation to the API is not given the app shell.
    await expect(page.goto(`${site.url}/api/health`)).rejects.toThrow();
  });

  it('offers a new deployment without forcing it, and keeps the answers through the reload', async () => {
    const site = await deploy();
    // bypassCSP only so that axe can be injected below.
    const page = await newPage({ bypassCSP: true });
    await page.goto(`${site.url}/`);
    await controlled(page);
    await page.getByRole('link', { name: appSv.start.begin }).click();
    for (let n = 1; n <= 3; n++) {
      await progress(page, n).waitFor();
      await page.getByRole('button', { name: ANSWERS[n]!, exact: true }).click();
    }
    await progress(page, 4).waitFor();

    // A new deployment: another app shell and another page of the statement the voter is on, so
    // another precache manifest in sw.js.
    const swPath = join(site.dir, SERVICE_WORKER_FILE);
    let sw = readFileSync(swPath, 'utf8');
    for (const [url, file] of [
      [SHELL_FILE, SHELL_FILE],
      ['/socialpolitik/fraga/4', 'socialpolitik/fraga/4/index.html'],
    ] as const) {
      const path = join(site.dir, file);
      const html = readFileSync(path, 'utf8').replace(
        '</head>',
        '<meta name="x-deployment" content="2"></head>',
      );
      writeFileSync(path, html);
      const entry = new RegExp(`\\{url:"${url.replaceAll('.', '\\.')}",revision:"[0-9a-f]+"\\}`);
      expect(sw).toMatch(entry);
      const revision = createHash('md5').update(html).digest('hex');
      sw = sw.replace(entry, `{url:"${url}",revision:"${revision}"}`);
    }
    writeFileSync(swPath, sw);

    // The browser finds it on its next check; the voter is asked, the quiz stays where it was.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await offer(page).waitFor();
    await progress(page, 4).waitFor();
    expect(await page.locator('meta[name="x-deployment"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([
      page.waitForEvent('load'),
      offer(page).getByRole('button', { name: appSv.update.reload }).click(),
    ]);
    await progress(page, 4).waitFor();
    expect(await page.locator('meta[name="x-deployment"]').count()).toBe(1);
    expect(await offer(page).count()).toBe(0);
    await page.goto(`${site.url}/granska`);
    await page
      .getByText(
        appSv.review.intro
          .replace('{{answered}}', '3')
          .replace('{{total}}', `${total}`)
          .split('.')[0]!,
      )
      .waitFor();
  });
});
