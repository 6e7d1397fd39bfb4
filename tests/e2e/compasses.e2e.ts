import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  browserFixture,
  builtSiteDir,
  type Page,
  serveBuiltSite,
  type Served,
} from '../../src/test/browser/browser.ts';
import { SWEEP } from '../../src/test/tier.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';

// Two compasses in one deployment: the site built a second time, with the demo fixture as a second
// compass, which the production build never ships. The second build is part of the sweep
// (`npm run test:sweep`); `npm test` checks only that the production build leaves the fixture out.
const OUT = 'dist-e2e-compasses';
const demo = loadValidBank('tests/fixtures/demo');
const social = loadValidBank('questions/socialpolitik');

/** The site built again with the demo compass beside the real one; removed when closed. */
async function buildWithDemo(): Promise<Served> {
  process.env.VALKOMPASS_EXTRA_COMPASSES = 'tests/fixtures/demo';
  const remove = () => rmSync(OUT, { recursive: true, force: true });
  try {
    await build({ logLevel: 'error', build: { outDir: OUT, emptyOutDir: true } });
  } catch (error) {
    remove();
    throw error;
  } finally {
    delete process.env.VALKOMPASS_EXTRA_COMPASSES;
  }
  const served = await serveBuiltSite(OUT);
  return {
    url: served.url,
    async close() {
      await served.close();
      remove();
    },
  };
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

describe.runIf(SWEEP)('two compasses in one build', () => {
  // Inside the describe: `npm test`, which skips it, neither builds nor starts a browser.
  const site = browserFixture({ serve: buildWithDemo, timeout: 240_000 });
  const { newPage } = site;

  it('the start page lists both, and each leads to its own start page', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/`);
    await h1(page).filter({ hasText: 'Välj en valkompass' }).waitFor();
    await page.getByRole('link', { name: demo.title.sv }).click();
    await page.waitForURL(`${site.origin}/demo/`);
    await h1(page).filter({ hasText: demo.title.sv }).waitFor();
    await page.goto(`${site.origin}/`);
    await page.getByRole('link', { name: social.title.sv }).click();
    await page.waitForURL(`${site.origin}/socialpolitik/`);
    await page.context().close();
  });

  it('prerenders both compasses’ pages in every reading', async () => {
    for (const [path, text] of [
      ['/demo/fraga/1', demo.statements[0]!.text.sv],
      ['/en/demo/fraga/2', demo.statements[1]!.text.en!],
      ['/socialpolitik/fraga/1', social.statements[0]!.text.sv],
    ] as const) {
      const html = await (
        await fetch(`${site.origin}${path}`, { headers: { accept: 'text/html' } })
      ).text();
      // Glossary terms are marked up inside a statement: compare the text without tags.
      expect(html.replace(/<[^>]+>/g, ''), path).toContain(text);
    }
  });

  it('keeps the answers of each compass', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/demo/fraga/1`);
    await page.getByRole('button', { name: 'Helt för', exact: true }).click();
    await page.waitForURL(`${site.origin}/demo/fraga/2`);
    await page.goto(`${site.origin}/socialpolitik/fraga/1`);
    await page.getByRole('button', { name: 'Helt emot', exact: true }).click();
    await page.waitForURL(`${site.origin}/socialpolitik/fraga/2`);
    await page.goto(`${site.origin}/demo/fraga/1`);
    await page
      .locator('.answer-buttons button[aria-pressed="true"]', { hasText: 'Helt för' })
      .waitFor();
    await page.goto(`${site.origin}/socialpolitik/fraga/1`);
    await page
      .locator('.answer-buttons button[aria-pressed="true"]', { hasText: 'Helt emot' })
      .waitFor();
    await page.context().close();
  });

  it('old links still lead to the compass they were made for', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/fraga/3`);
    await page.waitForURL(`${site.origin}/socialpolitik/fraga/3`);
    await h1(page).filter({ hasText: social.statements[2]!.text.sv }).waitFor();
    await page.context().close();
  });

  it('an address of no compass is not found', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/ingen-kompass/fraga/1`);
    await h1(page).filter({ hasText: 'Sidan finns inte' }).waitFor();
    await page.context().close();
  });
});

describe('the production build', () => {
  it('does not ship the demo fixture', () => {
    const dir = builtSiteDir();
    expect(existsSync(join(dir, 'data', `${social.id}.json`))).toBe(true);
    expect(existsSync(join(dir, 'data', `${demo.id}.json`))).toBe(false);
    expect(existsSync(join(dir, demo.id))).toBe(false);
  });
});
