import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../test/server/backends.ts';
import { migrationProvider } from '../storage/migrations.ts';
import { openWorkbenchStore } from './open.ts';
import type { Change, Coding, WorkbenchStore } from './types.ts';

// The store's part of migration 0006 on SQLite (memory, file) and PostgreSQL: batches of item,
// coding and log writes, all or none, and a workbench made at 0005 upgraded.

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
const unique = (prefix: string) => `${prefix}-drafts-${process.pid}-${++names}`;

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
  'workbench store (0006) on %s',
  (_name, backend) => {
    let store: WorkbenchStore;
    beforeAll(async () => {
      store = await openWorkbenchStore(await backend.start());
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await backend.stop();
    });

    it('applies a batch of item, coding and log writes all or none (0006)', async () => {
      const key = await withCoder(store);
      const { workspace } = key;
      const cell = { coder: key.coder, statement: 's1', party: 'p1' };
      const party = (expected: number | null, body: unknown): Change => ({
        type: 'item',
        kind: 'party',
        id: 'p1',
        expected,
        body,
      });
      const log: Change = {
        type: 'log',
        entry: {
          statement: 's1',
          party: 'p1',
          version: 1,
          role: 'editor',
          at: AT,
          reason: 'R',
          positionHalves: 2,
          kind: 'implied',
        },
      };
      const first = await store.applyChanges(
        workspace,
        [
          party(null, { name: 'P' }),
          { type: 'coding', key: cell, expected: null, coding: STATED },
          log,
        ],
        AT,
      );
      expect(first).toEqual({ ok: true, versions: [1, 1, null] });
      // The second change finds version 1, not none: nothing of the batch is written.
      const stale = await store.applyChanges(
        workspace,
        [party(1, { name: 'Q' }), { type: 'coding', key: cell, expected: null, coding: STATED }],
        AT + 1,
      );
      expect(stale).toMatchObject({ ok: false, index: 1, current: { version: 1 } });
      expect(await store.readItem(workspace, 'party', 'p1')).toEqual({
        kind: 'party',
        id: 'p1',
        body: { name: 'P' },
        version: 1,
        updatedAt: AT,
      });
      expect(await store.readItems(workspace, 'party')).toHaveLength(1);
      expect(await store.readCodings(workspace, { party: 'p1' })).toEqual([
        { ...key, ...STATED, version: 1, updatedAt: AT },
      ]);
      expect(await store.readLog(workspace)).toEqual([log.entry]);
      expect(await store.applyChanges(workspace, [party(1, null)], AT + 2)).toEqual({
        ok: true,
        versions: [null],
      });
      expect(await store.readItem(workspace, 'party', 'p1')).toBeNull();
      // A check writes nothing, and stops the batch when the item is at another version.
      const check = (expected: number | null): Change => ({
        type: 'check',
        kind: 'programme',
        id: 'p1',
        expected,
      });
      expect(await store.applyChanges(workspace, [check(2), party(null, { n: 1 })], AT)).toEqual({
        ok: false,
        index: 0,
        current: null,
      });
      expect(await store.readItem(workspace, 'party', 'p1')).toBeNull();
      expect(await store.applyChanges(workspace, [check(null), party(null, { n: 1 })], AT)).toEqual(
        {
          ok: true,
          versions: [null, 1],
        },
      );
      expect(await store.listCoders(workspace)).toEqual([{ id: key.coder, label: 'A' }]);
      expect(await store.readWorkspace(workspace)).toEqual({ title: 'T', createdAt: AT });
    });

    (backend.shared ? it : it.skip)(
      'upgrades a workbench at 0005: its codings read as explicit, without quote text, not lost',
      async () => {
        const old = await backend.another();
        await migrateTo(old, '0005-workbench');
        const before = await openWorkbenchStoreAt0005(old);
        const upgraded = await openWorkbenchStore(old);
        try {
          expect(await upgraded.readCoding(before)).toEqual({
            ...STATED,
            confidence: 'explicit',
            quoteText: null,
            quoteLost: false,
            version: 1,
            updatedAt: AT,
          });
        } finally {
          await upgraded.close();
        }
      },
    );
  },
);

function kyselyOn(url: string): Kysely<unknown> {
  return url.startsWith('sqlite:')
    ? new Kysely({
        dialect: new SqliteDialect({ database: new Database(url.slice('sqlite:'.length)) }),
      })
    : new Kysely({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
      });
}

async function migrateTo(url: string, name: string): Promise<void> {
  const db = kyselyOn(url);
  try {
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}

/** A workspace, a coder and a coding written with plain SQL in a database at 0005. */
async function openWorkbenchStoreAt0005(url: string) {
  const db = kyselyOn(url);
  const key = { workspace: 'w0005', coder: 'c0005', statement: 's1', party: 'p1' };
  try {
    await db
      .insertInto('workbench_workspaces' as never)
      .values({ id: key.workspace, title: 'T', editor_key_hash: 'e0005', created_at: AT } as never)
      .execute();
    await db
      .insertInto('workbench_keys' as never)
      .values({
        key_hash: 'k0005',
        workspace: key.workspace,
        role: 'coder',
        coder: key.coder,
        label: 'A',
        created_at: AT,
      } as never)
      .execute();
    await db
      .insertInto('workbench_codings' as never)
      .values({
        ...key,
        position_halves: STATED.positionHalves,
        kind: STATED.kind,
        quote_start: STATED.quoteStart,
        quote_end: STATED.quoteEnd,
        note: STATED.note,
        version: 1,
        updated_at: AT,
      } as never)
      .execute();
  } finally {
    await db.destroy();
  }
  return key;
}
