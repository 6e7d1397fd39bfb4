import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { makeSite, type TestSite } from '../../test/server/site.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import {
  postgresSetup,
  type PostgresTestDatabase,
  startPostgresDatabase,
} from '../../tools/throwaway-postgres.ts';
import { openDataText } from './open-data.ts';
import type { PublishInput, PublishOutcome } from './types.ts';

// Scale-out: two server processes with the published plugin (two-processes-child.ts) share one
// PostgreSQL database. Each serves at once what the other published, and publishes through both
// take one number each.

const CHILD = fileURLToPath(new URL('./two-processes-child.ts', import.meta.url));
const demo: Compass = loadValidBank('tests/fixtures/demo');
const setup = postgresSetup();

interface Process {
  url: string;
  child: ChildProcess;
  /** Publishes through this process's own store. */
  publish(input: PublishInput): Promise<PublishOutcome>;
}

function startProcess(databaseUrl: string, staticDir: string): Promise<Process> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, DATABASE_URL: databaseUrl, STATIC_DIR: staticDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += String(chunk)));
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
    lines.on('line', (line) => {
      const match = /^listening (http:\/\/\S+)$/.exec(line);
      if (!match) return waiting.shift()?.(line);
      resolve({
        url: match[1]!,
        child,
        publish: (input) =>
          new Promise((answer) => {
            waiting.push((reply) => answer(JSON.parse(reply) as PublishOutcome));
            child.stdin!.write(`${JSON.stringify(input)}\n`);
          }),
      });
    });
  });
}

function stop(process: Process | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!process || process.child.exitCode !== null || process.child.signalCode !== null)
      return resolve();
    process.child.once('exit', () => resolve());
    process.child.stdin!.end();
  });
}

const compass = (id: string, version: string): Compass => ({ ...demo, id, version });
const input = (id: string, version: string): PublishInput => ({
  id,
  workspace: 'redaktionen',
  compass: compass(id, version),
  programmes: { a: `Program ${version}` },
  at: 1_800_000_000_000,
});

describe.skipIf(setup.mode === 'skip')('published compasses on two server processes', () => {
  let database: PostgresTestDatabase | undefined;
  let site: TestSite | undefined;
  let a: Process | undefined;
  let b: Process | undefined;

  beforeAll(async () => {
    database = await startPostgresDatabase(setup);
    site = makeSite([demo]);
    // One after the other: the first runs the migrations, the second finds them done.
    a = await startProcess(database.url, site.dir);
    b = await startProcess(database.url, site.dir);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await database?.dispose();
    site?.remove();
  }, 60_000);

  it('serves on each process the version the other published', async () => {
    expect((await fetch(`${a!.url}/data/tva.json`)).status).toBe(404);
    expect(await a!.publish(input('tva', '1'))).toMatchObject({
      published: true,
      version: { version: 1 },
    });
    const fromB = await fetch(`${b!.url}/data/tva.json`);
    expect(fromB.status).toBe(200);
    expect(await fromB.text()).toBe(openDataText(compass('tva', '1')));
    const etag = fromB.headers.get('etag')!;

    expect(await b!.publish(input('tva', '2'))).toMatchObject({
      published: true,
      version: { version: 2 },
    });
    const fromA = await fetch(`${a!.url}/data/tva.json`, { headers: { 'if-none-match': etag } });
    expect(fromA.status).toBe(200);
    expect(await fromA.text()).toBe(openDataText(compass('tva', '2')));
    expect(await (await fetch(`${b!.url}/data/tva@1-programmes.json`)).json()).toEqual({
      a: 'Program 1',
    });
    const listed = (await (await fetch(`${a!.url}/api/compasses?q=tva`)).json()) as {
      compasses: { id: string; version: number }[];
    };
    expect(listed.compasses).toEqual([expect.objectContaining({ id: 'tva', version: 2 })]);
  });

  it('gives publishes through both processes at once one number each', async () => {
    const rounds = Array.from({ length: 5 }, (_, n) => n);
    const outcomes = (
      await Promise.all(
        rounds.flatMap((n) => [
          a!.publish(input('samtidig', `a${n}`)),
          b!.publish(input('samtidig', `b${n}`)),
        ]),
      )
    ).map((o) => (o.published ? o.version.version : 0));
    expect([...outcomes].sort((x, y) => x - y)).toEqual(
      rounds.flatMap((n) => [2 * n + 1, 2 * n + 2]),
    );
    const latest = await fetch(`${b!.url}/data/samtidig.json`);
    expect(latest.headers.get('content-location')).toBe('/data/samtidig@10.json');
  });
});
