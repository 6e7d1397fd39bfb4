import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  DURABILITY_DELTA,
  DURABILITY_LOOPS,
  DURABILITY_STATEMENTS,
} from '../../test/server/durability.ts';
import {
  postgresSetup,
  type PostgresTestDatabase,
  startPostgresDatabase,
} from '../../tools/throwaway-postgres.ts';
import { openStore } from './open-store.ts';
import type { RandomizedCounters } from './types.ts';

// Stores in other processes: a store must keep what it acknowledged when its process dies (on
// SQLite and on PostgreSQL), and processes sharing a SQLite file must not lose or refuse each
// other's writes.

const CHILD = fileURLToPath(new URL('../../test/server/durability-child.ts', import.meta.url));
const CODE = 'durable';
const NOW = new Date();
const dir = mkdtempSync(join(tmpdir(), 'valkompass-durability-'));
let files = 0;
const children: ChildProcessByStdio<Writable, Readable, Readable>[] = [];

afterEach(() => {
  // A failed test must not leave a child running (only ours, by their handles).
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freshRound(
  url = `sqlite:${join(dir, `classroom-${++files}.sqlite`)}`,
): Promise<string> {
  const store = await openStore(url);
  await store.createRound({
    code: CODE,
    teacherKeyHash: 'h',
    compass: 'socialpolitik',
    version: '1',
    expiresAt: new Date(NOW.getTime() + 3_600_000),
    statementIds: DURABILITY_STATEMENTS,
    p: 0.4,
    maxSubmissions: 1_000_000,
  });
  await store.close();
  return url;
}

/** Starts the child; `acks` fills with the keys it prints, `done` settles when its output ends. */
function startChild(url: string, prefix: string, count?: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, url, CODE, prefix, ...(count === undefined ? [] : [String(count)])],
    { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] },
  );
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const acks: string[] = [];
  const lines = createInterface({ input: child.stdout });
  const onLine: ((line: string) => void)[] = [];
  lines.on('line', (line) => {
    if (line !== 'ready' && !/^(start|end) /.test(line)) acks.push(line);
    for (const listener of onLine) listener(line);
  });
  const output = new Promise<void>((resolve) => lines.on('close', resolve));
  const ready = new Promise<void>((resolve) =>
    lines.on('line', (line) => line === 'ready' && resolve()),
  );
  const exit = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (exitCode, signal) => resolve(signal ?? exitCode)),
  );
  return {
    child,
    acks,
    stderr: () => stderr,
    /** Resolves once the child has opened its store. */
    ready,
    /** Lets a child started with a count begin submitting. */
    go: () => child.stdin.end('go\n'),
    onLine: (listener: (line: string) => void) => onLine.push(listener),
    /** Resolves how the child ended, once every line it wrote has been read. */
    done: async () => {
      const how = await exit;
      await output;
      return how;
    },
  };
}

/** Counters of `n` submissions of DURABILITY_DELTA, each applied whole. */
function whole(n: number): RandomizedCounters {
  return {
    p: 0.4,
    submissions: n,
    statements: {
      s1: { emot: 0, varken: 0, for: n, 'hoppade-over': 0 },
      s2: { emot: 0, varken: 0, for: 0, 'hoppade-over': n },
    },
  };
}

/** Kills a child mid-burst and checks that every submission it acknowledged is stored. */
async function killMidBurst(url: string): Promise<void> {
  const run = startChild(url, 'burst');
  const ACKS_BEFORE_KILL = 150;
  run.onLine(() => {
    if (run.acks.length === ACKS_BEFORE_KILL) run.child.kill('SIGKILL');
  });
  // Every line already in the pipe when the kill landed is an acknowledgement too: done() reads
  // to the end of the output.
  expect(await run.done(), run.stderr()).toBe('SIGKILL');
  expect(run.acks.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

  const reopened = await openStore(url);
  try {
    const counters = await reopened.readCounters(CODE, NOW);
    const n = counters!.submissions;
    // All acknowledged ones, plus at most the few in flight when the kill landed.
    expect(n).toBeGreaterThanOrEqual(run.acks.length);
    expect(n).toBeLessThanOrEqual(run.acks.length + DURABILITY_LOOPS);
    expect(counters).toEqual(whole(n));
    // Each acknowledged key is stored: submitting it again is a duplicate.
    for (const key of run.acks) {
      expect(await reopened.addSubmission(CODE, key, DURABILITY_DELTA, NOW), key).toBe('duplicate');
    }
  } finally {
    await reopened.close();
  }
}

describe('SQLite across processes', () => {
  it('keeps every acknowledged submission when the process is killed mid-burst', async () => {
    await killMidBurst(await freshRound());
  }, 60_000);

  it('counts every submission of two processes writing the same file at once', async () => {
    const url = await freshRound();
    const PER_PROCESS = 100;
    const runs = [startChild(url, 'a', PER_PROCESS), startChild(url, 'b', PER_PROCESS)];
    const times = runs.map(() => ({ start: NaN, end: NaN }));
    runs.forEach((run, i) =>
      run.onLine((line) => {
        const [what, ms] = line.split(' ');
        if (what === 'start' || what === 'end') times[i]![what] = Number(ms);
      }),
    );
    await Promise.all(runs.map((run) => run.ready));
    for (const run of runs) run.go();
    for (const run of runs) expect(await run.done(), run.stderr()).toBe(0);
    expect(runs.map((run) => run.acks.length)).toEqual([PER_PROCESS, PER_PROCESS]);
    // They really wrote at the same time (SQLite may still let one wait for the other's lock).
    const [a, b] = times;
    expect(a!.start < b!.end && b!.start < a!.end, JSON.stringify(times)).toBe(true);
    const reopened = await openStore(url);
    try {
      expect(await reopened.readCounters(CODE, NOW)).toEqual(whole(2 * PER_PROCESS));
    } finally {
      await reopened.close();
    }
  }, 60_000);
});

const pg = postgresSetup();
describe.skipIf(pg.mode === 'skip')('PostgreSQL across processes', () => {
  let database: PostgresTestDatabase | undefined;
  afterAll(async () => {
    await database?.dispose();
  });

  it('keeps every acknowledged submission when the process is killed mid-burst', async () => {
    database = await startPostgresDatabase(pg);
    await killMidBurst(await freshRound(database.url));
  }, 60_000);
});
