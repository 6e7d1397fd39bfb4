/**
 * `npm run bench:classroom`: the classroom service under load, on SQLite (a temporary file, WAL,
 * full sync) and on a throwaway PostgreSQL, each in its own server process on 127.0.0.1.
 * autocannon sends submissions (each with its own Idempotency-Key and the body a pupil's browser
 * sends: a random full answer set for the real compass, randomized by `randomizedSubmission`;
 * spread over many rounds, since a round counts at most 500) and, for comparison,
 * `GET /api/health` (no database). Rate limits and the submissions per client and round are
 * raised for the run. Prints a table: requests/s, p50 and p99 latency, any non-2xx, and the
 * submissions' requests/s as a share of the no-op route's in the same run; and writes it into
 * the section `bench:classroom` of docs/benchmarks.md (bench-report.ts).
 *
 * The throwaway PostgreSQL runs with its durable production settings (fsync, synchronous_commit
 * and full_page_writes on), as the SQLite file runs with full sync: an acknowledged submission
 * is on disk in both. With VALKOMPASS_PG_URL the bench uses that server as it is configured.
 *
 * Needs the built site (`npm run build`): the server reads `dist/data/<id>.json`.
 * Options: `-- --duration 10 --connections 20 --rounds 200 --only sqlite|postgres --no-health`;
 * `--cpu-prof <folder>` writes V8 CPU profiles of each server process to <folder>/<backend>/
 * (open the largest, the main thread's, in Chrome DevTools or speedscope).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { getRandomValues, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { parseCompass } from '../domain/bank/parse-compass.ts';
import type { Compass } from '../domain/bank/types.ts';
import {
  classroomApi,
  IDEMPOTENCY_HEADER,
  RANDOMIZATION_P,
  randomizedSubmission,
  uniformFromRandomValues,
} from '../domain/classroom/index.ts';
import type { Voter } from '../domain/scoring/index.ts';
import { type Block, commandLine, renderTable, type Table, writeSection } from './bench-report.ts';
import { postgresSetup, startPostgresDatabase } from './throwaway-postgres.ts';

interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  requests?: { method: string; path: string; setupRequest?: (req: RawRequest) => RawRequest }[];
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    // A round counts at most 500 (then 409 round-full): 200 rounds hold 100 000 submissions.
    rounds: { type: 'string', default: '200' },
    only: { type: 'string' },
    compass: { type: 'string', default: 'socialpolitik' },
    'cpu-prof': { type: 'string' },
    'no-health': { type: 'boolean', default: false },
  },
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const ROUNDS = Number(args.rounds);

function loadCompass(): Compass {
  const file = join('dist', 'data', `${args.compass}.json`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  const parsed = parseCompass(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file} is not a valid compass.`);
  return parsed.compass;
}

const SCALE = [-1, -0.5, 0, 0.5, 1] as const;

/** The browser's source of randomness, as the pupil's page builds it. */
const random = uniformFromRandomValues((array) => getRandomValues(array));

/**
 * What a pupil's browser sends for a random full answer set (every statement answered, 1 in 10
 * skipped, 1 in 4 marked important, which is not sent): `{ p, categories }`.
 */
function randomBody(compass: Compass): string {
  const answers: Record<string, { answer: number | 'skip'; important?: boolean }> = {};
  for (const s of compass.statements) {
    answers[s.id] =
      Math.random() < 0.1
        ? { answer: 'skip' }
        : {
            answer: SCALE[Math.floor(Math.random() * SCALE.length)]!,
            important: Math.random() < 0.25,
          };
  }
  return JSON.stringify(
    randomizedSubmission(compass.statements, answers as Voter['answers'], RANDOMIZATION_P, random),
  );
}

interface Server {
  url: string;
  stop(): Promise<void>;
}

/** The real server (src/server/main.ts) in its own process, as `npm run serve` starts it. */
async function startServerProcess(databaseUrl: string, name: string): Promise<Server> {
  // One profile per thread (tsx's loader runs in a worker); the main thread's is the largest.
  const profile = args['cpu-prof']
    ? ['--cpu-prof', '--cpu-prof-dir', join(args['cpu-prof'], name)]
    : [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', 'src/server/main.ts'],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        STATIC_DIR: 'dist',
        RATE_CREATE_PER_CLIENT: '1000000',
        RATE_CREATE_OVERALL: '1000000',
        RATE_CREATE_DAILY_PER_CLIENT: '1000000',
        RATE_CREATE_DAILY_OVERALL: '1000000',
        ROUND_SUBMISSIONS_PER_CLIENT: '1000000',
        RATE_SUBMIT_PER_CLIENT: '100000000',
        RATE_SUBMIT_OVERALL: '100000000',
        RATE_OTHER_PER_CLIENT: '100000000',
        RATE_OTHER_OVERALL: '100000000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += String(chunk);
      const match = /Valkompass på (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before it listened`)),
    );
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface Row {
  backend: string;
  route: string;
  result: AutocannonResult;
}

async function measure(backend: string, server: Server, compass: Compass): Promise<Row[]> {
  const codes: string[] = [];
  for (let n = 0; n < ROUNDS; n++) {
    const response = await fetch(server.url + classroomApi.sessions, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ compass: compass.id }),
    });
    if (response.status !== 201) throw new Error(`creating a round: HTTP ${response.status}`);
    codes.push(((await response.json()) as { code: string }).code);
  }
  // Ready-made bodies, so that the load generator spends its time sending, not building JSON.
  const bodies = Array.from({ length: 2000 }, () => randomBody(compass));
  let sent = 0;
  const warm = { url: server.url, connections: 10, duration: 2 };
  await autocannon({ ...warm, requests: [{ method: 'GET', path: classroomApi.health }] });
  const health = args['no-health']
    ? undefined
    : await autocannon({
        url: server.url,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: [{ method: 'GET', path: classroomApi.health }],
      });
  const submissions = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: 'POST',
        path: classroomApi.submissions(codes[0]!),
        setupRequest: (req) => {
          sent += 1;
          return {
            ...req,
            method: 'POST',
            path: classroomApi.submissions(codes[sent % codes.length]!),
            headers: {
              'content-type': 'application/json',
              [IDEMPOTENCY_HEADER]: randomUUID(),
            },
            body: bodies[sent % bodies.length]!,
          };
        },
      },
    ],
  });
  // Check what was acknowledged is what is counted.
  let counted = 0;
  for (const code of codes) {
    const response = await fetch(server.url + classroomApi.session(code));
    counted += ((await response.json()) as { submissions: number }).submissions;
  }
  const acknowledged = submissions.statusCodeStats['201']?.count ?? 0;
  // Requests still in flight when the run stops may be counted without their answer being
  // recorded, so counted ≥ acknowledged; fewer would be a lost submission.
  if (counted < Number(acknowledged))
    throw new Error(
      `${backend}: ${acknowledged} submissions acknowledged, but only ${counted} counted`,
    );
  return [
    ...(health ? [{ backend, route: 'GET /api/health (no-op)', result: health }] : []),
    { backend, route: 'POST …/submissions', result: submissions },
  ];
}

/**
 * The figures as a table: requests/s (and, for submissions, as a share of the same backend's
 * no-op route in this run), p50 and p99 latency, totals, non-2xx and errors.
 */
function table(rows: Row[]): Table {
  const noOp = (backend: string) =>
    rows.find((row) => row.backend === backend && row.route.endsWith('(no-op)'));
  return {
    header: [
      'backend',
      'route',
      'req/s',
      'of no-op',
      'p50 ms',
      'p99 ms',
      'total',
      'non-2xx',
      'errors',
    ],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows: rows.map(({ backend, route, result }) => [
      backend,
      route,
      result.requests.average.toFixed(0),
      noOp(backend) === undefined
        ? '–'
        : (result.requests.average / noOp(backend)!.result.requests.average).toFixed(2),
      result.latency.p50.toFixed(1),
      result.latency.p99.toFixed(1),
      String(result.requests.total),
      result.non2xx === 0
        ? '0'
        : `${result.non2xx} (${Object.entries(result.statusCodeStats)
            .filter(([status]) => !status.startsWith('2'))
            .map(([status, { count }]) => `${count}× ${status}`)
            .join(', ')})`,
      String(result.errors + result.timeouts),
    ]),
  };
}

/** The settings that decide durability and commit cost, as the server reports them. */
async function postgresSettings(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = [
      'server_version',
      'fsync',
      'synchronous_commit',
      'full_page_writes',
      'wal_sync_method',
      'shared_buffers',
    ];
    const rows: string[] = [];
    for (const name of names) {
      const result = await client.query<Record<string, string>>(`show ${name}`);
      rows.push(`${name}=${Object.values(result.rows[0]!)[0]!}`);
    }
    return rows.join(', ');
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const compass = loadCompass();
  const rows: Row[] = [];
  const setting = `${compass.id} (${compass.statements.length} statements, ${compass.parties.length} parties), ${CONNECTIONS} connections, ${DURATION} s per route, ${ROUNDS} rounds`;
  console.log(`classroom service: ${setting}`);
  const on: string[] = [];
  const notes: Block[] = [];
  if (args.only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'valkompass-bench-'));
    const server = await startServerProcess(`sqlite:${join(dir, 'classroom.sqlite')}`, 'sqlite');
    try {
      rows.push(...(await measure('SQLite (file, WAL, full sync)', server, compass)));
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (args.only !== 'sqlite') {
    const setup = postgresSetup();
    if (setup.mode === 'skip' || setup.mode === 'missing') {
      const reason = setup.mode === 'skip' ? setup.reason : setup.message;
      console.warn(`PostgreSQL skipped: ${reason}`);
      notes.push(`PostgreSQL not measured: ${reason}`);
    } else {
      const database = await startPostgresDatabase(setup, { durable: true });
      try {
        const settings = await postgresSettings(database.url);
        console.log(`PostgreSQL: ${settings}`);
        on.push(
          `PostgreSQL: ${settings
            .split(', ')
            .map((setting) => `\`${setting}\``)
            .join(', ')}`,
        );
        const server = await startServerProcess(database.url, 'postgres');
        try {
          rows.push(...(await measure('PostgreSQL', server, compass)));
        } finally {
          await server.stop();
        }
      } finally {
        await database.dispose();
      }
    }
  }
  const figures = table(rows);
  console.log(renderTable(figures));
  writeSection({
    id: 'bench:classroom',
    command: commandLine('bench:classroom'),
    on,
    blocks: [
      `The classroom service (\`src/server/main.ts\`) in its own process per database, loaded by ` +
        `autocannon on 127.0.0.1: ${setting}. Submissions are what a pupil's browser sends for a ` +
        'full random answer set (`{ p, categories }`, randomized by `randomizedSubmission`), ' +
        'each with its own Idempotency-Key, spread over the rounds (a round counts at most 500); ' +
        '`GET /api/health` touches no database, and "of no-op" is a route\'s requests/s as a share ' +
        'of it. Rate limits and the submissions per client and round are raised for the run; ' +
        'every acknowledged submission was checked to be counted.',
      figures,
      ...notes,
    ],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
