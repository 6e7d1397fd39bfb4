import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Test helpers have one home, src/test: the end-to-end browser fixture in src/test/browser/ is the
 * only code that imports playwright-core or launches Chromium (so every suite gets the same browser,
 * flags and clean-up; the Lighthouse benchmark starts its Chromium with chrome-launcher), no helper
 * folder grows elsewhere (`test-support`), and nothing shipped or run as a tool imports a test
 * helper.
 */
const BROWSER_HOME = 'src/test/browser/';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const CODE = /\.(ts|tsx|js|mjs|cjs)$/;
const TEST_FILE = /\.(test|e2e)\.tsx?$/;

/** Files and folders under `dir` (repository-relative, `/`-separated), folders listed too. */
function walk(dir: string): { files: string[]; folders: string[] } {
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name)) continue;
      folders.push(path);
      const inner = walk(path);
      files.push(...inner.files);
      folders.push(...inner.folders);
    } else if (entry.isFile()) files.push(path);
  }
  return { files, folders };
}

/** Every module a file imports or re-exports, statically or with `import()` / `require()`. */
const importsOf = (text: string): string[] =>
  ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);

/** Whether `specifier`, imported by the file `from`, points into src/test. */
const reachesSrcTest = (from: string, specifier: string): boolean => {
  if (!specifier.startsWith('.')) return false;
  const target = relative(resolve('.'), resolve(dirname(from), specifier))
    .split(sep)
    .join('/');
  return target === 'src/test' || target.startsWith('src/test/');
};

const LAUNCH = /\bchromium\s*\.\s*launch\b/;

const src = walk('src');
const tests = walk('tests');
const rootFiles = readdirSync('.', { withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => entry.name);
/** The code of src/, tests/ and the repository's root (configs), without this file. */
const code = [...src.files, ...tests.files, ...rootFiles]
  .filter((path) => CODE.test(path))
  .filter((path) => path !== 'tests/test-helpers-home.test.ts');
const text = new Map(code.map((path) => [path, readFileSync(path, 'utf8')]));

describe('the checks', () => {
  it('see the imports of a file, type-only, re-exported and dynamic ones too', () => {
    const sample = [
      "import type { Page } from 'playwright-core';",
      "export { chromium } from 'playwright';",
      "const m = await import('../test/tier.ts');",
    ].join('\n');
    expect(importsOf(sample)).toEqual(['playwright-core', 'playwright', '../test/tier.ts']);
    expect(reachesSrcTest('src/features/quiz/QuizPage.tsx', '../../test/tier.ts')).toBe(true);
    expect(reachesSrcTest('src/features/quiz/QuizPage.tsx', '../../tools/chromium.ts')).toBe(false);
    expect(reachesSrcTest('src/app/routes.tsx', '../testing.ts')).toBe(false);
    expect(LAUNCH.test('await chromium.launch({ executablePath })')).toBe(true);
  });

  it('read the fixture, which launches Chromium', () => {
    const fixture = `${BROWSER_HOME}browser.ts`;
    expect(importsOf(text.get(fixture)!)).toContain('playwright-core');
    expect(text.get(fixture)).toMatch(LAUNCH);
  });
});

describe('test helpers in one home', () => {
  it('only src/test/browser/ imports playwright-core or launches Chromium', () => {
    const elsewhere = code
      .filter((path) => !path.startsWith(BROWSER_HOME))
      .flatMap((path) => [
        ...importsOf(text.get(path)!)
          .filter((specifier) => /^playwright(-core)?(\/|$)/.test(specifier))
          .map((specifier) => `${path} imports ${specifier}`),
        ...(LAUNCH.test(text.get(path)!) ? [`${path} calls chromium.launch`] : []),
      ]);
    expect(
      elsewhere,
      'use browserFixture() and the types it re-exports from src/test/browser/browser.ts',
    ).toEqual([]);
  });

  it('no folder is named test-support: shared test helpers live in src/test', () => {
    const folders = [...src.folders, ...tests.folders].filter((path) =>
      path.split('/').includes('test-support'),
    );
    expect(folders).toEqual([]);
  });

  it('only tests import src/test: no shipped code, tool or config does', () => {
    const offenders = code
      .filter((path) =>
        path.startsWith('src/')
          ? !path.startsWith('src/test/') && !TEST_FILE.test(path)
          : !path.startsWith('tests/'),
      )
      .flatMap((path) =>
        importsOf(text.get(path)!)
          .filter((specifier) => reachesSrcTest(path, specifier))
          .map((specifier) => `${path} imports ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });
});
