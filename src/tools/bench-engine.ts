/**
 * `npm run bench:engine` (also part of `npm run bench`): the matching engine's speed, reported
 * rather than asserted. Full results with stability, themes and methods for 2 000 simulated
 * voters (1 000 random, 1 000 close to a party) on the real compass (time per voter), and one voter against 10 000 synthetic
 * candidates × 40 statements (the scale of a candidate compass). Prints the figures and writes
 * them into the section `bench:engine` of docs/benchmarks.md (bench-report.ts).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Compass, Confidence, Position, Stance } from '../domain/bank/types.ts';
import { scoreVoter } from '../domain/scoring/index.ts';
import { type Block, commandLine, thousands, writeSection } from './bench-report.ts';
import { loadValidBank } from './load-bank.ts';
import { seeded, simulateVoters } from './robustness-report.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs the engine benchmark, prints its figures and returns them as blocks of docs/benchmarks.md. */
export function benchEngine(): Block[] {
  const real = loadValidBank('questions/socialpolitik');
  const voters = simulateVoters(real, 1000, seeded(7)).map((v) => v.voter);
  for (const voter of voters.slice(0, 200)) scoreVoter(real, voter);
  const engineRuns: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (const voter of voters) scoreVoter(real, voter);
    engineRuns.push(((performance.now() - start) * 1000) / voters.length);
  }
  const perVoter = median(engineRuns);
  console.log(
    `engine, real compass (${real.statements.length} statements, ${real.parties.length} parties), full result with stability, themes and methods: median ${perVoter.toFixed(1)} µs per voter over ${voters.length} voters × 5 rounds`,
  );

  const random = seeded(11);
  const positions: Position[] = [-1, -0.5, 0, 0.5, 1];
  const confidences: Confidence[] = [0.5, 0.75, 1];
  const candidateCount = 10_000;
  const statementCount = 40;
  const candidates = Array.from({ length: candidateCount }, (_, i) => ({
    id: `k${i}`,
    name: `Kandidat ${String.fromCharCode(65 + (i % 26))}${i}`,
    short: `K${i}`,
    municipality: 'Bench',
    colour: '#000000',
    source: { file: 'f', url: 'https://example.org', boilerplate: [] },
  }));
  const synthetic: Compass = {
    ...real,
    themes: Array.from({ length: 8 }, (_, t) => ({
      id: `t${t}`,
      name: { sv: `t${t}`, en: `t${t}` },
    })),
    parties: candidates,
    statements: Array.from({ length: statementCount }, (_, j) => ({
      id: `s${j}`,
      theme: `t${j % 8}`,
      direction: 'more' as const,
      text: { sv: 's', en: 's' },
      explainer: { sv: 'e', en: 'e' },
      terms: [],
      stances: Object.fromEntries(
        candidates.map((c): [string, Stance] => [
          c.id,
          random() < 0.15
            ? { position: null, confidence: 0, quotes: [], rationale: '' }
            : {
                position: positions[Math.floor(random() * 5)]!,
                confidence: confidences[Math.floor(random() * 3)]!,
                quotes: ['q'],
                rationale: 'r',
              },
        ]),
      ),
    })),
  };
  const oneVoter = {
    answers: Object.fromEntries(
      synthetic.statements.map((s) => [
        s.id,
        { answer: positions[Math.floor(random() * 5)]!, important: random() < 0.2 },
      ]),
    ),
  };
  let start = performance.now();
  scoreVoter(synthetic, oneVoter);
  const first = performance.now() - start;
  const candidateRuns: number[] = [];
  for (let i = 0; i < 31; i++) {
    start = performance.now();
    scoreVoter(synthetic, oneVoter);
    candidateRuns.push(performance.now() - start);
  }
  const [candidateMedian, candidateMin, candidateMax] = [
    median(candidateRuns),
    Math.min(...candidateRuns),
    Math.max(...candidateRuns),
  ];
  console.log(
    `engine, ${candidateCount} candidates × ${statementCount} statements, one voter, with stability, themes (8) and methods: median ${candidateMedian.toFixed(1)} ms (min ${candidateMin.toFixed(1)}, max ${candidateMax.toFixed(1)}; first call ${first.toFixed(1)} ms, including the one-off Swedish collation order of the candidates)`,
  );

  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    'Full result for one voter: ranking, leave-one-out ranges and stability, themes and the ' +
      'comparison methods (`scoreVoter`).',
    {
      header: ['case', 'runs', 'median', 'min', 'max', 'first call'],
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
      rows: [
        [
          `real compass (${real.statements.length} statements, ${real.parties.length} parties), per voter`,
          `${thousands(voters.length)} simulated voters × 5 rounds`,
          `${perVoter.toFixed(1)} µs`,
          `${Math.min(...engineRuns).toFixed(1)} µs`,
          `${Math.max(...engineRuns).toFixed(1)} µs`,
          '–',
        ],
        [
          `${thousands(candidateCount)} synthetic candidates × ${statementCount} statements, 8 themes, one voter`,
          `${candidateRuns.length} calls`,
          ms(candidateMedian),
          ms(candidateMin),
          ms(candidateMax),
          ms(first),
        ],
      ],
    },
    'The first call with many candidates includes the one-off Swedish collation order of the ' +
      'candidates; min and max of the real compass are over the five rounds.',
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  writeSection({ id: 'bench:engine', command: commandLine('bench:engine'), blocks: benchEngine() });
