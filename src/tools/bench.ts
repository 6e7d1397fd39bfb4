/**
 * `npm run bench`: the numbers we report instead of asserting timings in tests.
 * - validation: time to load and validate every compass (median of 15 runs, after 3 warm-ups);
 * - bundle: gzip size of every JS and CSS file in dist/ (run `npm run build` first);
 * - parser cost: gzip size of the browser-side bank parser (valibot schema + cross rules) alone;
 * - engine: full results with stability and themes for 2 000 simulated voters on the real compass
 *   (time per voter), and one voter against 10 000 synthetic candidates × 40 statements.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { paths } from '../config/paths.ts';
import { defaultSnippetChoice, scriptSnippet } from '../features/embed/snippet.ts';
import { benchEngine } from './bench-engine.ts';
import { LOADER_BUDGET } from './embed-loader.ts';
import { compassFolders, loadBank } from './load-bank.ts';
import { START_PAGE_BUDGET, startPageChunks } from './size-budget.ts';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const folders = compassFolders(resolve('questions'));
for (let i = 0; i < 3; i++) for (const f of folders) loadBank(f);
const times: number[] = [];
for (let i = 0; i < 15; i++) {
  const start = performance.now();
  for (const f of folders) loadBank(f);
  times.push(performance.now() - start);
}
console.log(
  `validation of ${folders.length} compass(es): median ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`,
);

const assets = resolve('dist/assets');
if (existsSync(assets)) {
  let total = 0;
  for (const file of readdirSync(assets).sort()) {
    const size = gz(join(assets, file));
    if (file.endsWith('.js')) total += size;
    console.log(
      `dist/assets/${file}: ${kB(readFileSync(join(assets, file)).length)} raw, ${kB(size)} gzip`,
    );
  }
  console.log(`all JS, gzip: ${kB(total)}`);
  for (const file of readdirSync(resolve('dist/data')).sort())
    console.log(
      `dist/data/${file}: ${kB(readFileSync(join('dist/data', file)).length)} raw, ${kB(gz(join('dist/data', file)))} gzip`,
    );
} else {
  console.log('dist/ not found: run npm run build for bundle sizes');
}

const out = mkdtempSync(join(tmpdir(), 'valkompass-bench-'));
try {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: out,
      minify: true,
      lib: {
        entry: resolve('src/domain/bank/parse-compass.ts'),
        formats: ['es'],
        fileName: 'parser',
      },
    },
  });
  const file = readdirSync(out).find((f) => f.endsWith('.js'))!;
  console.log(
    `browser-side bank parser (valibot schema + cross rules + exact scoring core): ${kB(gz(join(out, file)))} gzip`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}

// --- the matching engine --------------------------------------------------------------------
benchEngine();

/** Runs Lighthouse (mobile) on a URL and prints the headline figures. */
async function lighthouse(target: string, label: string): Promise<void> {
  const out = join(tmpdir(), `valkompass-lighthouse-${Date.now()}.json`);
  // Lighthouse is fetched on demand (it is large and only the benchmark needs it). Run it
  // asynchronously: the preview server lives in this process and must keep answering.
  const run = await promisify(execFile)(
    'npx',
    [
      '--yes',
      'lighthouse@12.8.2',
      target,
      '--only-categories=performance,accessibility,best-practices',
      '--form-factor=mobile',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      `--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync`,
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      encoding: 'utf8',
      timeout: 180_000,
    },
  ).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? String(error) }));
  if (!existsSync(out)) {
    console.log(
      `${label}: could not run (${
        run.stderr
          .trim()
          .split('\n')
          .filter((l) => !l.startsWith('npm warn'))
          .pop() ?? 'no report'
      })`,
    );
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { displayValue?: string }>;
  };
  const score = (k: string) => Math.round((report.categories[k]?.score ?? 0) * 100);
  const audit = (k: string) => report.audits[k]?.displayValue ?? '?';
  console.log(
    `${label}: performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}; FCP ${audit('first-contentful-paint')}, LCP ${audit('largest-contentful-paint')}, CLS ${audit('cumulative-layout-shift')}, TBT ${audit('total-blocking-time')}`,
  );
  rmSync(out, { force: true });
}

// --- the built site: start-page JS budget and Lighthouse (mobile) ------------------------------
if (existsSync(resolve('dist/.vite/manifest.json'))) {
  const chunks = startPageChunks(resolve('dist'));
  const startJs = chunks.reduce((sum, c) => sum + c.gzip, 0);
  console.log(
    `start page JS before anything lazy: ${kB(startJs)} gzip in ${chunks.length} files (budget ${kB(START_PAGE_BUDGET)})`,
  );
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', open: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  try {
    for (const path of [paths.home, paths.statement(1)])
      await lighthouse(`${url!.replace(/\/$/, '')}${path}`, `lighthouse mobile ${path}`);
    console.log(
      `embed.js: ${kB(readFileSync(resolve('dist/embed.js')).length)} raw, ${kB(gz(resolve('dist/embed.js')))} gzip (budget ${kB(LOADER_BUDGET)})`,
    );
    // A news article on another origin, without and with the embed (the snippet from /embed).
    const appOrigin = url!.replace(/\/$/, '');
    const paragraphs = Array.from(
      { length: 12 },
      (_, i) => `<p>Stycke ${i + 1} i artikeln, med lite text som en läsare läser.</p>`,
    ).join('');
    const host = createServer((req, res) => {
      const snippet = req.url?.startsWith('/with')
        ? scriptSnippet(defaultSnippetChoice('socialpolitik'), appOrigin)
        : '';
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Artikel</title></head><body><h1>Lokala nyheter</h1>${paragraphs.slice(0, 300)}${snippet}${paragraphs}</body></html>`,
      );
    });
    await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
    const hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    try {
      await lighthouse(`${hostUrl}/without`, 'lighthouse mobile, host article without the embed');
      await lighthouse(`${hostUrl}/with`, 'lighthouse mobile, host article with the embed');
    } finally {
      host.close();
    }
  } finally {
    await server.close();
  }
}
