import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connect } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import {
  pageModuleKey,
  prerender,
  prerenderedPath,
  servePages,
  SHELL_FILE,
} from './vite-plugin-prerender.ts';

const dir = mkdtempSync(join(tmpdir(), 'valkompass-serve-'));
mkdirSync(join(dir, 'socialpolitik', 'fraga', '3'), { recursive: true });
writeFileSync(join(dir, 'index.html'), '');
writeFileSync(join(dir, 'socialpolitik', 'fraga', '3', 'index.html'), '');
writeFileSync(join(dir, SHELL_FILE), '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file `vite preview` is told to send for a GET of `url` that accepts `accept`. */
function served(url: string, accept: string): string {
  const req = { url, method: 'GET', headers: { accept } } as Connect.IncomingMessage;
  let called = false;
  servePages(() => dir)(req, {} as never, () => (called = true));
  expect(called).toBe(true);
  return req.url!;
}

describe('vite preview, serving the built site', () => {
  it('answers a prerendered page’s address with that page, whatever the request accepts', () => {
    // The service worker fetches the pages it precaches at their addresses, accepting anything.
    for (const accept of ['text/html,application/xhtml+xml', '*/*', '']) {
      expect(served('/socialpolitik/fraga/3', accept)).toBe('/socialpolitik/fraga/3/index.html');
      expect(served('/socialpolitik/fraga/3?__WB_REVISION__=ab', accept)).toBe(
        '/socialpolitik/fraga/3/index.html?__WB_REVISION__=ab',
      );
      expect(served('/', accept)).toBe('/index.html');
    }
  });

  it('answers any other page a browser asks for with the app shell, and leaves the rest alone', () => {
    expect(served('/socialpolitik/resultat', 'text/html')).toBe(`/${SHELL_FILE}`);
    expect(served('/socialpolitik/resultat', '*/*')).toBe('/socialpolitik/resultat');
    expect(served('/assets/index-abc.js', 'text/html')).toBe('/assets/index-abc.js');
    expect(served('/data/socialpolitik.json', '*/*')).toBe('/data/socialpolitik.json');
  });
});

describe('prerenderedPath', () => {
  it('reads the address a page was rendered for from its root, unescaped', () => {
    expect(prerenderedPath('<div id="root" data-prerendered="/a/b&amp;c">x</div>')).toBe('/a/b&c');
    expect(prerenderedPath('<div id="root"></div>')).toBeNull();
  });
});

describe('pageModuleKey', () => {
  const chunk = (file: string, isDynamicEntry?: true) => ({ file, isDynamicEntry });
  it('finds a page module by its name among the lazily loaded modules', () => {
    const manifest = {
      'src/main.tsx': { file: 'assets/main.js', isEntry: true },
      'src/features/quiz/QuizPage.tsx': chunk('assets/QuizPage.js', true),
      'src/features/quiz/Quiz.tsx': chunk('assets/Quiz.js', true),
    };
    expect(pageModuleKey(manifest, 'QuizPage')).toBe('src/features/quiz/QuizPage.tsx');
  });

  it('refuses a name no lazily loaded module has, or two have, instead of losing the preload', () => {
    const manifest = {
      'src/a/QuizPage.tsx': chunk('assets/a.js', true),
      'src/b/QuizPage.tsx': chunk('assets/b.js', true),
      'src/c/MethodPage.tsx': chunk('assets/c.js'),
    };
    expect(() => pageModuleKey(manifest, 'QuizPage')).toThrow(/2 lazily loaded modules/);
    expect(() => pageModuleKey(manifest, 'MethodPage')).toThrow(/0 lazily loaded modules/);
  });
});

describe('the prerender plugin', () => {
  it('prerenders only in a build, not when a dev server (or Vitest) closes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'valkompass-serve-only-'));
    try {
      const plugin = prerender(join(root, 'questions'));
      const configResolved = plugin.configResolved as (config: unknown) => void;
      configResolved({ root, command: 'serve', build: { outDir: 'out' } });
      const closeBundle = plugin.closeBundle as (this: unknown) => Promise<void>;
      // In a build this would render the site into out/ (and fail here: there is no site).
      await closeBundle.call({ meta: { watchMode: false } });
      expect(existsSync(join(root, 'out'))).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
