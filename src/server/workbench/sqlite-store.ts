/**
 * The workbench store on SQLite: the classroom's connection settings (`openSqliteDatabase`: WAL,
 * `synchronous = FULL`, so an acknowledged write is on disk; foreign keys and `secure_delete` on)
 * and the one migration list, but every write is one synchronous better-sqlite3 transaction
 * (`BEGIN IMMEDIATE … COMMIT`) with the version check inside it.
 *
 * Why synchronous, and why busy_timeout 0: better-sqlite3 blocks the thread while it waits for
 * a lock. The classroom store keeps its write lock across awaits, so a connection of this
 * process that waited in SQLite's busy handler would stop the very thread that must finish the
 * classroom's transaction. So this connection never waits inside SQLite: a write that finds the
 * file locked (SQLITE_BUSY) is retried after a short asynchronous pause, for up to 5 s, and its
 * own transactions never span an await, so they never hold the lock while another store of the
 * process needs the thread.
 */
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../storage/migrations.ts';
import { openSqliteDatabase } from '../storage/sqlite.ts';
import { applyTransaction, Mismatch, readMethods } from './sqlite-items.ts';
import { columnsOf, prepare, whenNotBusy } from './sqlite-queries.ts';
import {
  type Coding,
  type CodingKey,
  codingOf,
  type CodingRow,
  type KeyRecord,
  type WorkbenchStore,
  type WriteResult,
} from './types.ts';

export async function openSqliteWorkbench(path: string): Promise<WorkbenchStore> {
  const database = openSqliteDatabase(path);
  database.pragma('busy_timeout = 0');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
  try {
    await whenNotBusy(() => migrateToLatest(db));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const q = prepare(database);
  const write = database.transaction(
    (key: CodingKey, coding: Coding, expected: number | null, at: number): WriteResult => {
      const row = q.read.get(key) as CodingRow | undefined;
      const current = row ? codingOf(row) : null;
      if ((current?.version ?? null) !== expected) return { written: false, current };
      const version = (expected ?? 0) + 1;
      const values = { ...key, ...columnsOf(coding), version, at };
      if (current) q.update.run({ ...values, expected });
      else q.insert.run(values);
      return { written: true, version };
    },
  );
  const apply = applyTransaction(database, q);
  const createWorkspace = database.transaction(
    (w: { id: string; title: string; editorKeyHash: string; createdAt: number }) => {
      q.insertWorkspace.run(w);
      q.insertKey.run({
        hash: w.editorKeyHash,
        workspace: w.id,
        role: 'editor',
        coder: null,
        label: null,
        at: w.createdAt,
      });
    },
  );
  return {
    createWorkspace: (w) => whenNotBusy(async () => createWorkspace.immediate(w)),
    addCoder: (c) =>
      whenNotBusy(async () => {
        q.insertCoder.run({ ...c, hash: c.keyHash, at: c.createdAt });
      }),
    // Reads in WAL mode do not wait for writers; SQLITE_BUSY is rare for them (a recovery, a
    // checkpoint of another process) but is retried the same way.
    findKey: (hash) =>
      whenNotBusy(async () => (q.findKey.get(hash) as KeyRecord | undefined) ?? null),
    hasCoder: (workspace, coder) =>
      whenNotBusy(async () => q.hasCoder.get(workspace, coder) !== undefined),
    readCoding: (key) =>
      whenNotBusy(async () => {
        const row = q.read.get(key) as CodingRow | undefined;
        return row ? codingOf(row) : null;
      }),
    writeCoding: (key, coding, expected, at) =>
      whenNotBusy(async () => write.immediate(key, coding, expected, at)),
    ...readMethods(q),
    applyChanges: (workspace, changes, at) =>
      whenNotBusy(async () => {
        try {
          return apply.immediate(workspace, changes, at);
        } catch (error) {
          if (error instanceof Mismatch) return error.result;
          throw error;
        }
      }),
    close: () => db.destroy(),
  };
}
