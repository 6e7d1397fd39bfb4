/**
 * The browser fixture of the end-to-end suites, and what they share: the only module that launches
 * Chromium or imports playwright-core (tests/test-helpers-home.test.ts holds it to that), so that
 * every suite gets the same browser, flags, context defaults and clean-up.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Frame,
  type Page,
} from 'playwright-core';
import { preview } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { READY_ATTRIBUTE } from '../../config/boot-contract.ts';
import type { VoterAnswer } from '../../domain/scoring/index.ts';
import { type RunningServer, type StartOptions, startServer } from '../../server/start.ts';
import { STORAGE_KEY, storedAnswersText } from '../../state/answers-storage.ts';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tools/chromium.ts';

/** The suites name Playwright's types through this module, never playwright-core itself. */
export type { BrowserContext, BrowserContextOptions, Frame, Page };
export type { Request } from 'playwright-core';

/**
 * Debian's Chromium, headless, with flags that keep it from reaching out on its own (no sync,
 * component updates, background networking or QUIC), so that it runs on a machine without internet.
 */
function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });
}

/** Where the site under test was built: `dist/`, or `VALKOMPASS_OUT_DIR` (as vite.config.ts). */
export const builtSiteDir = (): string => process.env.VALKOMPASS_OUT_DIR ?? 'dist';

/** A server the pages of a test talk to: its address (no trailing slash), and how to stop it. */
export interface Served {
  readonly url: string;
  /** Stops it; a second call does nothing. */
  close(): Promise<void>;
}

/** Serves a built site (by default the one under test, `builtSiteDir()`) on a free local port. */
export async function serveBuiltSite(outDir?: string): Promise<Served> {
  const server = await preview({
    ...(outDir !== undefined && { build: { outDir } }),
    preview: { port: 0, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  let closing: Promise<void> | undefined;
  return { url: url.replace(/\/$/, ''), close: () => (closing ??= server.close()) };
}

/**
 * The classroom service (src/server) over the built site, with the API, SQLite in memory, on a
 * free port of 127.0.0.1: `options` change what a suite needs (another folder, no purging).
 */
export function classroomService(options: StartOptions = {}): Promise<RunningServer> {
  return startServer({
    staticDir: resolve(builtSiteDir()),
    databaseUrl: 'sqlite::memory:',
    port: 0,
    host: '127.0.0.1',
    ...options,
  });
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

/**
 * What a page-table screen needs the browser to hold before it is opened (`holds`, in
 * src/app/page-screens.ts), for one page used screen after screen: `prepare(screen, resultsPath)`
 * stores `answers` (every statement) or `fewAnswers` as the screen asks, only when that changes,
 * makes a shared link with the results page's share panel the first time a screen needs one, and
 * returns the address to open.
 */
export function screenHolder(
  page: Page,
  origin: string,
  compass: { readonly id: string; readonly version: string },
  answers: Readonly<Record<'answers' | 'few answers', Readonly<Record<string, VoterAnswer>>>>,
) {
  let held: 'answers' | 'few answers' | null = null;
  let shareFragment = '';
  return async (
    screen: { readonly path: string; readonly holds?: 'answers' | 'few answers' | 'shared link' },
    resultsPath: string,
  ): Promise<string> => {
    const wanted = screen.holds === 'few answers' ? 'few answers' : 'answers';
    if (held !== wanted) {
      await page.goto(`${origin}/favicon.svg`);
      await seedAnswers(page, compass, answers[wanted]);
      held = wanted;
    }
    if (screen.holds !== 'shared link') return screen.path;
    if (!shareFragment) {
      await page.goto(`${origin}${resultsPath}`);
      await pageReady(page);
      await page.locator('section.share button').first().click();
      shareFragment = new URL(await page.locator('#share-link').inputValue()).hash;
    }
    return `${screen.path}${shareFragment}`;
  };
}

/** The context a page opens in unless told otherwise: Swedish, a 390 × 844 phone. */
export const PHONE: BrowserContextOptions = {
  locale: 'sv-SE',
  viewport: { width: 390, height: 844 },
};

export interface BrowserFixtureOptions<S extends Served> {
  /**
   * What the pages are served from, started before the tests and closed after them: the built
   * site (`serveBuiltSite`) unless told; a function for another server (`classroomService`, a
   * second build); null for none, when each test starts its own with `serveForTest`.
   */
  readonly serve?: (() => Promise<S>) | null;
  /** The options of every context, over {@link PHONE}; `newContext` and `newPage` add to them. */
  readonly context?: BrowserContextOptions;
  /** How long starting the server and the browser may take (a build takes minutes). */
  readonly timeout?: number;
}

export interface BrowserFixture<S extends Served> {
  /** The address of the server `serve` started ('' without one); read it in hooks and tests. */
  readonly origin: string;
  /** The server `serve` started, as it resolved it. */
  readonly server: S;
  /**
   * A fresh context. Opened in a test (or a beforeEach), it is closed after the test; opened in a
   * beforeAll, it lasts until the fixture's scope ends (its afterAll may close it sooner).
   */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh context of its own (`page.context()`), closed as `newContext` says. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /**
   * Starts a server for this test alone, closed after the test once its contexts are closed (a
   * page's live connections end first). Outside a test it lasts as `newContext` says.
   */
  serveForTest<T extends Served>(start: () => Promise<T>): Promise<T>;
}

/**
 * One Chromium and a server for the tests of a file, or of the `describe` it is called in: both
 * started before the tests (beforeAll) and closed after them, and every context and server a test
 * opens through it closed after that test. One browser for the file keeps the suites fast; a
 * fresh context for each page keeps the tests apart (no shared storage, cookies or workers).
 */
export function browserFixture<S extends Served = Served>(
  options: BrowserFixtureOptions<S> = {},
): BrowserFixture<S> {
  // Without `serve`, S is inferred as Served: the built site is one.
  const serve = options.serve === undefined ? (serveBuiltSite as () => Promise<S>) : options.serve;
  let browser: Browser | undefined;
  let server: S | undefined;
  /** Whether a test is running: between this fixture's beforeEach and afterEach. */
  let inTest = false;
  const forTest: { contexts: BrowserContext[]; servers: Served[] } = { contexts: [], servers: [] };
  const forScope: { contexts: BrowserContext[]; servers: Served[] } = { contexts: [], servers: [] };
  const owner = () => (inTest ? forTest : forScope);
  const closeAll = async (of: { contexts: BrowserContext[]; servers: Served[] }) => {
    for (const context of of.contexts.splice(0)) await context.close();
    for (const served of of.servers.splice(0)) await served.close();
  };

  const fixture: BrowserFixture<S> = {
    get origin() {
      return server?.url ?? '';
    },
    get server(): S {
      if (!server) throw new Error('browserFixture: no server (serve: null, or not started yet)');
      return server;
    },
    async newContext(extra: BrowserContextOptions = {}) {
      if (!browser) throw new Error('browserFixture: a context before the browser started');
      const context = await browser.newContext({ ...PHONE, ...options.context, ...extra });
      const contexts = owner().contexts;
      contexts.push(context);
      // A context that its test or hook closed itself is not closed again.
      context.once('close', () => contexts.splice(contexts.indexOf(context), 1));
      return context;
    },
    async newPage(extra: BrowserContextOptions = {}) {
      return (await fixture.newContext(extra)).newPage();
    },
    async serveForTest<T extends Served>(start: () => Promise<T>) {
      const served = await start();
      owner().servers.push(served);
      return served;
    },
  };

  beforeAll(async () => {
    if (serve) {
      server = await serve();
    }
    browser = await launchChromium();
  }, options.timeout);
  afterAll(async () => {
    await closeAll(forScope);
    await browser?.close();
    await server?.close();
  });
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    await closeAll(forTest);
  });
  return fixture;
}
