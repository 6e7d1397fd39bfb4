import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ESLint } from 'eslint';
import { createNodeResolver } from 'eslint-plugin-import-x';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layers of src/ hold because lint rules enforce them, so test the rules: each zone must fire
// on a file inside it, and what a layer may import must pass.
const eslint = new ESLint();
const lint = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages;
};
const ruleIds = async (code: string, filePath: string) =>
  (await lint(code, filePath)).map((m) => m.ruleId);

const ZONE = 'import-x/no-restricted-paths';
const UNRESOLVED = 'import-x/no-unresolved';

/** Lints `file` (which need not exist) importing the real file `target`; returns the rule ids. */
async function importing(file: string, target: string) {
  expect(existsSync(target), `${target} must exist for the import to resolve`).toBe(true);
  let specifier = relative(dirname(file), target).split('\\').join('/');
  if (!specifier.startsWith('.')) specifier = `./${specifier}`;
  return ruleIds(`import * as m from '${specifier}';\nexport { m };\n`, file);
}

/** Real files, one per layer, to import. */
const LAYOUT = 'src/app/Layout.tsx';
const MAIN = 'src/main.tsx';
const QUIZ = 'src/features/quiz/QuizPage.tsx';
const REVIEW = 'src/features/review/ReviewPage.tsx';
const DOMAIN = 'src/domain/bank/types.ts';
const TOOLS = 'src/tools/load-bank.ts';
const TEST_HELPER = 'src/test/compass-builder.ts';
/** One real file per shared layer, in the layers' order: each imports only those before it. */
const SHARED = {
  config: 'src/config/paths.ts',
  i18n: 'src/i18n/i18n.ts',
  data: 'src/data/load-compass.ts',
  state: 'src/state/answers-store.ts',
  context: 'src/context/compass-context.tsx',
  components: 'src/components/NotFound.tsx',
};
const ORDER = Object.keys(SHARED) as (keyof typeof SHARED)[];

/** One shipped (non-test) source file of every feature folder (in it or in a folder inside). */
const features = readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(({ name }) => {
    const file = readdirSync(join('src/features', name), { recursive: true, encoding: 'utf8' })
      .sort()
      .find((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    if (file === undefined) throw new Error(`src/features/${name} has no source file`);
    return { name, file: join('src/features', name, file) };
  });

describe('the pure engine (src/domain)', () => {
  it.each([
    ["import { useState } from 'react';"],
    ["import { create } from 'zustand';"],
    ["import i18next from 'i18next';"],
    ["import { Link } from 'react-router';"],
    ["import { readFileSync } from 'node:fs';"],
    ["import { loadBank } from '../../tools/load-bank.ts';"],
  ])('rejects %s', async (code) => {
    expect(await ruleIds(`${code}\nexport {};\n`, 'src/domain/scoring/example.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('rejects browser globals', async () => {
    expect(
      await ruleIds(
        'export const x = () => localStorage.getItem("a");\n',
        'src/domain/scoring/example.ts',
      ),
    ).toContain('no-restricted-globals');
  });

  it.each([SHARED.config, SHARED.context, SHARED.state, LAYOUT, QUIZ, TOOLS, TEST_HELPER])(
    'imports nothing from src/ outside src/domain: rejects %s',
    async (target) => {
      expect(await importing('src/domain/scoring/example.ts', target)).toContain(ZONE);
    },
  );

  it('imports its own files', async () => {
    expect(await importing('src/domain/scoring/example.ts', DOMAIN)).toEqual([]);
  });

  it('allows the same imports outside the engine', async () => {
    expect(
      await ruleIds(
        "import { useState } from 'react';\nexport const x = useState;\n",
        'src/features/x.ts',
      ),
    ).not.toContain('no-restricted-imports');
  });
});

describe('the matching engine’s one entry (src/domain/scoring/index.ts)', () => {
  it.each([
    'src/features/results/example.ts',
    'src/tools/example.ts',
    'src/domain/bank/example.ts',
  ])(
    'is how %s reaches the engine: a file behind it is rejected, the entry allowed',
    async (file) => {
      expect(await importing(file, 'src/domain/scoring/score-voter.ts')).toContain(ZONE);
      expect(await importing(file, 'src/domain/scoring/index.ts')).toEqual([]);
    },
  );

  it('the engine’s own files import each other', async () => {
    expect(await importing('src/domain/scoring/example.ts', 'src/domain/scoring/block.ts')).toEqual(
      [],
    );
  });
});

describe('features (src/features/<name>)', () => {
  it.each([LAYOUT, MAIN])('do not import the app: rejects %s', async (target) => {
    expect(await importing('src/features/quiz/example.ts', target)).toContain(ZONE);
  });

  it('do not import another feature', async () => {
    expect(await importing('src/features/quiz/example.ts', REVIEW)).toContain(ZONE);
    expect(await importing('src/features/review/deep/example.ts', QUIZ)).toContain(ZONE);
  });

  it('every feature folder is its own zone', async () => {
    expect(features.length).toBeGreaterThan(1);
    for (const [i, { name }] of features.entries()) {
      const other = features[(i + 1) % features.length]!;
      expect(await importing(`src/features/${name}/example.ts`, other.file), name).toContain(ZONE);
    }
  });

  it.each([QUIZ, DOMAIN, ...Object.values(SHARED)])(
    'import their own files and below: %s',
    async (target) => {
      expect(await importing('src/features/quiz/example.ts', target)).toEqual([]);
    },
  );
});

describe('the layers below the features (config → i18n → data → state → context → components)', () => {
  it.each(Object.entries(SHARED))('%s/ imports no feature and not the app', async (layer) => {
    const file = `src/${layer}/example.ts`;
    for (const target of [QUIZ, LAYOUT, MAIN]) {
      expect(await importing(file, target), target).toContain(ZONE);
    }
  });

  it.each(ORDER.slice(0, -1).map((layer, i) => [layer, ORDER[i + 1]!]))(
    '%s/ does not import %s/, the layer after it',
    async (layer, next) => {
      expect(await importing(`src/${layer}/example.ts`, SHARED[next])).toContain(ZONE);
    },
  );

  it.each(ORDER.slice(0, -2))('%s/ imports none of the layers after it', async (layer) => {
    const file = `src/${layer}/example.ts`;
    for (const later of ORDER.slice(ORDER.indexOf(layer) + 1)) {
      expect(await importing(file, SHARED[later]), later).toContain(ZONE);
    }
  });

  it.each(ORDER)(
    '%s/ imports its own files, the layers before it and the engine',
    async (layer) => {
      const file = `src/${layer}/example.ts`;
      const before = ORDER.slice(0, ORDER.indexOf(layer) + 1).map((l) => SHARED[l]);
      for (const target of [DOMAIN, ...before]) {
        expect(await importing(file, target), target).toEqual([]);
      }
    },
  );

  it('binds shipped code only: a test file may import a layer after its own', async () => {
    expect(await importing('src/i18n/example.test.tsx', SHARED.components)).toEqual([]);
  });

  describe('React stays out of config/ and i18n/', () => {
    const REACT = [
      "import { useState } from 'react';",
      "import type { ReactNode } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import { Link } from 'react-router';",
      "import { useTranslation } from 'react-i18next';",
    ];

    it.each(REACT)('i18n/ rejects %s', async (code) => {
      expect(await ruleIds(`${code}\nexport {};\n`, 'src/i18n/example.ts')).toContain(
        'no-restricted-imports',
      );
    });

    it('i18n/ binds its i18next instance to react-i18next, and takes nothing else from it', async () => {
      expect(
        await ruleIds(
          "import { initReactI18next } from 'react-i18next';\nexport { initReactI18next };\n",
          'src/i18n/example.ts',
        ),
      ).toEqual([]);
      expect(
        await ruleIds(
          "import { initReactI18next, useTranslation } from 'react-i18next';\nexport { initReactI18next, useTranslation };\n",
          'src/i18n/example.ts',
        ),
      ).toContain('no-restricted-imports');
    });

    it.each([...REACT, "import i18next from 'i18next';", "import { create } from 'zustand';"])(
      'config/ rejects %s',
      async (code) => {
        expect(await ruleIds(`${code}\nexport {};\n`, 'src/config/example.ts')).toContain(
          'no-restricted-imports',
        );
      },
    );

    it.each(['data', 'state', 'context', 'components'])(
      '%s/ may use React (the rule is not wider than it says)',
      async (layer) => {
        expect(
          await ruleIds(
            "import { useState } from 'react';\nexport const x = useState;\n",
            `src/${layer}/example.ts`,
          ),
        ).not.toContain('no-restricted-imports');
      },
    );
  });
});

describe('the app (src/app, src/main.tsx)', () => {
  it('imports features and every layer below', async () => {
    for (const target of [QUIZ, REVIEW, DOMAIN, ...Object.values(SHARED)]) {
      expect(await importing('src/app/example.tsx', target), target).toEqual([]);
    }
    expect(await importing(MAIN, LAYOUT)).toEqual([]);
  });
});

describe('Node-side code', () => {
  it.each([
    'src/app/example.ts',
    'src/features/quiz/example.ts',
    'src/components/example.tsx',
    'src/data/example.ts',
    'src/state/example.ts',
    MAIN,
  ])(
    'src/tools is imported only by tools, test helpers and tests: rejects it in %s',
    async (file) => {
      expect(await importing(file, TOOLS)).toContain(ZONE);
    },
  );

  it('src/tools imports the engine and its own files', async () => {
    expect(await importing('src/tools/example.ts', DOMAIN)).toEqual([]);
    expect(await importing('src/tools/example.ts', 'src/tools/open-data.ts')).toEqual([]);
  });

  it.each([LAYOUT, QUIZ, TOOLS, TEST_HELPER, ...Object.values(SHARED)])(
    'src/server imports only the engine: rejects %s',
    async (target) => {
      expect(await importing('src/server/example.ts', target)).toContain(ZONE);
    },
  );

  it('src/server imports the engine', async () => {
    expect(await importing('src/server/example.ts', DOMAIN)).toEqual([]);
  });

  describe('src/server is not imported by the app', () => {
    // Zones see resolved files only, and src/server may not have a file yet: a probe resolver
    // resolves src/server/probe.ts as if it were there, so the zone is tested without writing it.
    const serverDir = resolve('src/server') + sep;
    const probe = {
      interfaceVersion: 3,
      name: 'server-probe',
      resolve: (source: string, file: string) => {
        const path = resolve(dirname(file), source);
        return path.startsWith(serverDir) ? { found: true, path } : { found: false };
      },
    };
    const withProbe = new ESLint({
      overrideConfig: { settings: { 'import-x/resolver-next': [probe, createNodeResolver()] } },
    });
    const importingServer = async (file: string) => {
      let specifier = relative(dirname(file), 'src/server/probe.ts').split(sep).join('/');
      if (!specifier.startsWith('.')) specifier = `./${specifier}`;
      const [result] = await withProbe.lintText(
        `import * as m from '${specifier}';\nexport { m };\n`,
        { filePath: file },
      );
      return result!.messages.map((m) => m.ruleId);
    };

    it.each([
      'src/app/example.ts',
      'src/features/quiz/example.ts',
      'src/components/example.tsx',
      'src/state/example.ts',
      'src/domain/scoring/example.ts',
      MAIN,
    ])('rejects it in %s', async (file) => {
      expect(await importingServer(file)).toContain(ZONE);
    });

    it.each([
      'src/server/routes/example.ts',
      'src/tools/example.ts',
      'src/test/example.ts',
      'src/features/quiz/example.test.tsx',
    ])('allows it in %s', async (file) => {
      expect(await importingServer(file)).toEqual([]);
    });
  });
});

describe('tests and test helpers', () => {
  it.each(['src/app/example.ts', 'src/features/quiz/example.ts', 'src/tools/example.ts'])(
    'src/test is imported only by tests: rejects it in %s',
    async (file) => {
      expect(await importing(file, TEST_HELPER)).toContain(ZONE);
    },
  );

  it('test helpers import any layer', async () => {
    for (const target of [LAYOUT, QUIZ, TOOLS, DOMAIN]) {
      expect(await importing('src/test/example.tsx', target), target).toEqual([]);
    }
  });

  it('test files may assemble a page with the app frame, other features and tools', async () => {
    for (const target of [LAYOUT, REVIEW, TOOLS, TEST_HELPER]) {
      expect(await importing('src/features/quiz/example.test.tsx', target), target).toEqual([]);
    }
  });
});

describe('imports', () => {
  it('an import that does not resolve fails, so no zone is bypassed by a path it cannot see', async () => {
    expect(
      await ruleIds(
        "import { x } from '../app/no-such-file.ts';\nexport { x };\n",
        'src/features/example.ts',
      ),
    ).toContain(UNRESOLVED);
  });

  it('must be sorted: packages, then relative paths, each alphabetically', async () => {
    const unsorted =
      "import { a } from './a.ts';\nimport { useState } from 'react';\nexport { a, useState };\n";
    const reversed =
      "import { useState } from 'react';\nimport { b } from './b.ts';\nimport { a } from './a.ts';\nexport { a, b, useState };\n";
    const sorted =
      "import { readFileSync } from 'node:fs';\nimport { useState } from 'react';\nimport { a } from './a.ts';\nimport { b } from './b.ts';\nexport { a, b, readFileSync, useState };\n";
    expect(await ruleIds(unsorted, 'tests/example.ts')).toContain('simple-import-sort/imports');
    expect(await ruleIds(reversed, 'tests/example.ts')).toContain('simple-import-sort/imports');
    expect(await ruleIds(sorted, 'tests/example.ts')).toEqual([]);
  });

  it('an unsorted import is an error, not a warning', async () => {
    const messages = await lint(
      "import { b } from './b.ts';\nimport { a } from './a.ts';\nexport { a, b };\n",
      'tests/example.ts',
    );
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ['simple-import-sort/imports', 2],
    ]);
  });
});

describe('typed translation keys', () => {
  /** The files a tsconfig project type-checks, as paths from the repository root. */
  const filesOf = (project: string) => {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      project,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    );
    return parsed!.fileNames.map((f) => relative(process.cwd(), f).split('\\').join('/'));
  };

  it.each(['tsconfig.app.json', 'tsconfig.node.json'])(
    '%s declares the keys, so a misspelt key in its files fails `npm run typecheck`',
    (project) => {
      expect(filesOf(project)).toContain('src/i18n/i18next.d.ts');
    },
  );

  it('`npm run typecheck` checks the fixture of misspelt keys', () => {
    expect(filesOf('tsconfig.node.json')).toContain('tests/typecheck/translation-keys.ts');
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['typecheck']).toContain('tsc -p tsconfig.node.json');
    expect(readFileSync('tests/typecheck/translation-keys.ts', 'utf8')).toContain(
      "// @ts-expect-error: no such key\nt('no.such.key');",
    );
  });
});
