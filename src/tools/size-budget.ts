import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readingPrefix } from '../i18n/reading.ts';
import { pageFile } from './vite-plugin-prerender.ts';

/**
 * The start page's JS budget, gzip, in every language: ≤ 120 kB (the stack alone is about
 * 98 kB), in Swedish, English and Arabic browsers alike.
 */
export const START_PAGE_BUDGET = 120 * 1024;

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * The JS files the start page loads before anything lazy in `language`, as its prerendered HTML
 * names them: its scripts (the arrival script and boot.ts), and what boot.ts runs and asks for at
 * once (the entry, the modules it imports, the start page's strings; src/app/boot.ts). Left out,
 * as lazy: the other pages' chunks, and the service worker's registration, which
 * register-service-worker.ts imports once the page has loaded and the browser is idle.
 */
export function startPageChunks(
  dist: string,
  language: 'sv' | 'en' | 'ar' = 'sv',
): { file: string; gzip: number }[] {
  const startPage = pageFile(`/${readingPrefix(language)}`);
  const html = readFileSync(join(dist, startPage), 'utf8');
  const files = new Set<string>();
  let entry: string | undefined;
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attribute(tag, 'src');
    if (src) files.add(src);
    entry ??= attribute(tag, 'data-entry');
    for (const name of ['data-entry', 'data-modules', 'data-preload'])
      for (const file of (attribute(tag, name) ?? '').split(' '))
        if (file.endsWith('.js')) files.add(file);
  }
  if (!entry) throw new Error(`${startPage}: no app entry named (data-entry); was it prerendered?`);
  return [...files].map((file) => {
    const path = join(dist, file.replace(/^\//, ''));
    return { file, gzip: gzipSync(readFileSync(path), { level: 9 }).length };
  });
}
