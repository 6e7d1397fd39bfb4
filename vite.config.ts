import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { embedLoader } from './src/tools/embed-loader.ts';
import { pwa } from './src/tools/pwa.ts';
import { SWEEP_ENV } from './src/tools/test-gates.ts';
import { questionBank } from './src/tools/vite-plugin-bank.ts';
import { prerender } from './src/tools/vite-plugin-prerender.ts';
import { stringParts } from './src/tools/vite-plugin-strings.ts';

/**
 * Compass folders to build beside those under questions/ (comma-separated); the end-to-end tests
 * add the demo fixture this way to prove two compasses side by side. Never set for production.
 */
const extraCompasses = (process.env.VALKOMPASS_EXTRA_COMPASSES ?? '')
  .split(',')
  .filter(Boolean)
  .map((folder) => resolve(folder));
const questions = resolve('questions');

export default defineConfig({
  plugins: [
    react(),
    questionBank(questions, extraCompasses),
    stringParts(),
    embedLoader(),
    prerender(questions, extraCompasses),
    pwa(),
  ],
  // VALKOMPASS_OUT_DIR lets two builds (e.g. two end-to-end runs) live side by side.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    outDir: process.env.VALKOMPASS_OUT_DIR ?? 'dist',
    rolldownOptions: {
      output: {
        // What every page runs first, in a few chunks: React, the router and i18next each on its
        // own, so that the browser can run them one at a time after the first paint
        // (src/app/boot.ts) rather than all at once; the rest of the start (`$initial`: what the
        // entry imports) in the entry itself rather than in a dozen small shared chunks, each of
        // which would cost the phone a request. The pages' own code stays split, loaded as needed.
        // React DOM is CommonJS, which runs when first imported: its chunk holds the module the
        // app imports it through (src/app/react-dom-client.ts), so that it starts in its own task.
        codeSplitting: {
          groups: [
            {
              name: 'react-dom',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|[\\/]src[\\/]app[\\/]react-dom-client\.ts$/,
            },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            { name: 'i18next', test: /node_modules[\\/]i18next[\\/]/ },
            { name: 'start', tags: ['$initial'] },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    globalSetup: ['./tests/global-setup.ts'],
    // The sweep's long fuzz runs make ten to a hundred times the cases of npm test's: what bounds
    // them is their count, not a clock, so they get room on a loaded machine too.
    testTimeout: process.env[SWEEP_ENV] === '1' ? 600_000 : 30_000,
    // Vitest leaves a core free by default; CI has two, and the test run is all it does.
    maxWorkers: 2,
  },
});
