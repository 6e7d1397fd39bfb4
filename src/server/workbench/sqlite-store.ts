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
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../storage/migrations.ts';
import { openSqliteDatabase, SQLITE_BUSY_TIMEOUT_MS } from '../storage/sqlite.ts';
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
        q.insertKey.run({ ...c, hash: c.keyHash, role: 'coder', at: c.createdAt });
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
    close: () => db.destroy(),
  };
}

function columnsOf(coding: Coding) {
  return {
    position: coding.positionHalves,
    kind: coding.kind,
    quoteStart: coding.quoteStart,
    quoteEnd: coding.quoteEnd,
    note: coding.note,
  };
}

const WHERE_CODING =
  'workspace = @workspace and coder = @coder and statement = @statement and party = @party';

function prepare(database: Database.Database) {
  return {
    insertWorkspace: database.prepare(
      'insert into workbench_workspaces (id, title, editor_key_hash, created_at) values (@id, @title, @editorKeyHash, @createdAt)',
    ),
    insertKey: database.prepare(
      'insert into workbench_keys (key_hash, workspace, role, coder, label, created_at) values (@hash, @workspace, @role, @coder, @label, @at)',
    ),
    findKey: database.prepare(
      'select workspace, role, coder, label from workbench_keys where key_hash = ?',
    ),
    hasCoder: database
      .prepare("select 1 from workbench_keys where workspace = ? and coder = ? and role = 'coder'")
      .pluck(),
    read: database.prepare(
      `select position_halves, kind, quote_start, quote_end, note, version, updated_at from workbench_codings where ${WHERE_CODING}`,
    ),
    insert: database.prepare(
      `insert into workbench_codings (workspace, coder, statement, party, position_halves, kind, quote_start, quote_end, note, version, updated_at)
       values (@workspace, @coder, @statement, @party, @position, @kind, @quoteStart, @quoteEnd, @note, @version, @at)`,
    ),
    update: database.prepare(
      `update workbench_codings set position_halves = @position, kind = @kind, quote_start = @quoteStart, quote_end = @quoteEnd,
       note = @note, version = @version, updated_at = @at where ${WHERE_CODING} and version = @expected`,
    ),
  };
}

/** Runs `task`, again after a short pause while SQLite answers SQLITE_BUSY, for up to the busy timeout. */
async function whenNotBusy<T>(task: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      return await task();
    } catch (error) {
      if (!isBusy(error) || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

function isBusy(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause)
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY') return true;
  return false;
}
