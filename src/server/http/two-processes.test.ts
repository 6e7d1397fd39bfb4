import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { CATEGORIES, classroomApi, RANDOMIZATION_P } from '../../domain/classroom/index.ts';
import { makeSite, sseReader, type TestSite } from '../../test/server/site.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import {
  postgresSetup,
  type PostgresTestDatabase,
  startPostgresDatabase,
} from '../../tools/throwaway-postgres.ts';

// Scale-out: two real server processes (src/server/main.ts, as `npm run serve` starts it) on two
// ports share one PostgreSQL database. A teacher following the live count on process A sees
// submissions made through process B, and concurrent submissions through both are all counted.

const compass: Compass = loadValidBank('tests/fixtures/demo');
const setup = postgresSetup();

interface Process {
  url: string;
  child: ChildProcess;
}

function startProcess(databaseUrl: string, staticDir: string): Promise<Process> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      STATIC_DIR: staticDir,
      PORT: '0',
      HOST: '127.0.0.1',
      RATE_CREATE_PER_CLIENT: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += String(chunk);
      const match = /Valkompass på (http:\/\/\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, child });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += String(chunk)));
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening: ${err}`)),
    );
  });
}

function stop(process: Process | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!process || process.child.exitCode !== null || process.child.signalCode !== null)
      return resolve();
    process.child.once('exit', () => resolve());
    process.child.kill('SIGTERM');
  });
}

/** Pupil n's randomized categories (as the browser sends them). */
const categoryOf = (n: number, i: number) => CATEGORIES[(n + i) % CATEGORIES.length]!;
const answers = (n: number) => ({
  p: RANDOMIZATION_P,
  categories: Object.fromEntries(compass.statements.map((s, i) => [s.id, categoryOf(n, i)])),
});

describe.skipIf(setup.mode === 'skip')('two server processes on one PostgreSQL', () => {
  let database: PostgresTestDatabase | undefined;
  let site: TestSite | undefined;
  let a: Process | undefined;
  let b: Process | undefined;

  beforeAll(async () => {
    database = await startPostgresDatabase(setup);
    site = makeSite([compass]);
    [a, b] = await Promise.all([
      startProcess(database.url, site.dir),
      startProcess(database.url, site.dir),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await database?.dispose();
    site?.remove();
  }, 60_000);

  const submit = (server: Process, code: string, n: number, key: string) =>
    fetch(`${server.url}${classroomApi.submissions(code)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(answers(n)),
    });

  it('runs on two ports', () => {
    expect(a!.url).not.toBe(b!.url);
  });

  it("shows a submission made through B on the teacher's live count from A", async () => {
    const created = await fetch(`${a!.url}${classroomApi.sessions}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ compass: compass.id }),
    });
    const { code, teacherKey } = (await created.json()) as { code: string; teacherKey: string };
    const controller = new AbortController();
    const stream = await fetch(`${a!.url}${classroomApi.events(code)}`, {
      signal: controller.signal,
    });
    try {
      const events = sseReader(stream);
      expect(JSON.parse((await events.next())!.data)).toEqual({ submissions: 0, open: true });
      expect((await submit(b!, code, 1, 'two-processes-key-1')).status).toBe(201);
      expect(JSON.parse((await events.next())!.data)).toEqual({ submissions: 1, open: true });
      expect((await submit(b!, code, 2, 'two-processes-key-2')).status).toBe(201);
      expect(JSON.parse((await events.next())!.data)).toEqual({ submissions: 2, open: true });
      // The same key through the other process is the same submission.
      expect((await submit(a!, code, 2, 'two-processes-key-2')).status).toBe(200);
      // The teacher key made through A works through B.
      const closed = await fetch(`${b!.url}${classroomApi.close(code)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${teacherKey}` },
      });
      expect(closed.status).toBe(200);
    } finally {
      controller.abort();
    }
  });

  it('counts every one of many concurrent submissions through both processes', async () => {
    const created = await fetch(`${b!.url}${classroomApi.sessions}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ compass: compass.id }),
    });
    const { code, teacherKey } = (await created.json()) as { code: string; teacherKey: string };
    // 30: within the submissions one address may send to one round.
    const pupils = Array.from({ length: 30 }, (_, n) => n);
    // Each pupil sends through one process and retries through the other: counted once.
    const first = await Promise.all(
      pupils.map((n) => submit(n % 2 ? a! : b!, code, n, `pupil-${n}-concurrent-key`)),
    );
    const retries = await Promise.all(
      pupils.map((n) => submit(n % 2 ? b! : a!, code, n, `pupil-${n}-concurrent-key`)),
    );
    expect(first.map((r) => r.status)).toEqual(pupils.map(() => 201));
    expect(retries.map((r) => r.status)).toEqual(pupils.map(() => 200));

    await fetch(`${a!.url}${classroomApi.close(code)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teacherKey}` },
    });
    const results = (await (
      await fetch(`${b!.url}${classroomApi.results(code)}`, {
        headers: { authorization: `Bearer ${teacherKey}` },
      })
    ).json()) as {
      submissions: number;
      statements: Record<string, { categories: Record<string, { observed: number }> }>;
    };
    expect(results.submissions).toBe(30);
    compass.statements.forEach((s, i) => {
      const expected = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
      for (const n of pupils) expected[categoryOf(n, i)]! += 1;
      const observed = Object.fromEntries(
        CATEGORIES.map((c) => [c, results.statements[s.id]!.categories[c]!.observed]),
      );
      expect(observed).toEqual(expected);
    });
  });
});
