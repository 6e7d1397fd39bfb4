import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Frame,
  type Page,
} from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { READY_ATTRIBUTE } from '../../src/config/boot-contract.ts';
import type { VoterAnswer } from '../../src/domain/scoring/index.ts';
import { STORAGE_KEY, storedAnswersText } from '../../src/state/answers-storage.ts';
import { CHROMIUM_FLAGS, chromiumPath } from '../../src/tools/chromium.ts';

/**
 * Debian's Chromium, headless, with flags that keep it from reaching out on its own (no sync,
 * component updates, background networking or QUIC), so that it runs on a machine without internet.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });
}

/** Where the site under test was built: `dist/`, or `VALKOMPASS_OUT_DIR` (as vite.config.ts). */
export const builtSiteDir = (): string => process.env.VALKOMPASS_OUT_DIR ?? 'dist';

/** Serves the built site (dist/) on a free local port. */
export async function serveBuiltSite(): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  return { server, url: url.replace(/\/$/, '') };
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe-core (WCAG 2.0–2.2 A and AA, and best practices) on the page as it is now: the violations,
 * one line each ("rule: targets"). The context needs `bypassCSP: true`, only so that axe itself can
 * be injected; the app's CSP is tested elsewhere.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: Document,
            o: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

/** Resolves once React has taken the page over: its root carries React's container. */
export async function appStarted(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.getElementById('root');
    return root !== null && Object.keys(root).some((key) => key.startsWith('__reactContainer'));
  });
}

/**
 * Resolves once the app says the page is ready: its content is on screen with its code, strings and
 * data (READY_ATTRIBUTE, set by src/app/PageReady.tsx). `path` is the page's path in the app's own
 * router, when that differs from the document's (an embed frame); by default, the document's.
 */
export async function pageReady(page: Page | Frame, path?: string): Promise<void> {
  await page.waitForFunction(
    ({ attribute, path }) =>
      document.documentElement.getAttribute(attribute) === (path ?? window.location.pathname),
    { attribute: READY_ATTRIBUTE, path },
  );
}

/** The text of HTML as a server sent it, without scripts or tags (the common entities decoded). */
export const htmlText = (html: string): string =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');

/**
 * Gives the browser of `page` these answers to `compass`, as the answers store itself stores them
 * (src/state/answers-storage.ts), in the storage of the origin the page is at. Open a page of the
 * site first: a file that does not run the app (`/favicon.svg`), so that nothing races the write.
 */
export async function seedAnswers(
  page: Page,
  compass: { readonly id: string; readonly version: string },
  answers: Readonly<Record<string, VoterAnswer>>,
): Promise<void> {
  const text = storedAnswersText({
    compassId: compass.id,
    compassVersion: compass.version,
    answers,
    parties: null,
    outdated: false,
    others: {},
  });
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key: STORAGE_KEY,
    value: text,
  });
}

type ContextOptions = Parameters<Browser['newContext']>[0];

/** The context a test page opens in unless told otherwise: Swedish, a 390 × 844 phone. */
export const PHONE: ContextOptions = { locale: 'sv-SE', viewport: { width: 390, height: 844 } };

/**
 * The built site and Chromium for one test file: started before its tests, closed after them;
 * `newPage` opens a page in a context of its own (Swedish, a 390 × 844 phone unless told
 * otherwise), closed after each test. Read `origin` inside tests (it is set in beforeAll).
 */
export function builtSite(defaults: ContextOptions = {}) {
  let browser: Browser | undefined;
  let server: PreviewServer | undefined;
  const contexts: BrowserContext[] = [];
  const site = {
    origin: '',
    async newPage(options: ContextOptions = {}): Promise<Page> {
      if (!browser) throw new Error('builtSite: newPage before the browser started');
      const context = await browser.newContext({
        ...PHONE,
        ...defaults,
        ...options,
      });
      contexts.push(context);
      return context.newPage();
    },
  };
  beforeAll(async () => {
    ({ server, url: site.origin } = await serveBuiltSite());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  return site;
}
