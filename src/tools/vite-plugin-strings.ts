import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { partOf } from '../i18n/string-parts.ts';

const PATTERN = /^virtual:valkompass\/strings\/(sv|en|ar)\/(core|pages)$/;

/**
 * `virtual:valkompass/strings/<language>/<part>`: one part of a language's strings (see
 * src/i18n/string-parts.ts), cut from `src/i18n/locales/<language>.json` at build time.
 */
export function stringParts(localesDir = resolve('src/i18n/locales')): Plugin {
  return {
    name: 'valkompass-string-parts',
    resolveId(id) {
      return PATTERN.test(id) ? `\0${id}` : undefined;
    },
    load(id) {
      const match = PATTERN.exec(id.replace(/^\0/, ''));
      if (!id.startsWith('\0') || !match) return undefined;
      const [, language, part] = match;
      const file = resolve(localesDir, `${language}.json`);
      this.addWatchFile(file);
      const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const picked = Object.fromEntries(
        Object.entries(strings).filter(([group]) => partOf(group) === part),
      );
      return `export default ${JSON.stringify(picked)};`;
    },
  };
}
