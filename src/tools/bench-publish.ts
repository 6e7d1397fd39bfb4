/**
 * `npm run bench:publish`: how long from a newsroom pressing "Publicera" until a voter's browser
 * gets the new version, on the real service (in this process, on 127.0.0.1) over SQLite (a file,
 * full sync) and a throwaway PostgreSQL (durable settings). The workspace holds the shipped
 * compass (imported from its open data, as a newsroom imports one); each round publishes it once
 * more and then asks for `/data/<id>.json` until that answers the new version. Prints the median
 * and the slowest of the rounds; nothing is written.
 *
 * Options: `-- --rounds 20 --only sqlite|postgres`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { toOpenData } from '../domain/bank/open-data.ts';
import { startServer } from '../server/start.ts';
import { loadValidBank } from './load-bank.ts';
import { postgresSetup, startPostgresDatabase } from './throwaway-postgres.ts';

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '20' }, only: { type: 'string' } },
});
const ROUNDS = Number(args.rounds);
const ID = 'publiceringstest';

const compass = loadValidBank('questions/socialpolitik');
const programmes = Object.fromEntries(
  compass.parties.map((p) => [
    p.id,
    readFileSync(join('questions/socialpolitik', p.source.file), 'utf8'),
  ]),
);

async function measure(databaseUrl: string): Promise<number[]> {
  const server = await startServer({ staticDir: null, databaseUrl, purgeIntervalMs: 0 });
  try {
    const call = async (path: string, init: { method: string; key?: string; body?: unknown }) => {
      const response = await fetch(server.url + path, {
        method: init.method,
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const body = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    };
    const made = await call('/api/workspaces', { method: 'POST', body: { title: 'Mätning' } });
    const key = made.editorKey as string;
    const w = (made.workspace as { id: string }).id;
    const data = { ...toOpenData(compass), id: ID };
    await call(`/api/workspaces/${w}/import`, {
      method: 'POST',
      key,
      body: { compass: data, programmes },
    });
    const times: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const start = performance.now();
      await call(`/api/workspaces/${w}/publish`, { method: 'POST', key, body: { compass: ID } });
      for (;;) {
        const response = await fetch(`${server.url}/data/${ID}.json`);
        const open = (await response.json()) as { version?: string };
        if (response.ok && open.version === String(round)) break;
      }
      times.push(performance.now() - start);
    }
    return times;
  } finally {
    await server.close();
  }
}

function report(name: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `${name}: publish to live, median ${median.toFixed(1)} ms, slowest ${sorted.at(-1)!.toFixed(1)} ms (${times.length} publishes of ${compass.statements.length} statements × ${compass.parties.length} parties)`,
  );
}

if (args.only !== 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'valkompass-bench-publish-'));
  try {
    report('SQLite', await measure(`sqlite:${join(dir, 'bench.sqlite')}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (args.only !== 'sqlite') {
  const setup = postgresSetup();
  if (setup.mode === 'skip' || setup.mode === 'missing')
    console.log(`PostgreSQL not measured: ${setup.mode === 'skip' ? setup.reason : setup.message}`);
  else {
    const database = await startPostgresDatabase(setup, { durable: true });
    try {
      report('PostgreSQL', await measure(database.url));
    } finally {
      await database.dispose();
    }
  }
}
