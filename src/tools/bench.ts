/**
 * `npm run bench`: the numbers we report instead of asserting timings in tests.
 * - validation: time to load and validate every compass (median of 15 runs, after 3 warm-ups);
 * - bundle: gzip size of every JS and CSS file in dist/ (run `npm run build` first);
 * - parser cost: gzip size of the browser-side bank parser (valibot schema + cross rules) alone.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { compassFolders, loadBank } from './load-bank.ts';

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
