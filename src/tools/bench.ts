/**
 * `npm run bench`: the numbers we report instead of asserting timings in tests. Prints them and
 * writes them into the section `bench` of docs/benchmarks.md (bench-report.ts); the engine's
 * figures go to the section `bench:engine`, as `npm run bench:engine` writes them.
 * - validation: time to load and validate every compass (median of 15 runs, after 3 warm-ups);
 * - start page: the JS it loads before anything lazy, in each language, as the budget test counts;
 * - embed.js: its size against its budget;
 * - parser cost: gzip size of the browser-side bank parser (valibot schema + cross rules) alone;
 * - precache: what the service worker fetches on a first visit, from its manifest in dist/sw.js;
 * - bundle: raw and gzip size of every file in dist/assets/ and dist/data/;
 * - Lighthouse (mobile), one run each, on the start page, a statement and a host article without
 *   and with the embed (`npm run bench:lighthouse` takes medians of several runs);
 * - engine: full results with stability and themes for 2 000 simulated voters on the real compass
 *   (time per voter), and one voter against 10 000 synthetic candidates × 40 statements.
 * Run `npm run build` first: without dist/ only validation, parser and engine are measured.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { sitePaths } from '../config/paths.ts';
import { defaultSnippetChoice, scriptSnippet } from '../features/embed/snippet.ts';
import { benchEngine } from './bench-engine.ts';
import {
  type Block,
  browserVersion,
  commandLine,
  type Table,
  writeSection,
} from './bench-report.ts';
import { chromiumPath } from './chromium.ts';
import { LOADER_BUDGET } from './embed-loader.ts';
import { compassFolders, loadBank } from './load-bank.ts';
import { START_PAGE_BUDGET, startPageChunks } from './size-budget.ts';
import { pageFile, SHELL_FILE } from './vite-plugin-prerender.ts';

/** The Lighthouse that `npx` fetches for the single runs here. */
const LIGHTHOUSE = 'lighthouse@12.8.2';

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const raw = (path: string) => readFileSync(path).length;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** What goes into docs/benchmarks.md, in this order. */
const blocks: Block[] = [];
/** More on what it ran on: the browser, for the Lighthouse runs. */
const on: string[] = [];

// --- validation ----------------------------------------------------------------------------------
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
blocks.push(
  { heading: 'Validation' },
  'Loading and validating every compass under `questions/` from YAML, 15 runs after 3 warm-ups.',
  {
    header: ['compasses', 'median', 'min', 'max'],
    align: ['left', 'right', 'right', 'right'],
    rows: [
      [String(folders.length), ms(median(times)), ms(Math.min(...times)), ms(Math.max(...times))],
    ],
  },
);

const dist = resolve('dist');
const built = existsSync(join(dist, '.vite/manifest.json'));

// --- the start page's JS, embed.js -------------------------------------------------------------
if (built) {
  const rows = (['sv', 'en', 'ar'] as const).map((language) => {
    const chunks = startPageChunks(dist, language);
    const startJs = chunks.reduce((sum, c) => sum + c.gzip, 0);
    console.log(
      `start page JS before anything lazy (${language}): ${kB(startJs)} gzip in ${chunks.length} files (budget ${kB(START_PAGE_BUDGET)})`,
    );
    return [language, String(chunks.length), kB(startJs), kB(START_PAGE_BUDGET)];
  });
  const embed = resolve('dist/embed.js');
  console.log(
    `embed.js: ${kB(raw(embed))} raw, ${kB(gz(embed))} gzip (budget ${kB(LOADER_BUDGET)})`,
  );
  blocks.push(
    { heading: 'Start page and embed.js' },
    'The JS the start page loads before anything lazy, gzip level 9, counted as the budget test ' +
      '(`tests/e2e/size-budget.e2e.ts`) counts it, in a browser of each language; and the embed ' +
      'loader that news sites include.',
    {
      header: ['start page in', 'files', 'JS, gzip', 'budget'],
      align: ['left', 'right', 'right', 'right'],
      rows,
    },
    {
      header: ['file', 'raw', 'gzip', 'budget (gzip)'],
      align: ['left', 'right', 'right', 'right'],
      rows: [['`embed.js`', kB(raw(embed)), kB(gz(embed)), kB(LOADER_BUDGET)]],
    },
  );
}

// --- the browser-side parser -------------------------------------------------------------------
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
  blocks.push(
    { heading: 'Browser-side parser' },
    '`src/domain/bank/parse-compass.ts` built on its own (valibot schema, cross rules and the ' +
      'exact scoring core), minified.',
    {
      header: ['module', 'raw', 'gzip'],
      align: ['left', 'right', 'right'],
      rows: [['bank parser', kB(raw(join(out, file))), kB(gz(join(out, file)))]],
    },
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}

// --- what the service worker precaches ---------------------------------------------------------
/** The precache manifest in dist/sw.js: prerendered pages by address, other files by path. */
function precached(): Table | null {
  const sw = join(dist, 'sw.js');
  if (!existsSync(sw)) return null;
  const urls = [...readFileSync(sw, 'utf8').matchAll(/\{url:"([^"]+)",revision:/g)].map(
    (m) => m[1]!,
  );
  if (urls.length === 0) throw new Error('dist/sw.js: no precache manifest found ({url:…})');
  const groups = new Map<string, { files: number; raw: number; gzip: number }>();
  const add = (group: string, file: string) => {
    const sum = groups.get(group) ?? { files: 0, raw: 0, gzip: 0 };
    groups.set(group, {
      files: sum.files + 1,
      raw: sum.raw + raw(file),
      gzip: sum.gzip + gz(file),
    });
  };
  for (const url of urls) {
    const page = url.startsWith('/');
    const file = join(dist, page ? pageFile(url) : url);
    const group = page
      ? url.includes('/larare/utskrift/')
        ? 'prerendered pages: printables'
        : 'prerendered pages: the others'
      : url === SHELL_FILE
        ? 'app shell (`app.html`)'
        : url.startsWith('assets/')
          ? 'scripts and styles'
          : url.startsWith('data/')
            ? 'compass data, programmes, figures'
            : 'icons and manifest';
    add(group, file);
    add('all', file);
  }
  const order = [
    'prerendered pages: the others',
    'prerendered pages: printables',
    'app shell (`app.html`)',
    'scripts and styles',
    'compass data, programmes, figures',
    'icons and manifest',
    'all',
  ];
  return {
    header: ['what', 'files', 'raw', 'gzip'],
    align: ['left', 'right', 'right', 'right'],
    rows: order.flatMap((group) => {
      const sum = groups.get(group);
      return sum ? [[group, String(sum.files), kB(sum.raw), kB(sum.gzip)]] : [];
    }),
  };
}
const precache = built ? precached() : null;
if (precache) {
  for (const [what, files, rawSize, gzip] of precache.rows)
    console.log(`precache, ${what}: ${files} files, ${rawSize} raw, ${gzip} gzip`);
  blocks.push(
    { heading: 'Service worker precache' },
    'What a first visit to the start page fetches in the background for offline use: every file ' +
      `in the precache manifest of \`dist/sw.js\`, by size on disk and gzip level 9; a build of ` +
      `${folders.length} compass(es).`,
    precache,
  );
}

// --- bundle ------------------------------------------------------------------------------------
const assets = resolve('dist/assets');
if (existsSync(assets)) {
  let total = 0;
  const rows: string[][] = [];
  for (const file of readdirSync(assets).sort()) {
    const size = gz(join(assets, file));
    if (file.endsWith('.js')) total += size;
    console.log(`dist/assets/${file}: ${kB(raw(join(assets, file)))} raw, ${kB(size)} gzip`);
    rows.push([`\`${file}\``, kB(raw(join(assets, file))), kB(size)]);
  }
  console.log(`all JS, gzip: ${kB(total)}`);
  const data: string[][] = [];
  for (const file of readdirSync(resolve('dist/data')).sort()) {
    const path = join('dist/data', file);
    console.log(`dist/data/${file}: ${kB(raw(path))} raw, ${kB(gz(path))} gzip`);
    data.push([`\`${file}\``, kB(raw(path)), kB(gz(path))]);
  }
  const sizes = { header: ['file', 'raw', 'gzip'], align: ['left', 'right', 'right'] } as const;
  blocks.push(
    { heading: 'Bundle' },
    `Every file in \`dist/assets/\` (gzip level 9). All JS together: ${kB(total)} gzip; most of ` +
      'it loads only when a page needs it.',
    { ...sizes, rows },
    'The open data in `dist/data/`:',
    { ...sizes, rows: data },
  );
} else {
  console.log('dist/ not found: run npm run build for bundle sizes');
  blocks.push('`dist/` was not found: sizes of the built site not measured (run `npm run build`).');
}

// --- Lighthouse (mobile), one run per page -------------------------------------------------------
interface LighthouseRow {
  label: string;
  cells: string[] | null;
  error?: string;
}

/** Runs Lighthouse (mobile) on a URL and prints the headline figures. */
async function lighthouse(target: string, label: string): Promise<LighthouseRow> {
  const out = join(tmpdir(), `valkompass-lighthouse-${Date.now()}.json`);
  // Lighthouse is fetched on demand (it is large and only the benchmark needs it). Run it
  // asynchronously: the preview server lives in this process and must keep answering.
  const run = await promisify(execFile)(
    'npx',
    [
      '--yes',
      LIGHTHOUSE,
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
    const reason =
      run.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('npm warn'))
        .pop() ?? 'no report';
    console.log(`${label}: could not run (${reason})`);
    return { label, cells: null, error: reason };
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
  return {
    label,
    cells: [
      String(score('performance')),
      String(score('accessibility')),
      String(score('best-practices')),
      audit('first-contentful-paint'),
      audit('largest-contentful-paint'),
      audit('total-blocking-time'),
      audit('cumulative-layout-shift'),
    ],
  };
}

if (built) {
  on.push(`Browser: ${browserVersion(chromiumPath())}`);
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', open: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  const results: LighthouseRow[] = [];
  try {
    // The site's start page, and the first statement of the first compass at its own address
    // (`/fraga/1` is an old link, which only leads there).
    const compass = sitePaths('', basename(folders[0]!));
    for (const path of [compass.site, compass.statement(1)])
      results.push(await lighthouse(`${url!.replace(/\/$/, '')}${path}`, `\`${path}\``));
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
      results.push(await lighthouse(`${hostUrl}/without`, 'host article without the embed'));
      results.push(await lighthouse(`${hostUrl}/with`, 'host article with the embed'));
    } finally {
      host.close();
    }
  } finally {
    await server.close();
  }
  const measured = results.filter((row) => row.cells !== null);
  blocks.push(
    { heading: 'Lighthouse, single runs' },
    `Lighthouse ${LIGHTHOUSE.split('@')[1]!} (fetched by \`npx\`), mobile, one run per page, on ` +
      '`vite preview` (not compressed) and on a news article served from another origin, without ' +
      'and with the embed. Single runs spread widely: `npm run bench:lighthouse` gives medians ' +
      'on the site served gzipped.',
  );
  if (measured.length > 0)
    blocks.push({
      header: [
        'page',
        'performance',
        'accessibility',
        'best practices',
        'FCP',
        'LCP',
        'TBT',
        'CLS',
      ],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: measured.map((row) => [row.label, ...row.cells!]),
    });
  for (const row of results)
    if (row.cells === null)
      blocks.push(`Not measured: ${row.label}: Lighthouse could not run (${row.error}).`);
}

writeSection({ id: 'bench', command: commandLine('bench'), on, blocks });

// --- the matching engine --------------------------------------------------------------------
const engineStart = performance.now();
const engine = benchEngine();
writeSection({
  id: 'bench:engine',
  command: commandLine('bench'),
  durationMs: performance.now() - engineStart,
  blocks: engine,
});
