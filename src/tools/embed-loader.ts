import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';
import { LOADER_FILE } from '../config/embed-contract.ts';

// Paths from this file (not from `new URL`, which a test's DOM environment replaces).
const HERE = dirname(fileURLToPath(import.meta.url));
/** The loader's source: it and the embed contract it imports become `/embed.js`. */
const ENTRY = resolve(HERE, '../features/embed/loader.ts');
const ROOT = resolve(HERE, '../..');

/** The loader runs on every article that embeds the compass: at most this many bytes, gzip. */
export const LOADER_BUDGET = 1600;

/** The built loader: its code, and the source files it was built from (to rebuild on change). */
export interface BuiltLoader {
  readonly code: string;
  readonly sources: readonly string[];
}

/**
 * Builds `embed.js` from src/features/embed/loader.ts with Vite's own bundler: one minified
 * script without exports (an IIFE), for the browsers news sites' readers use. The build, the dev
 * server and the tests all get the loader from here.
 */
export const buildEmbedLoader = (): Promise<BuiltLoader> =>
  buildScript(ENTRY, 'valkompassEmbed', LOADER_FILE);

/**
 * One source file and what it imports as one minified classic script (an IIFE, no exports), for
 * older browsers too: the embed loader, and the script a prerendered page runs before its first
 * paint.
 */
export async function buildScript(
  entry: string,
  name: string,
  fileName: string,
): Promise<BuiltLoader> {
  const result = await build({
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2017',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      emptyOutDir: false,
      lib: {
        entry,
        formats: ['iife'],
        name,
        fileName: () => fileName,
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs
    .flatMap((o) => o.output)
    .find((file): file is Rolldown.OutputChunk => file.type === 'chunk');
  if (!chunk) throw new Error(`building ${fileName} gave no script`);
  return { code: chunk.code, sources: chunk.moduleIds };
}

/**
 * `/embed.js` at the site root: emitted by `vite build`, and built on request (then kept until
 * one of its sources changes) by the dev server.
 */
export function embedLoader(): Plugin {
  return {
    name: 'valkompass-embed-loader',
    async generateBundle() {
      const { code } = await buildEmbedLoader();
      this.emitFile({ type: 'asset', fileName: LOADER_FILE, source: code });
    },
    configureServer(server) {
      let built: Promise<BuiltLoader> | null = null;
      let sources = new Set<string>();
      server.watcher.on('change', (file) => {
        if (sources.has(file)) built = null;
      });
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== `/${LOADER_FILE}`) return next();
        built ??= buildEmbedLoader();
        const current = built;
        current.then(
          (loader) => {
            sources = new Set(loader.sources);
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.end(loader.code);
          },
          (error: unknown) => {
            if (built === current) built = null;
            next(error);
          },
        );
      });
    },
  };
}
