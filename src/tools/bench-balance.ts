/**
 * `npm run bench:balance`: how long the workbench's live balance panel takes to recompute
 * (`draftBalance`, src/domain/workbench/balance.ts) on a synthetic compass of 60 statements × 10
 * parties (seeded), in Node, for several numbers of random voters per row, with the standard error
 * of a share at each. Prints the figures (median of repeated runs); asserts nothing. The panel's
 * default (`BALANCE_VOTERS`) is chosen from these figures: within 200 ms per recompute.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Compass, Confidence, Position, Stance } from '../domain/bank/types.ts';
import { POSITIONS } from '../domain/bank/types.ts';
import {
  BALANCE_VOTERS,
  type BalanceOptions,
  draftBalance,
  REPORT_SKIPS,
} from '../domain/workbench/balance.ts';
import { seeded, shareStandardError } from '../domain/workbench/random-voters.ts';

const CONFIDENCES: readonly Confidence[] = [0.5, 0.75, 1];

/**
 * A synthetic compass, deterministic for a seed: `statements` × `parties`, six themes, every
 * third statement phrased "less", and each cell silent with probability 0.25, else a random
 * position and confidence. `uncoded` (0..1) leaves that share of cells without a stance, as a
 * draft that is being coded.
 */
export function syntheticCompass(
  statements: number,
  parties: number,
  seed: number,
  uncoded = 0,
): Compass {
  const random = seeded(seed);
  const partyList = Array.from({ length: parties }, (_, i) => ({
    id: `p${i}`,
    name: `Parti ${i + 1}`,
    short: `P${i + 1}`,
    municipality: 'Bänkby',
    colour: '#000000',
    source: { file: `sources/p${i}.txt`, url: 'https://example.org', boilerplate: [] },
  }));
  const themes = Array.from({ length: 6 }, (_, t) => ({
    id: `t${t}`,
    name: { sv: `Tema ${t + 1}`, en: `Theme ${t + 1}` },
  }));
  return {
    id: 'bench',
    version: '1',
    coded: '2026-12-01',
    title: { sv: 'Bänk', en: 'Bench' },
    description: { sv: 'Syntetisk', en: 'Synthetic' },
    themes,
    parties: partyList,
    statements: Array.from({ length: statements }, (_, j) => ({
      id: `s${j}`,
      theme: `t${j % themes.length}`,
      direction: j % 3 === 0 ? ('less' as const) : ('more' as const),
      text: { sv: `Påstående ${j + 1}`, en: `Statement ${j + 1}` },
      explainer: { sv: 'Förklaring.', en: 'Explainer.' },
      terms: [],
      stances: Object.fromEntries(
        partyList.flatMap((p): [string, Stance][] => {
          const silent = random() < 0.25;
          const position: Position = POSITIONS[Math.floor(random() * POSITIONS.length)]!;
          const confidence = CONFIDENCES[Math.floor(random() * CONFIDENCES.length)]!;
          if (random() < uncoded) return [];
          return [
            [
              p.id,
              silent
                ? { position: null, confidence: 0, quotes: [], rationale: '' }
                : { position, confidence, quotes: ['citat'], rationale: 'skäl' },
            ],
          ];
        }),
      ),
    })),
    glossary: [],
    rules: {
      minStatements: 1,
      maxStatements: 100,
      minThemes: 1,
      minCoverage: 0.5,
      minLessShare: 0.3,
      maxAgreeAllPercent: 70,
    },
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Median, min and max ms of `runs` calls of draftBalance (after two untimed ones). */
export function timeBalance(compass: Compass, options: BalanceOptions, runs: number) {
  draftBalance(compass, options);
  draftBalance(compass, options);
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    draftBalance(compass, options);
    times.push(performance.now() - start);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

const pp = (x: number) => `${(100 * x).toFixed(1)} pp`;

function main(): void {
  const RUNS = 15;
  const complete = syntheticCompass(60, 10, 20261208);
  const draft = syntheticCompass(60, 10, 20261208, 0.3);
  const rows = REPORT_SKIPS.length;
  console.log(
    `draftBalance on a synthetic compass of 60 statements × 10 parties (seed 20261208), ${rows} rows of random voters (skipping ${REPORT_SKIPS.map((s) => `${100 * s} %`).join(', ')}), median of ${RUNS} runs after 2 warm-up runs, Node ${process.version}`,
  );
  const [one, five] = loadavg();
  console.log(
    `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; load average as it started ${one!.toFixed(2)} (1 min), ${five!.toFixed(2)} (5 min): timings grow with the load`,
  );
  console.log(
    'voters per row | total voters | median ms | min ms | max ms | SE of a share ≤ (p = ½) | SE at p = 0.1 | 30 % of cells uncoded: median ms',
  );
  for (const voters of [100, 200, BALANCE_VOTERS, 500, 1000]) {
    const t = timeBalance(complete, { voters }, RUNS);
    const d = timeBalance(draft, { voters }, RUNS);
    console.log(
      `${voters}${voters === BALANCE_VOTERS ? ' (default)' : ''} | ${rows * voters} | ${t.median.toFixed(1)} | ${t.min.toFixed(1)} | ${t.max.toFixed(1)} | ${pp(shareStandardError(voters))} | ${pp(shareStandardError(voters, 0.1))} | ${d.median.toFixed(1)}`,
    );
  }
  const target = timeBalance(complete, {}, RUNS);
  console.log(
    `default (${BALANCE_VOTERS} voters per row): median ${target.median.toFixed(1)} ms per recompute; target ≤ 200 ms: ${target.median <= 200 ? 'met' : 'NOT met'}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
