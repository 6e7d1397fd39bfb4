import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sitePaths } from '../../src/config/paths.ts';
import type { PublishedList } from '../../src/domain/workbench/api.ts';
import { openPublishedStore } from '../../src/server/published/open.ts';
import {
  axeViolations,
  browserFixture,
  builtSiteDir,
  classroomService,
  type Page,
  pageReady,
  type Served,
} from '../../src/test/browser/browser.ts';
import { tier } from '../../src/test/tier.ts';
import { startGzipStaticServer } from '../../src/tools/gzip-static-server.ts';
import { loadBank, loadValidBank } from '../../src/tools/load-bank.ts';

/**
 * A compass published on the service after the site was built: the built site, served as a CDN
 * would, behind a small server that plays the service's public part, answering
 * `/data/<id>.json` (a copy of socialpolitik's open data under a new id, as the service serves a
 * published version), its programmes, and `/api/compasses`.
 */
const ID = 'knivsta-2026';
const TITLE = 'Socialpolitik i Knivsta';
const compass = loadValidBank('questions/socialpolitik');
const paths = sitePaths('', ID);

const listing: PublishedList = {
  compasses: [
    {
      id: ID,
      title: { sv: TITLE, en: 'Social policy in Knivsta' },
      description: { sv: 'Publicerad av en lokal redaktion.', en: 'Published by a newsroom.' },
      municipality: 'Knivsta',
      region: 'Uppsala län',
      version: 1,
      published: '2026-12-01T10:00:00.000Z',
      languages: ['sv', 'en', 'ar'],
    },
  ],
  total: 1,
};

async function siteWithPublished(): Promise<Served> {
  const dir = builtSiteDir();
  const files = await startGzipStaticServer(dir);
  const open = JSON.parse(readFileSync(join(dir, 'data/socialpolitik.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const answers = new Map<string, string>([
    [`/data/${ID}.json`, JSON.stringify({ ...open, id: ID, title: listing.compasses[0]!.title })],
    [
      `/data/${ID}-programmes.json`,
      readFileSync(join(dir, 'data/socialpolitik-programmes.json'), 'utf8'),
    ],
    ['/api/compasses', JSON.stringify(listing)],
  ]);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    const own = answers.get(url.pathname);
    if (own !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(own);
      return;
    }
    // Everything else from the built site.
    void fetch(`${files.origin}${req.url ?? '/'}`).then(async (upstream) => {
      res.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await files.close();
    },
  };
}

const site = browserFixture({ serve: siteWithPublished });
const heading = (page: Page) => page.getByRole('heading', { level: 1 });

describe('a compass published on the service after the build', () => {
  it('is listed from the start page, and its quiz leads to a result', async () => {
    const page = await site.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${site.origin}/`);
    await page.getByRole('link', { name: 'Alla valkompasser' }).click();
    await heading(page).filter({ hasText: 'Alla valkompasser' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Valkompasser som matchar: 2' }).waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL((url) => url.pathname === paths.home);
    await heading(page).filter({ hasText: TITLE }).waitFor();

    await page.goto(`${site.origin}${paths.statement(1)}`);
    for (let n = 1; n <= compass.statements.length; n++) {
      await page.getByText(`Påstående ${n} av ${compass.statements.length}`).waitFor();
      expect(await heading(page).textContent()).toBe(compass.statements[n - 1]!.text.sv);
      await page.getByRole('button', { name: 'Delvis för', exact: true }).click();
    }
    await heading(page).filter({ hasText: 'Granska dina svar' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(paths.review);
    await page.getByRole('link', { name: 'Se ditt resultat' }).click();
    await heading(page).filter({ hasText: 'Ditt resultat' }).waitFor();
    expect(await page.locator('.ranking-row').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('is not found under an id the service does not have', async () => {
    const page = await site.newPage();
    await page.goto(`${site.origin}/ingen-sadan-kompass/fraga/1`);
    await heading(page).filter({ hasText: 'Sidan finns inte' }).waitFor();
  });

  // npm test checks the Swedish page; the sweep the Arabic one (right to left) too.
  it.each(tier(['/kompasser'], ['/kompasser', '/ar/kompasser']))(
    'is listed on %s, which passes axe and fits 320 px, and is found by its municipality',
    async (path) => {
      // bypassCSP only so that axe itself can be injected.
      const page = await site.newPage({ viewport: { width: 320, height: 640 }, bypassCSP: true });
      await page.goto(`${site.origin}${path}`);
      await pageReady(page);
      await page
        .getByRole('link', { name: path.startsWith('/ar/') ? 'Socialpolitik i Knivsta' : TITLE })
        .waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      ).toBe(true);
      await page.getByRole('searchbox').fill('Knivsta');
      await page
        .getByRole('status')
        .filter({ hasText: /:\s*1$/ })
        .waitFor();
    },
  );

  it('is served by the service itself once a newsroom has published it there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'valkompass-published-'));
    const databaseUrl = `sqlite:${join(dir, 'service.sqlite')}`;
    const service = await site.serveForTest(async () => {
      const running = await classroomService({ databaseUrl });
      return {
        url: running.url,
        async close() {
          await running.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    });
    // What the workbench's publish step does, on the service's own database.
    const bank = loadBank('questions/socialpolitik');
    if (!bank.ok) throw new Error('questions/socialpolitik does not load');
    const store = await openPublishedStore(databaseUrl);
    const id = 'sollentuna-2026';
    expect(
      await store.publish({
        id,
        workspace: 'redaktion-1',
        compass: {
          ...bank.compass,
          id,
          title: { sv: 'Socialpolitik i Sollentuna', en: 'Sollentuna' },
        },
        programmes: bank.programmes,
        region: 'Stockholms län',
        at: Date.now(),
      }),
    ).toMatchObject({ published: true });
    await store.close();

    const page = await site.newPage();
    await page.goto(`${service.url}/kompasser`);
    await page.getByRole('searchbox').fill('Stockholms');
    await page.getByRole('link', { name: 'Socialpolitik i Sollentuna' }).click();
    await heading(page).filter({ hasText: 'Socialpolitik i Sollentuna' }).waitFor();
    await page.getByRole('link', { name: 'Starta' }).click();
    await page.waitForURL((url) => url.pathname === sitePaths('', id).statement(1));
    await page.getByRole('button', { name: 'Helt för', exact: true }).click();
    await page.waitForURL((url) => url.pathname === sitePaths('', id).statement(2));
  });
});
