/**
 * `npm run bench:lighthouse`: Lighthouse's performance category (default mobile config, simulated
 * throttling) on the built site, served by a gzip static host on 127.0.0.1 as a CDN would serve
 * it, in Debian's Chromium. Each URL is measured several times (default 3) and the median of each
 * figure is printed: score, LCP, FCP, TBT, CLS, Speed Index and the JS transferred; then, for the
 * run nearest the median LCP, what the LCP waited for, and at the end a markdown table of all URLs,
 * which it also writes, with every run's figures, into the section `bench:lighthouse:<lang>` of
 * docs/benchmarks.md (bench-report.ts): one section per browser language.
 * Each run also gives the page's main-thread tasks after its first paint in wall time and in thread
 * CPU time, and the blocking time each would make (main-thread-cpu.ts): where the two differ, the
 * page's thread was waiting for a core, not working.
 * (Lighthouse 12.2 cannot name the LCP element with Chromium 150: its TraceElements gatherer fails
 * on the newer trace, so the requests that ended before the observed LCP are listed instead.)
 *
 * A benchmark, not a test: the figures move with the machine's load (Lighthouse multiplies the
 * CPU time it observes), and headless Chromium sometimes paints a second or two late, which makes
 * every request finished by then count towards LCP; compare medians made in one sitting.
 *
 * Usage: `npm run bench:lighthouse -- [paths…] [--dir dist] [--lang sv|en|ar] [--runs 3]
 * [--save <folder>]`; more Chromium flags in LIGHTHOUSE_CHROME_FLAGS, for experiments. Paths
 * default to `/` and `/fraga/1`; the site defaults to `dist`, or
 * `VALKOMPASS_OUT_DIR`. `--lang en` emulates an English browser (`navigator.languages` through
 * `--lang` and `--accept-lang`, and an Accept-Language header); `--save` writes each run's full
 * report as JSON, to open in the Lighthouse viewer.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
  browserVersion,
  commandLine,
  renderTable,
  type Table,
  writeSection,
} from './bench-report.ts';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.ts';
import { startGzipStaticServer, type StaticServer } from './gzip-static-server.ts';
import {
  describeFigures,
  type Figures,
  kilobytes,
  lcpDiagnosis,
  median,
  medianFigures,
  readFigures,
  seconds,
} from './lighthouse-report.ts';
import {
  describeMainThreadCpu,
  type MainThreadCpu,
  mainThreadCpu,
  type TraceEvent,
} from './main-thread-cpu.ts';

/** The pages measured when none are given; the routes move, so this stays a plain list. */
const DEFAULT_PATHS = ['/', '/socialpolitik/fraga/1'];

/**
 * The browser languages emulated for each of the app's languages, most preferred first. Chromium
 * on Linux ignores `--lang` for `navigator.languages` (it stays en-US); `--accept-lang` sets them.
 */
const LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  sv: ['sv-SE', 'sv'],
  en: ['en-GB', 'en'],
  ar: ['ar'],
};

/** As in the end-to-end tests. */
const CHROME_FLAGS = CHROMIUM_FLAGS;

interface Run {
  figures: Figures;
  /** Lines on what the LCP waited for. */
  diagnosis: string[];
  /** The page's main thread after its first paint, in wall and CPU time (main-thread-cpu.ts). */
  cpu: MainThreadCpu | null;
  /** The Lighthouse that measured it. */
  lighthouseVersion: string;
}

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dir: { type: 'string', default: process.env.VALKOMPASS_OUT_DIR ?? 'dist' },
    lang: { type: 'string', default: 'sv' },
    runs: { type: 'string', default: '3' },
    save: { type: 'string' },
  },
});

const paths = positionals.length > 0 ? positionals : DEFAULT_PATHS;
const language: readonly string[] = (() => {
  const found = LANGUAGES[args.lang];
  if (!found)
    throw new Error(`--lang ${args.lang}: expected one of ${Object.keys(LANGUAGES).join(', ')}`);
  return found;
})();
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs ${args.runs}: expected a whole number ≥ 1`);
if (!existsSync(join(args.dir, 'index.html')))
  throw new Error(`${args.dir}/index.html is missing: build the site first (npx vite build).`);

/** `sv-SE,sv;q=0.9`: the languages with falling weights, as a browser sends them. */
const acceptLanguage = (languages: readonly string[]): string =>
  languages.map((tag, i) => (i === 0 ? tag : `${tag};q=${(1 - i / 10).toFixed(1)}`)).join(',');

async function measure(chrome: LaunchedChrome, url: string, savePrefix?: string): Promise<Run> {
  const result = await lighthouse(url, {
    port: chrome.port,
    logLevel: 'error',
    output: 'json',
    onlyCategories: ['performance'],
    extraHeaders: { 'Accept-Language': acceptLanguage(language) },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError)
    throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (savePrefix) writeFileSync(`${savePrefix}.json`, JSON.stringify(lhr));
  const trace = (result.artifacts as { Trace?: { traceEvents?: TraceEvent[] } }).Trace;
  return {
    figures: readFigures(lhr),
    diagnosis: lcpDiagnosis(lhr),
    cpu: trace?.traceEvents ? mainThreadCpu(trace.traceEvents) : null,
    lighthouseVersion: lhr.lighthouseVersion,
  };
}

interface Row {
  path: string;
  figures: Figures;
  /** Median blocking time from the page's main-thread CPU time (main-thread-cpu.ts). */
  blockingFromCpu: number | undefined;
  runs: readonly Run[];
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** The medians of every page. */
function medianTable(rows: readonly Row[]): Table {
  return {
    header: [
      'page',
      'lang',
      'score',
      'LCP',
      'FCP',
      'TBT',
      'TBT from CPU time',
      'CLS',
      'Speed Index',
      'JS transferred',
    ],
    align: ['left', 'left', ...Array<'right'>(8).fill('right')],
    rows: rows.map(({ path, figures: f, blockingFromCpu }) => [
      `\`${path}\``,
      args.lang,
      String(f.score),
      seconds(f.lcp),
      seconds(f.fcp),
      ms(f.tbt),
      blockingFromCpu === undefined ? '–' : ms(blockingFromCpu),
      f.cls.toFixed(3),
      seconds(f.si),
      kilobytes(f.jsBytes),
    ]),
  };
}

/** Every run of every page, with its main thread after the first paint. */
function runTable(rows: readonly Row[]): Table {
  return {
    header: [
      'page',
      'run',
      'score',
      'LCP',
      'TBT',
      'TBT from CPU time',
      'CLS',
      'tasks after FCP',
      'their wall time',
      'their CPU time',
      'longest task, CPU',
    ],
    align: ['left', ...Array<'right'>(10).fill('right')],
    rows: rows.flatMap(({ path, runs }) =>
      runs.map(({ figures: f, cpu }, i) => [
        `\`${path}\``,
        String(i + 1),
        String(f.score),
        seconds(f.lcp),
        ms(f.tbt),
        cpu ? ms(cpu.blockingFromCpuMs) : '–',
        f.cls.toFixed(3),
        cpu ? String(cpu.tasks) : '–',
        cpu ? ms(cpu.wallMs) : '–',
        cpu ? ms(cpu.cpuMs) : '–',
        cpu ? `${cpu.longestCpuMs.toFixed(1)} ms` : '–',
      ]),
    ),
  };
}

async function main(): Promise<void> {
  let server: StaticServer | undefined;
  let chrome: LaunchedChrome | undefined;
  // Ctrl-C still stops Chrome and the server (the finally below would not run).
  const interrupt = () => {
    chrome?.kill();
    void server?.close();
    process.exit(130);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    server = await startGzipStaticServer(args.dir);
    chrome = await launch({
      chromePath: chromiumPath(),
      chromeFlags: [
        ...CHROME_FLAGS,
        `--lang=${language[0]}`,
        `--accept-lang=${language.join(',')}`,
        // More flags for an experiment, e.g. `--disable-features=PaintHolding`.
        ...(process.env.LIGHTHOUSE_CHROME_FLAGS ?? '').split(' ').filter(Boolean),
      ],
      handleSIGINT: false,
      logLevel: 'silent',
    });
    if (args.save) mkdirSync(args.save, { recursive: true });
    console.log(
      `Lighthouse (mobile, simulated throttling), ${runs} run(s) per page, ${args.dir} on ${server.origin}, lang ${args.lang}\n`,
    );
    const results: Row[] = [];
    for (const path of paths) {
      const url = new URL(path, server.origin).href;
      const pageRuns: Run[] = [];
      for (let i = 1; i <= runs; i += 1) {
        const slug = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'start';
        const run = await measure(
          chrome,
          url,
          args.save ? join(args.save, `${args.lang}-${slug}-${i}`) : undefined,
        );
        console.log(`  ${path} run ${i}: ${describeFigures(run.figures)}`);
        if (run.cpu) console.log(`    ${describeMainThreadCpu(run.cpu)}`);
        pageRuns.push(run);
      }
      const figures = medianFigures(pageRuns.map((run) => run.figures));
      // The run whose LCP is the median one explains the median.
      const typical = pageRuns.reduce((best, run) =>
        Math.abs(run.figures.lcp - figures.lcp) < Math.abs(best.figures.lcp - figures.lcp)
          ? run
          : best,
      );
      const cpu = pageRuns.flatMap((run) => (run.cpu ? [run.cpu.blockingFromCpuMs] : []));
      const blockingFromCpu = cpu.length > 0 ? median(cpu) : undefined;
      console.log(`${path} median: ${describeFigures(figures)}`);
      if (blockingFromCpu !== undefined)
        console.log(
          `  blocking time from the page's own CPU time, median: ${Math.round(blockingFromCpu)} ms`,
        );
      for (const line of typical.diagnosis) console.log(`  ${line}`);
      console.log('');
      results.push({ path, figures, blockingFromCpu, runs: pageRuns });
    }
    const medians = medianTable(results);
    console.log(renderTable(medians));
    const versions = [
      ...new Set(results.flatMap((row) => row.runs.map((run) => run.lighthouseVersion))),
    ];
    writeSection({
      id: `bench:lighthouse:${args.lang}`,
      command: commandLine('bench:lighthouse'),
      on: [`Browser: ${browserVersion(chromiumPath())}`, `Lighthouse ${versions.join(', ')}`],
      blocks: [
        `Lighthouse's performance category (mobile, simulated throttling) on \`${args.dir}\` served ` +
          `gzipped on 127.0.0.1, in a browser whose language is ${language.join(', ')}; ${runs} ` +
          'run(s) per page, and the median of each figure on its own. "TBT from CPU time" counts ' +
          "the page's main-thread tasks after its first paint by their CPU time instead of their " +
          "wall time (`src/tools/main-thread-cpu.ts`): where it is lower, the page's thread was " +
          'waiting for a core, not working. "JS transferred" is every script the run fetched, ' +
          'with its HTTP headers.',
        medians,
        { heading: 'Every run' },
        runTable(results),
      ],
    });
  } finally {
    chrome?.kill();
    await server?.close();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

await main();
