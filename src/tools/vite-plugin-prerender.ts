import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Connect, type Plugin } from 'vite';
import type { CompassFiles, PageToRender } from '../app/prerender.tsx';
import { direction } from '../config/languages.ts';
import { type Reading, readingLanguage } from '../i18n/reading.ts';
import { buildScript } from './embed-loader.ts';
import { questionBank } from './vite-plugin-bank.ts';
import { stringParts } from './vite-plugin-strings.ts';

/**
 * The app shell: the built index.html with an empty root, served for every path that has no
 * prerendered page of its own (the voter's own pages: results, review, a shared result…) by the
 * Node server, by the service worker when offline, and by a CDN configured as README.md says.
 */
export const SHELL_FILE = 'app.html';

/** The prerendered page of `path` under the site root (`/a/b` → `a/b/index.html`). */
export const pageFile = (path: string): string =>
  join(...path.split('/').filter(Boolean).map(decodeURIComponent), 'index.html');

interface ManifestChunk {
  readonly file: string;
  readonly css?: readonly string[];
  readonly imports?: readonly string[];
  readonly isEntry?: boolean;
  /** A module something loads with `import()`: a page, its strings. */
  readonly isDynamicEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** The JS and CSS files a module needs beyond what the entry chunk loads anyway. */
function chunksOf(manifest: Manifest, key: string): { js: string[]; css: string[] } {
  const entry = Object.values(manifest).find((c) => c.isEntry);
  const loaded = new Set<string>();
  const collect = (k: string, into: Set<string>) => {
    if (into.has(k)) return;
    into.add(k);
    for (const i of manifest[k]?.imports ?? []) collect(i, into);
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k] === entry);
  if (entryKey) collect(entryKey, loaded);
  const mine = new Set<string>();
  collect(key, mine);
  const extra = [...mine].filter((k) => !loaded.has(k) && manifest[k]);
  return {
    js: extra.map((k) => manifest[k]!.file),
    css: [...new Set(extra.flatMap((k) => manifest[k]!.css ?? []))],
  };
}

/**
 * The manifest key of the page module called `name` (pages.ts): the lazily loaded module whose
 * file is `<name>.tsx`. Throws unless exactly one is, so a renamed page cannot lose its preload.
 */
export function pageModuleKey(manifest: Manifest, name: string): string {
  const keys = Object.keys(manifest).filter(
    (key) => manifest[key]!.isDynamicEntry === true && key.endsWith(`/${name}.tsx`),
  );
  if (keys.length !== 1)
    throw new Error(
      `prerender: ${keys.length} lazily loaded modules named ${name}.tsx in the build (${keys.join(', ')}); the page table (src/app/pages.ts) names a page module by its file`,
    );
  return keys[0]!;
}

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/**
 * The address a prerendered page was rendered for, as the page records it on its root
 * (`data-prerendered`, written by `composePage`), or null for HTML that is not a prerendered page.
 */
export function prerenderedPath(html: string): string | null {
  const found = /<div id="root" data-prerendered="([^"]*)">/.exec(html);
  return found
    ? found[1]!.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&amp;', '&')
    : null;
}

/** A prerendered page: the shell with the page's markup, language, preloads and arrival script. */
function composePage(
  shell: string,
  page: PageToRender,
  markup: string,
  head: { arrival: string; boot: string; links: string[]; preload: string[] },
  language: string,
): string {
  const dir = direction(language);
  let html = shell.replace(/<html lang="[^"]*"/, `<html lang="${language}" dir="${dir}"`);
  // A classic script in the head runs before anything is painted. It is a file, not inline, so
  // the site's policy (`script-src 'self'`) holds; it loads alongside the stylesheet, which holds
  // the first paint back anyway.
  html = html.replace(
    /(<meta\s+http-equiv="Content-Security-Policy"[^>]*>)/,
    `$1\n    <script src="/${head.arrival}"></script>`,
  );
  // The app starts after the first paint (src/app/boot.ts): its entry script and the modules it
  // imports are asked for then, not before.
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/.exec(html);
  if (!entry) throw new Error('prerender: no entry script in the app shell');
  html = html.replace(entry[0], '');
  const modules: string[] = [];
  html = html.replace(
    /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g,
    (_, href: string) => {
      modules.push(href);
      return '';
    },
  );
  const preload = [...new Set([...modules, ...head.preload])].join(' ');
  // The entry's own modules, which boot.ts runs one at a time before the entry.
  const boot = `<script defer src="/${head.boot}" data-entry="${entry[1]}" data-modules="${escapeAttribute(modules.join(' '))}" data-preload="${escapeAttribute(preload)}"></script>`;
  html = html.replace(
    '</head>',
    `${[...head.links, boot].map((l) => `    ${l}\n`).join('')}  </head>`,
  );
  // The page carries its content: the shell's "needs JavaScript" message is not for it.
  html = html.replace(/\s*<noscript>\s*<p lang="sv">[\s\S]*?<\/noscript>/, '');
  html = html.replace(
    '<div id="root"></div>',
    `<div id="root" data-prerendered="${escapeAttribute(page.path)}">${markup}</div>`,
  );
  return html;
}

/** A script of our own beside the assets, named by its content (so it can be cached for ever). */
function writeScript(outDir: string, name: string, code: string): string {
  const file = `assets/${name}-${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;
  writeFileSync(join(outDir, file), code);
  return file;
}

interface SsrModule {
  readonly COMPASSES: readonly { readonly id: string }[];
  seedCompass(id: string, files: CompassFiles): void;
  pagesToRender(files: ReadonlyMap<string, CompassFiles>): PageToRender[];
  renderPage(path: string, reading: Reading): Promise<string>;
}

/**
 * Renders every page whose content does not depend on the voter into `outDir` (see
 * src/app/prerender.tsx): builds the app for Node, renders each page in every reading, and
 * writes it into the built shell with what it needs preloaded. Returns the number of pages.
 */
export async function prerenderSite(options: {
  readonly root: string;
  readonly outDir: string;
  readonly questionsDir: string;
  readonly extraFolders: readonly string[];
}): Promise<number> {
  const { root, outDir } = options;
  const ssrDir = join(outDir, '.prerender');
  await build({
    configFile: false,
    root,
    publicDir: false,
    logLevel: 'warn',
    plugins: [react(), questionBank(options.questionsDir, options.extraFolders), stringParts()],
    build: {
      ssr: resolve(root, 'src/app/prerender.tsx'),
      outDir: ssrDir,
      emptyOutDir: true,
      minify: false,
      copyPublicDir: false,
      rollupOptions: { output: { entryFileNames: 'prerender.js' } },
    },
  });
  try {
    const ssr = (await import(pathToFileURL(join(ssrDir, 'prerender.js')).href)) as SsrModule;
    const readJson = (file: string): unknown =>
      JSON.parse(readFileSync(join(outDir, 'data', file), 'utf8'));
    const files = new Map<string, CompassFiles>();
    for (const { id } of ssr.COMPASSES) {
      const compassFiles = {
        compass: readJson(`${id}.json`),
        programmes: readJson(`${id}-programmes.json`),
        method: readJson(`${id}-method.json`),
      };
      files.set(id, compassFiles);
      ssr.seedCompass(id, compassFiles);
    }
    const arrivalCode = (
      await buildScript(resolve(root, 'src/app/arrival.ts'), 'valkompassArrival', 'arrival.js')
    ).code;
    const arrival = writeScript(outDir, 'arrival', arrivalCode);
    const boot = writeScript(
      outDir,
      'boot',
      (await buildScript(resolve(root, 'src/app/boot.ts'), 'valkompassBoot', 'boot.js')).code,
    );
    const shell = readFileSync(join(outDir, SHELL_FILE), 'utf8');
    const manifest = JSON.parse(
      readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
    ) as Manifest;
    const pages = ssr.pagesToRender(files);
    for (const page of pages) {
      const markup = await ssr.renderPage(page.path, page.reading);
      const language = readingLanguage(page.reading);
      const links: string[] = [];
      const preload: string[] = [];
      if (page.compass !== '') preload.push(`/data/${encodeURIComponent(page.compass)}.json`);
      const needed = { js: [] as string[], css: [] as string[] };
      // The page's module, and its language's strings: the start page's part always, the rest
      // with any other page.
      const strings = (part: string) =>
        Object.keys(manifest).find((key) => key.endsWith(`strings/${language}/${part}`));
      for (const key of [
        ...(page.module ? [pageModuleKey(manifest, page.module), strings('pages')] : []),
        strings('core'),
      ]) {
        if (key === undefined) throw new Error(`prerender: no strings of ${language} in the build`);
        const { js, css } = chunksOf(manifest, key);
        needed.js.push(...js);
        needed.css.push(...css);
      }
      for (const css of new Set(needed.css)) links.push(`<link rel="stylesheet" href="/${css}" />`);
      preload.push(...needed.js.map((js) => `/${js}`));
      const target = join(outDir, pageFile(page.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(
        target,
        composePage(shell, page, markup, { arrival, boot, links, preload }, language),
      );
    }
    return pages.length;
  } finally {
    rmSync(ssrDir, { recursive: true, force: true });
  }
}

/**
 * Serves the built site the way the Node server and a configured CDN do: a prerendered page at
 * its address (`/x` → `x/index.html`), whatever the request accepts (the service worker fetches
 * the pages it precaches at their addresses, accepting anything), and the app shell for any
 * other address a browser asks for as a page.
 */
export function servePages(outDir: () => string): Connect.NextHandleFunction {
  return (req, _res, next) => {
    const url = req.url ?? '/';
    const [path = '/', query] = url.split('?');
    const accept = req.headers.accept ?? '';
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (/\.[a-z0-9]+$/i.test(path) || path.startsWith('/assets/') || path.startsWith('/data/'))
      return next();
    let file: string;
    try {
      file = pageFile(path);
    } catch {
      return next();
    }
    const page = join(outDir(), file);
    const found = existsSync(page) && statSync(page).isFile();
    if (!found && !accept.includes('text/html')) return next();
    req.url = `/${found ? file.replaceAll('\\', '/') : SHELL_FILE}${query ? `?${query}` : ''}`;
    next();
  };
}

/**
 * Emits the app shell beside index.html, then (after the bundle is written) prerenders the pages
 * (`prerenderSite`); `vite preview` serves them as the Node server does.
 */
export function prerender(
  questionsDir = resolve('questions'),
  extraFolders: readonly string[] = [],
): Plugin {
  let outDir = '';
  let root = '';
  let ssrBuild = false;
  let building = false;
  return {
    name: 'valkompass-prerender',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      ssrBuild = Boolean(config.build.ssr);
      // A dev server (and Vitest's) also closes its bundle when it stops: only a build prerenders.
      building = config.command === 'build';
    },
    generateBundle(_options, bundle) {
      const index = bundle['index.html'];
      if (index?.type !== 'asset') return;
      this.emitFile({ type: 'asset', fileName: SHELL_FILE, source: index.source });
    },
    async closeBundle() {
      if (!building || ssrBuild || this.meta.watchMode) return;
      await prerenderSite({ root, outDir, questionsDir, extraFolders });
    },
    configurePreviewServer(server) {
      server.middlewares.use(servePages(() => outDir));
    },
  };
}
