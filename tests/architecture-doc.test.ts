import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * docs/architecture.md is the map a newcomer follows: every file and folder it names in code
 * spans (`src/app/routes.tsx`, `tests/e2e/`) must exist, so that a move or a rename updates it.
 * Patterns (`<compass>`, `*`) and addresses of the site are not files.
 */
const doc = readFileSync('docs/architecture.md', 'utf8');
const named = [...doc.matchAll(/`([^`\s]+)`/g)]
  .map((m) => m[1]!)
  .filter((span) => /^(src|tests|questions|docs|public)\//.test(span))
  .filter((span) => !/[<>*…{}]/.test(span));

describe('docs/architecture.md', () => {
  it('names files and folders', () => {
    expect(named.length).toBeGreaterThan(30);
  });

  it('names only files and folders that exist', () => {
    expect(named.filter((path) => !existsSync(path))).toEqual([]);
  });
});
