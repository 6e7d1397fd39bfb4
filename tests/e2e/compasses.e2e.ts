import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWEEP } from '../../src/test/tier.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';
import { builtSiteDir, launchChromium, PHONE } from './browser.ts';

// Two compasses in one deployment: the site built a second time, with the demo fixture as a second
// compass, which the production build never ships. The second build is part of the sweep
// (`npm run test:sweep`); `npm test` checks only that the production build leaves the fixture out.
const OUT = 'dist-e2e-compasses';
const demo = loadValidBank('tests/fixtures/demo');
const social = loadValidBank('questions/socialpolitik');

let server: PreviewServer | undefined;
let browser: Browser | undefined;
let origin = '';

beforeAll(async () => {
  if (!SWEEP) return;
  process.env.VALKOMPASS_EXTRA_COMPASSES = 'tests/fixtures/demo';
  try {
    await build({ logLevel: 'error', build: { outDir: OUT, emptyOutDir: true } });
  } finally {
    delete process.env.VALKOMPASS_EXTRA_COMPASSES;
  }
  server = await preview({
    logLevel: 'error',
    build: { outDir: OUT },
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(OUT, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser!.newContext(PHONE);
  return context.newPage();
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

describe.runIf(SWEEP)('two compasses in one build', () => {
  it('the start page lists both, and each leads to its own start page', async () => {
    const page = await newPage();
    await page.goto(`${origin}/`);
    await h1(page).filter({ hasText: 'Välj en valkompass' }).waitFor();
    await page.getByRole('link', { name: demo.title.sv }).click();
    await page.waitForURL(`${origin}/demo/`);
    await h1(page).filter({ hasText: demo.title.sv }).waitFor();
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: social.title.sv }).click();
    await page.waitForURL(`${origin}/socialpolitik/`);
    await page.context().close();
  });

  it('prerenders both compasses’ pages in every reading', async () => {
    for (const [path, text] of [
      ['/demo/fraga/1', demo.statements[0]!.text.sv],
      ['/en/demo/fraga/2', demo.statements[1]!.text.en!],
      ['/socialpolitik/fraga/1', social.statements[0]!.text.sv],
    ] as const) {
      const html = await (
        await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } })
      ).text();
      // Glossary terms are marked up inside a statement: compare the text without tags.
      expect(html.replace(/<[^>]+>/g, ''), path).toContain(text);
    }
  });

  it('keeps the answers of each compass', async () => {
    const page = await newPage();
    await page.goto(`${origin}/demo/fraga/1`);
    await page.getByRole('button', { name: 'Helt för', exact: true }).click();
    await page.waitForURL(`${origin}/demo/fraga/2`);
    await page.goto(`${origin}/socialpolitik/fraga/1`);
    await page.getByRole('button', { name: 'Helt emot', exact: true }).click();
    await page.waitForURL(`${origin}/socialpolitik/fraga/2`);
    await page.goto(`${origin}/demo/fraga/1`);
    await page
      .locator('.answer-buttons button[aria-pressed="true"]', { hasText: 'Helt för' })
      .waitFor();
    await page.goto(`${origin}/socialpolitik/fraga/1`);
    await page
      .locator('.answer-buttons button[aria-pressed="true"]', { hasText: 'Helt emot' })
      .waitFor();
    await page.context().close();
  });

  it('old links still lead to the compass they were made for', async () => {
    const page = await newPage();
    await page.goto(`${origin}/fraga/3`);
    await page.waitForURL(`${origin}/socialpolitik/fraga/3`);
    await h1(page).filter({ hasText: social.statements[2]!.text.sv }).waitFor();
    await page.context().close();
  });

  it('an address of no compass is not found', async () => {
    const page = await newPage();
    await page.goto(`${origin}/ingen-kompass/fraga/1`);
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
