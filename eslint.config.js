import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
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
                'src/domain is the pure engine: no React, DOM, zustand, i18next, router or Node imports (see STYLE.md).',
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
