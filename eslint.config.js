import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** Imports that would tie the pure engine to a UI, a browser or Node. */
const notInDomain = [
  'react',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'i18next',
  'react-i18next',
  'react-router',
  'node:*',
  'fs',
  'path',
  '**/app/**',
  '**/features/**',
  '**/state/**',
  '**/components/**',
  '**/i18n/**',
  '**/data/**',
  '**/tools/**',
];

/** React and the libraries that bind to it, which the lowest layers do without. */
const react = ['react', 'react-dom', 'react-dom/*', 'react-router', 'react-router/*'];

/**
 * The layers of src/ (README, "Layout"), read from the disk so that a new folder is covered the
 * day it appears. Each zone below says which layer may not import which; zones are checked on
 * resolved file paths, so `../`, `./` and any spelling of a path are all caught.
 */
const srcEntries = readdirSync(join(root, 'src'));
const features = readdirSync(join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
/** Every top-level file and folder of src/ except the given ones, as zone targets. */
const srcExcept = (...names) =>
  srcEntries.filter((name) => !names.includes(name)).map((name) => `src/${name}`);
/**
 * Layers below the features, which every feature may read, in order: each imports only the ones
 * before it (and src/domain). config/ holds constants (the language list among them) and
 * dependency-free helpers; i18n/ the strings, loaded without React; data/ loads from the network;
 * state/ keeps what the visitor chose; context/ hands all that to React; components/ is the UI
 * the features share.
 */
const shared = ['config', 'i18n', 'data', 'state', 'context', 'components'];

/** The engine's folders other than the matching, which reach it through its entry too. */
const domainExcept = (...names) =>
  readdirSync(join(root, 'src/domain'))
    .filter((name) => !names.includes(name))
    .map((name) => `src/domain/${name}`);

const zones = [
  {
    target: [...srcExcept('domain'), ...domainExcept('scoring')],
    from: 'src/domain/scoring',
    except: ['./index.ts'],
    message:
      'The matching engine has one entry: import from src/domain/scoring/index.ts (export what you need there).',
  },
  {
    target: 'src/domain',
    from: 'src',
    except: ['./domain'],
    message: 'src/domain is the pure engine: it imports nothing from src/ outside src/domain.',
  },
  {
    target: 'src/features',
    from: ['src/app', 'src/main.tsx'],
    message: 'A feature does not import the app (routes, layout, entry): the app imports features.',
  },
  ...features.map((feature) => ({
    target: `src/features/${feature}`,
    from: 'src/features',
    except: [`./${feature}`],
    message: `features/${feature} does not import another feature: move what both need to components/, context/, state/, data/, i18n/ or config/.`,
  })),
  {
    target: shared.map((layer) => `src/${layer}`),
    from: ['src/features', 'src/app', 'src/main.tsx'],
    message:
      'config/, i18n/, data/, state/, context/ and components/ sit below the features: they import no feature and not the app.',
  },
  // One zone per shared layer but the last: it may not import any layer after it.
  ...shared.slice(0, -1).map((layer, i) => {
    const after = shared.slice(i + 1);
    return {
      target: `src/${layer}`,
      from: after.map((later) => `src/${later}`),
      message: `The shared layers are ordered ${shared.join(' → ')} and each imports only those before it: ${layer}/ does not import ${after.map((l) => `${l}/`).join(', ')}. Move the code to the layer it belongs in.`,
    };
  }),
  {
    target: 'src/server',
    from: 'src',
    except: ['./domain', './server'],
    message: 'src/server runs on Node: it imports src/domain and its own files only.',
  },
  {
    target: srcExcept('server', 'tools', 'test'),
    from: 'src/server',
    message: 'src/server runs on Node: the app does not import it.',
  },
  {
    target: srcExcept('tools', 'test'),
    from: 'src/tools',
    message: 'src/tools is Node-side tooling: only src/test and test files import it.',
  },
  {
    target: srcExcept('test'),
    from: 'src/test',
    message: 'src/test holds test helpers: only test files import them.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'coverage'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // One block, no blank lines: side effects, node: built-ins, packages, then relative paths.
      'simple-import-sort/imports': [
        'error',
        { groups: [['^\\u0000', '^node:', '^@?\\w', '^', '^\\.']] },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The layers' boundaries hold for shipped code. Test files (*.test.ts[x]) may reach across
    // them to assemble what they test: a page in the app's frame, one page leading to another.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      // The zones only see imports that resolve: an unresolved one must fail, not slip through.
      // Vite's virtual modules (made by our own plugins at build time) are the exception.
      'import-x/no-unresolved': ['error', { ignore: ['^virtual:valkompass/'] }],
    },
  },
  {
    // config/ is read by everything, the embed loader (embed.js, with a size budget) included: no
    // UI library, no i18next, no store.
    files: ['src/config/**/*.{ts,tsx}'],
    ignores: ['src/config/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...react, 'react-i18next', 'i18next', 'zustand', 'zustand/*'],
              message:
                'src/config is the lowest layer: constants and dependency-free helpers, no React, i18next or zustand.',
            },
          ],
        },
      ],
    },
  },
  {
    // i18n/ loads and picks strings without React: hooks and components that read them live in
    // src/components. It binds its i18next instance to react-i18next (initReactI18next) and
    // nothing more of that package.
    files: ['src/i18n/**/*.{ts,tsx}'],
    ignores: ['src/i18n/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react-i18next',
              allowImportNames: ['initReactI18next'],
              message:
                'src/i18n imports no React: a hook or component that reads the strings belongs in src/components.',
            },
          ],
          patterns: [
            {
              group: react,
              message:
                'src/i18n imports no React: a hook or component that reads the strings belongs in src/components.',
            },
          ],
        },
      ],
    },
  },
  {
    // The service stays in small pieces (src/server/README.md): no function over 80 lines.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    // buildServer only assembles the parts; what grows goes into a part of its own.
    files: ['src/server/app.ts'],
    rules: { 'max-lines': ['error', { max: 150, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: notInDomain,
              message:
                'src/domain is the pure engine: no React, DOM, zustand, i18next, router or Node imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'navigator',
        'fetch',
      ],
    },
  },
);
