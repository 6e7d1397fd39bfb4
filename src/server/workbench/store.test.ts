import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../test/server/backends.ts';
import { migrationProvider } from '../storage/migrations.ts';
import { openStore } from '../storage/open-store.ts';
import { openWorkbenchStore } from './open.ts';
import type { Coding, WorkbenchStore } from './types.ts';

// The workbench store's contract on SQLite in memory, SQLite in a file and a real PostgreSQL;
// then, where a database is shared: an upgrade of a database made by the shipped classroom
// migrations, the classroom store and this one on one SQLite file in one process, and (SQLite
// file) every acknowledged write still there after kill -9.

const STATED: Coding = {
  positionHalves: -1,
  kind: 'stated',
  quoteStart: 3,
  quoteEnd: 9,
  note: 'n',
  confidence: 'general',
  quoteText: 'citat!',
  quoteLost: false,
};
const AT = 1_800_000_000_000;
let names = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++names}`;

async function withCoder(store: WorkbenchStore) {
  const workspace = unique('ws');
  await store.createWorkspace({
    id: workspace,
    title: 'T',
    editorKeyHash: unique('e'),
    createdAt: AT,
  });
  const coder = unique('c');
  await store.addCoder({ workspace, coder, label: 'A', keyHash: unique('k'), createdAt: AT });
  return { workspace, coder, statement: 's1', party: 'p1' };
}

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  'workbench store on %s',
  (_name, backend) => {
    let url: string;
    let store: WorkbenchStore;
    beforeAll(async () => {
      url = await backend.start();
      store = await openWorkbenchStore(url);
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await backend.stop();
    });

    it('finds keys by their hash and stores codings with versions', async () => {
      const editorKeyHash = unique('editor');
      await store.createWorkspace({ id: unique('w'), title: 'T', editorKeyHash, createdAt: AT });
      expect(await store.findKey(editorKeyHash)).toMatchObject({ role: 'editor', coder: null });
      expect(await store.findKey('nothing')).toBeNull();
      const key = await withCoder(store);
      expect(await store.readCoding(key)).toBeNull();
      expect(await store.writeCoding(key, STATED, null, AT)).toEqual({ written: true, version: 1 });
      expect(await store.readCoding(key)).toEqual({ ...STATED, version: 1, updatedAt: AT });
      const silent: Coding = {
        positionHalves: null,
        kind: 'silent',
        quoteStart: null,
        quoteEnd: null,
        note: '',
        confidence: 'explicit',
        quoteText: null,
        quoteLost: false,
      };
      expect(await store.writeCoding(key, silent, 1, AT + 1)).toEqual({
        written: true,
        version: 2,
      });
      expect(await store.writeCoding(key, STATED, 1, AT + 2)).toEqual({
        written: false,
        current: { ...silent, version: 2, updatedAt: AT + 1 },
      });
      expect(await store.writeCoding(key, STATED, null, AT + 2)).toMatchObject({ written: false });
      expect(await store.readCoding(key)).toMatchObject({ version: 2, kind: 'silent' });
    });

    it('lets one of many concurrent first writes through', async () => {
      const key = await withCoder(store);
      const results = await Promise.all(
        [1, 2, 3, 4].map((n) => store.writeCoding(key, { ...STATED, note: `${n}` }, null, AT)),
      );
      expect(results.filter((r) => r.written)).toHaveLength(1);
      for (const r of results.filter((r) => !r.written))
        expect(r).toMatchObject({ current: { version: 1 } });
    });

    it('refuses, in the database itself, a coding whose kind and position disagree', async () => {
      const key = await withCoder(store);
      await expect(
        store.writeCoding(key, { ...STATED, kind: 'silent' }, null, AT),
      ).rejects.toThrow();
      await expect(
        store.writeCoding(key, { ...STATED, positionHalves: 3 }, null, AT),
      ).rejects.toThrow();
      expect(await store.readCoding(key)).toBeNull();
    });

    (backend.shared ? describe : () => undefined)('with the classroom', () => {
      it('upgrades a database made by the shipped migrations, keeping its rounds', async () => {
        const old = await backend.another();
        await migrateTo(old, '0004-postgres-counter-fillfactor');
        const classroom = await openStoreAt0004(old);
        await classroom.close();
        const upgraded = await openWorkbenchStore(old);
        try {
          const key = await withCoder(upgraded);
          expect((await upgraded.writeCoding(key, STATED, null, AT)).written).toBe(true);
        } finally {
          await upgraded.close();
        }
        const again = await openStore(old);
        try {
          expect(await again.getRound('kept', new Date(AT))).toMatchObject({ code: 'kept' });
        } finally {
          await again.close();
        }
      });

      it('shares one database with the classroom store in one process', async () => {
        const shared = await backend.another();
        const classroom = await openStore(shared);
        const workbench = await openWorkbenchStore(shared);
        try {
          await classroom.createRound(round('both'));
          const key = await withCoder(workbench);
          // Starting a round is a Kysely transaction that holds SQLite's write lock across
          // awaits: a workbench write in between must wait for it without blocking the thread
          // (which would stop the round's transaction too). The three run interleaved.
          const steps = async <T>(n: number, step: (i: number) => Promise<T>) => {
            const results: T[] = [];
            for (let i = 0; i < n; i++) {
              await new Promise((resolve) => setImmediate(resolve));
              results.push(await step(i));
            }
            return results;
          };
          const [written, counted, created] = await Promise.all([
            steps(40, (i) =>
              workbench.writeCoding({ ...key, statement: `s${i}` }, STATED, null, AT),
            ),
            steps(40, (i) =>
              classroom.addSubmission(
                'both',
                `key-${i}-0000000000`,
                { statements: {} },
                new Date(AT),
              ),
            ),
            steps(40, (i) => classroom.createRound(round(`r${i}`))),
          ]);
          expect(created.every((c) => c === 'created')).toBe(true);
          expect(written.every((w) => w.written)).toBe(true);
          expect(counted.every((c) => c === 'counted')).toBe(true);
        } finally {
          await workbench.close();
          await classroom.close();
        }
      }, 30_000);
    });

    (backend.kind === 'sqlite' && backend.shared ? it : it.skip)(
      "waits for another connection's write lock without blocking the thread",
      async () => {
        const key = await withCoder(store);
        const other = new Database(url.slice('sqlite:'.length));
        try {
          other.exec('begin immediate');
          let settled = false;
          const write = store.writeCoding(key, STATED, null, AT).finally(() => (settled = true));
          // The thread is free: timers run while the write waits for the lock.
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(settled).toBe(false);
          other.exec('commit');
          expect(await write).toEqual({ written: true, version: 1 });
        } finally {
          other.close();
        }
      },
    );

    (backend.kind === 'sqlite' && backend.shared ? it : it.skip)(
      'keeps every acknowledged write when its process is killed (kill -9)',
      async () => {
        const file = await backend.another();
        const setup = await openWorkbenchStore(file);
        const { workspace, coder } = await withCoder(setup);
        await setup.close();
        const acks = await killAfter(file, workspace, coder, 300);
        const after = await openWorkbenchStore(file);
        try {
          let chain = 0;
          for (const line of acks) {
            const [statement, version] = line.split(' ') as [string, string];
            if (statement === 'chain') chain = Number(version);
            else
              expect(
                await after.readCoding({ workspace, coder, statement, party: 'p' }),
                line,
              ).toMatchObject({ version: 1 });
          }
          expect(chain).toBeGreaterThan(100);
          const last = await after.readCoding({ workspace, coder, statement: 'chain', party: 'p' });
          expect(last!.version).toBeGreaterThanOrEqual(chain);
        } finally {
          await after.close();
        }
      },
      60_000,
    );
  },
);

function round(code: string) {
  return {
    code,
    teacherKeyHash: 'h',
    compass: 'c',
    version: '1',
    expiresAt: new Date(AT + 3_600_000),
    statementIds: ['a'],
    p: 0.4,
    maxSubmissions: 1000,
  };
}

/** A Kysely on `url` (sqlite:<file> or postgres://…). */
function kyselyOn(url: string): Kysely<unknown> {
  return url.startsWith('sqlite:')
    ? new Kysely({
        dialect: new SqliteDialect({ database: new Database(url.slice('sqlite:'.length)) }),
      })
    : new Kysely({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
      });
}

/** Runs the migrations up to and including `name`, as a database made before the workbench. */
async function migrateTo(url: string, name: string): Promise<void> {
  const db = kyselyOn(url);
  try {
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}

/** A round in a database at 0004, written with plain SQL (the classroom store would migrate on). */
async function openStoreAt0004(url: string) {
  const db = kyselyOn(url);
  await db
    .insertInto('rounds' as never)
    .values({
      code: 'kept',
      teacher_key_hash: 'h',
      compass: 'c',
      version: '1',
      created_at: AT,
      expires_at: AT + 3_600_000,
      submissions: 0,
      p: 40,
      max_submissions: 10,
      key_salt: Buffer.alloc(32),
    } as never)
    .execute();
  return { close: () => db.destroy() };
}

const CHILD = fileURLToPath(
  new URL('../../test/server/workbench-durability-child.ts', import.meta.url),
);

/** Runs the child on `url`, kills it with SIGKILL after `count` acknowledgements, and returns every one it printed. */
async function killAfter(url: string, workspace: string, coder: string, count: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, workspace, coder], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const acks: string[] = [];
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line === 'ready') return;
    acks.push(line);
    if (acks.length === count) child.kill('SIGKILL');
  });
  const output = new Promise((resolve) => lines.on('close', resolve));
  const how = await new Promise((resolve) =>
    child.on('exit', (exitCode, signal) => resolve(signal ?? exitCode)),
  );
  clearTimeout(guard);
  await output;
  expect(how, stderr).toBe('SIGKILL');
  expect(acks.length).toBeGreaterThanOrEqual(count);
  return acks;
}
