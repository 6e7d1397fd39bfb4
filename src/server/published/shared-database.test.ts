import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { storeBackends } from '../../test/server/backends.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { migrationProvider } from '../storage/migrations.ts';
import { openStore } from '../storage/open-store.ts';
import { openPublishedStore } from './open.ts';
import type { PublishInput } from './types.ts';

// The published store in a database it shares (SQLite file, PostgreSQL): an upgrade of a
// database made by the migrations before 0007, the classroom store and this one interleaved in
// one process, and (SQLite) a publish that waits for another connection's lock while the thread
// runs on.

const demo: Compass = loadValidBank('tests/fixtures/demo');
const AT = 1_800_000_000_000;
const input = (id: string): PublishInput => ({
  id,
  workspace: 'ws',
  compass: { ...demo, id },
  programmes: {},
  at: AT,
});
const round = (code: string) => ({
  code,
  teacherKeyHash: 'h',
  compass: 'c',
  version: '1',
  expiresAt: new Date(AT + 3_600_000),
  statementIds: ['a'],
  p: 0.4,
  maxSubmissions: 1000,
});

describe.each(
  storeBackends()
    .filter((backend) => backend.shared)
    .map((backend) => [backend.name, backend] as const),
)('published store in a shared database on %s', (_name, backend) => {
  beforeAll(async () => {
    await backend.start();
  }, 60_000);
  afterAll(async () => {
    await backend.stop();
  });

  it('upgrades a database made by the migrations before it, keeping its rounds', async () => {
    const old = await backend.another();
    await migrateTo(old, '0006-workbench-drafts');
    const before = await openStore(old);
    await before.createRound(round('kept'));
    await before.close();
    const store = await openPublishedStore(old);
    try {
      expect(await store.publish(input('uppgraderad'))).toMatchObject({ published: true });
    } finally {
      await store.close();
    }
    const after = await openStore(old);
    try {
      expect(await after.getRound('kept', new Date(AT))).toMatchObject({ code: 'kept' });
    } finally {
      await after.close();
    }
  });

  it('shares one database with the classroom store in one process', async () => {
    const shared = await backend.another();
    const classroom = await openStore(shared);
    const store = await openPublishedStore(shared);
    try {
      // Starting a round holds SQLite's write lock across awaits: a publish in between waits
      // for it without blocking the thread. The two run interleaved.
      const steps = async <T>(n: number, step: (i: number) => Promise<T>) => {
        const results: T[] = [];
        for (let i = 0; i < n; i++) {
          await new Promise((resolve) => setImmediate(resolve));
          results.push(await step(i));
        }
        return results;
      };
      const [published, created] = await Promise.all([
        steps(30, (i) => store.publish(input(i % 2 ? 'udda' : 'jamn'))),
        steps(30, (i) => classroom.createRound(round(`r${i}`))),
      ]);
      expect(created.every((c) => c === 'created')).toBe(true);
      expect(published.map((p) => (p.published ? p.version.version : 0))).toEqual(
        Array.from({ length: 30 }, (_, i) => Math.floor(i / 2) + 1),
      );
    } finally {
      await store.close();
      await classroom.close();
    }
  }, 30_000);

  (backend.kind === 'sqlite' ? it : it.skip)(
    "waits for another connection's write lock without blocking the thread",
    async () => {
      const url = await backend.another();
      const store = await openPublishedStore(url);
      const other = new Database(url.slice('sqlite:'.length));
      try {
        other.exec('begin immediate');
        let settled = false;
        const publish = store.publish(input('vantar')).finally(() => (settled = true));
        // The thread is free: other callbacks keep running while the publish waits.
        let turns = 0;
        while (turns < 50) {
          await new Promise((resolve) => setImmediate(resolve));
          turns += 1;
        }
        expect(settled).toBe(false);
        other.exec('commit');
        expect(await publish).toMatchObject({ published: true, version: { version: 1 } });
      } finally {
        other.close();
        await store.close();
      }
    },
  );
});

/** Runs the migrations up to and including `name`, as a database made before this one. */
async function migrateTo(url: string, name: string): Promise<void> {
  const db = url.startsWith('sqlite:')
    ? new Kysely<unknown>({
        dialect: new SqliteDialect({ database: new Database(url.slice('sqlite:'.length)) }),
      })
    : new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
      });
  try {
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}
