import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NETWORK_NAVIGATIONS, PAGE_GLOB, pagesAtTheirAddresses, PRECACHE_GLOBS } from './pwa.ts';
import { SHELL_FILE } from './vite-plugin-prerender.ts';

const leftToNetwork = (path: string) => NETWORK_NAVIGATIONS.some((pattern) => pattern.test(path));

describe('the service worker’s navigations', () => {
  it('answers the app’s pages with the shell, with or without a query', () => {
    for (const path of [
      '/',
      '/fraga/3',
      '/resultat/parti/c',
      '/delat',
      '/embed',
      '/program/v',
      '/en/socialpolitik/fraga/3',
      '/klass/K7M-2XP-9DW/larare',
      '/apis',
      '/fraga/3?utm_source=a.b',
    ])
      expect(leftToNetwork(path), path).toBe(false);
  });

  it('leaves the classroom API, open data, embed frames and files to the network', () => {
    for (const path of [
      '/api',
      '/api/health',
      '/api/sessions/K7M2XP9DW/events',
      '/data/socialpolitik.json',
      '/data/socialpolitik.csv',
      '/embed.js',
      '/embed/socialpolitik',
      '/embed/socialpolitik?lang=en',
      '/favicon.svg',
      '/manifest.webmanifest',
    ])
      expect(leftToNetwork(path), path).toBe(true);
  });
});

describe('what the service worker precaches', () => {
  it('the prerendered pages with the shell, the code, the data and the icons', () => {
    expect(PRECACHE_GLOBS).toContain(SHELL_FILE);
    expect(PRECACHE_GLOBS).toContain(PAGE_GLOB);
  });

  /** A built site with these files (path → content) in a folder of its own. */
  function site(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'valkompass-pwa-'));
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    dirs.push(dir);
    return dir;
  }
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const page = (path: string) =>
    `<!doctype html><html><body><div id="root" data-prerendered="${path}"><h1>…</h1></div></body></html>`;
  const entry = (url: string) => ({ url, revision: 'r', size: 1 });

  it('keys each prerendered page by the address it was rendered for, the rest by its file', async () => {
    const dir = site({
      'index.html': page('/'),
      'socialpolitik/index.html': page('/socialpolitik/'),
      'socialpolitik/fraga/3/index.html': page('/socialpolitik/fraga/3'),
      'en/socialpolitik/program/a&b/index.html': page('/en/socialpolitik/program/a&amp;b'),
    });
    const { manifest } = await pagesAtTheirAddresses(() => dir)([
      entry(SHELL_FILE),
      entry('index.html'),
      entry('socialpolitik/index.html'),
      entry('socialpolitik/fraga/3/index.html'),
      entry('en/socialpolitik/program/a&b/index.html'),
      entry('assets/index-abc.js'),
    ]);
    expect(manifest.map((e) => e.url)).toEqual([
      SHELL_FILE,
      '/',
      '/socialpolitik/',
      '/socialpolitik/fraga/3',
      '/en/socialpolitik/program/a&b',
      'assets/index-abc.js',
    ]);
    expect(manifest.every((e) => e.revision === 'r')).toBe(true);
  });

  it('fails the build on an index.html that is not a prerendered page', () => {
    const dir = site({ 'lost/index.html': '<div id="root"></div>' });
    expect(() => pagesAtTheirAddresses(() => dir)([entry('lost/index.html')])).toThrow(
      /lost\/index\.html is not a prerendered page/,
    );
  });
});
