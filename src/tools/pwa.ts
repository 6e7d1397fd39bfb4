import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, PluginOption } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';
import { MANIFEST_FILE, SERVICE_WORKER_FILE } from '../features/offline/offline-files.ts';
import { prerenderedPath, SHELL_FILE } from './vite-plugin-prerender.ts';

/** The prerendered pages under the built site (`socialpolitik/fraga/3/index.html`, `index.html`). */
export const PAGE_GLOB = '**/index.html';

/**
 * What the service worker precaches, as globs under the built site: the app shell, every
 * prerendered page, every script and stylesheet (the lazy routes and the language chunks too),
 * the compass data, programmes and method figures, the icons (PNG only: `favicon.svg` is only
 * their source, which no page names). Not `embed.js` (it runs on news sites) or the CSV files
 * (downloads for researchers).
 */
export const PRECACHE_GLOBS = [
  SHELL_FILE,
  PAGE_GLOB,
  'assets/**/*.{js,css}',
  'data/*.json',
  'icons/*.png',
] as const;

/**
 * What a voter never needs: the newsroom's workbench (its page, the balance panel's worker and
 * pdf.js, which reads programme files). They load from the network when /redaktion is opened, so
 * the offline version of the site does not carry half a megabyte for the few who make compasses.
 */
export const PRECACHE_IGNORES = [
  'assets/WorkbenchPage-*',
  'assets/balance.worker-*',
  'assets/load-pdfjs-*',
  'assets/pdf.worker*',
] as const;

/** A step of Workbox's that may change the list of files to precache. */
type ManifestTransform = NonNullable<
  NonNullable<Partial<VitePWAOptions>['workbox']>['manifestTransforms']
>[number];

/**
 * Puts each prerendered page into the precache under its own address, the one it was rendered
 * for (`/socialpolitik/fraga/3`, read from the page), not under its file
 * (`socialpolitik/fraga/3/index.html`): the worker answers a navigation from the precache when
 * the address is there, so a returning or offline visit to a prerendered page gets that page,
 * painted before any script runs, and only other addresses get the shell. The worker fetches
 * each page at its address, as a browser would (README.md, "Serving it").
 */
export function pagesAtTheirAddresses(siteDir: () => string): ManifestTransform {
  return (entries) => ({
    manifest: entries.map((entry) => {
      if (entry.url !== 'index.html' && !entry.url.endsWith('/index.html')) return entry;
      const address = prerenderedPath(readFileSync(join(siteDir(), entry.url), 'utf8'));
      if (address === null)
        throw new Error(`pwa: ${entry.url} is not a prerendered page (no data-prerendered root)`);
      return { ...entry, url: address };
    }),
  });
}

/**
 * Navigations the service worker leaves to the network instead of answering with the shell: the
 * classroom service (`/api/`, never from a cache), the open data, the embed loader and embed
 * frames (`/embed/<compass>`; the builder page `/embed` is the app's), and any file (a path whose
 * last segment has a dot).
 */
export const NETWORK_NAVIGATIONS: readonly RegExp[] = [
  /^\/api(\/|$)/,
  /^\/data\//,
  /^\/embed\//,
  /\/[^/?]+\.[^/]+$/,
];

/** The light theme's colours (src/app/app.css `--bg`), for the browser's frame and splash screen. */
export const THEME_COLOUR = '#ffffff';

/**
 * The offline version and the web app manifest (vite-plugin-pwa with Workbox's generateSW).
 *
 * - `registerType: 'prompt'`: a new deployment waits until the voter accepts it
 *   (src/features/offline/UpdatePrompt.tsx); `clientsClaim` only makes the very first visit
 *   controlled at once, so that the rest of the quiz works offline without a reload.
 * - `injectRegister: false`: the plugin injects no script (the CSP allows no inline script);
 *   src/features/offline/register-service-worker.ts registers the worker after the page has loaded.
 * - No runtime caching at all: answers are only in localStorage, and the worker answers nothing
 *   but its precache: a prerendered page at its address, the shell for any other navigation.
 *   The pages are precached with everything else, not cached as visited, so that what the worker
 *   serves is always one deployment's pages, scripts and data together until the voter takes
 *   the next.
 * - The worker is generated in the `closeBundle` hook with `order: 'post'`
 *   (`integration.closeBundleOrder`), so after every other plugin's `writeBundle` and
 *   `closeBundle` (place this plugin after `prerender()`): it globs the files as they end up on disk.
 */
export function pwa(): PluginOption {
  let siteDir = '';
  const outDir: Plugin = {
    name: 'valkompass-pwa-out-dir',
    configResolved(config) {
      siteDir = join(config.root, config.build.outDir);
    },
  };
  return [
    outDir,
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      filename: SERVICE_WORKER_FILE,
      manifestFilename: MANIFEST_FILE,
      // The icons are in PRECACHE_GLOBS with everything else (listed twice they would clash).
      includeManifestIcons: false,
      integration: { closeBundleOrder: 'post' },
      manifest: {
        id: '/',
        name: 'Valkompass',
        short_name: 'Valkompass',
        description:
          'Valkompass: jämför dina åsikter med partiernas program, med citat som går att kontrollera.',
        lang: 'sv',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOUR,
        background_color: THEME_COLOUR,
        // PNG only. Chromium checks whether the page can be installed by fetching the manifest's
        // best icon, and an SVG one (`sizes: any` wins) is drawn as a document of its own on the
        // page's main thread while the app starts.
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: [...PRECACHE_GLOBS],
        globIgnores: [...PRECACHE_IGNORES],
        manifestTransforms: [pagesAtTheirAddresses(() => siteDir)],
        navigateFallback: `/${SHELL_FILE}`,
        navigateFallbackDenylist: [...NETWORK_NAVIGATIONS],
        // One file, no workbox-*.js beside it: one thing to serve with `no-cache`.
        inlineWorkboxRuntime: true,
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        sourcemap: false,
      },
    }),
  ];
}
