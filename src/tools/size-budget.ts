import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The start page's JS budget, gzip, in every language (issue 4: ≤ 120 kB; the stack alone is
 * about 98 kB; issue 11: in Swedish, English and Arabic browsers alike).
 */
export const START_PAGE_BUDGET = 120 * 1024;

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}

/**
 * The JS files the start page loads before anything else in `language`: the entry chunk and its
 * static imports, transitively (dynamic imports, i.e. lazy routes, are left out), and the start
 * page's part of that language's strings (src/i18n/string-parts.ts), from Vite's manifest.
 */
export function startPageChunks(
  dist: string,
  language: 'sv' | 'en' | 'ar' = 'sv',
): { file: string; gzip: number }[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entry) throw new Error('no entry chunk in the Vite manifest');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  const strings = `virtual:valkompass/strings/${language}/core`;
  if (!manifest[strings]) throw new Error(`no start-page strings of ${language} in the build`);
  seen.add(strings);
  return [...seen].map((key) => {
    const file = manifest[key]!.file;
    return { file, gzip: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length };
  });
}
