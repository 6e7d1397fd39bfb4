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
  type ApplyResult,
  type Change,
  type Coding,
  type CodingKey,
  codingOf,
  type CodingRow,
  itemOf,
  type ItemRow,
  type KeyRecord,
  type LogDbRow,
  logOf,
  type LogRow,
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

function columnsOf(coding: Coding) {
  return {
    position: coding.positionHalves,
    kind: coding.kind,
    quoteStart: coding.quoteStart,
    quoteEnd: coding.quoteEnd,
    note: coding.note,
    confidence: coding.confidence ?? 'explicit',
    quoteText: coding.quoteText ?? null,
    quoteLost: coding.quoteLost ? 1 : 0,
  };
}

/** Thrown inside a transaction to roll it back with this answer. */
class Mismatch extends Error {
  constructor(readonly result: ApplyResult) {
    super('version mismatch');
  }
}

const keyOf = (row: CodingKey): CodingKey => ({
  workspace: row.workspace,
  coder: row.coder,
  statement: row.statement,
  party: row.party,
});

const logColumns = (entry: LogRow) => ({
  statement: entry.statement,
  party: entry.party,
  version: entry.version,
  role: entry.role,
  at: entry.at,
  reason: entry.reason,
  position: entry.positionHalves,
  kind: entry.kind,
});

type Queries = ReturnType<typeof prepare>;

/** `applyChanges` as one better-sqlite3 transaction; a mismatch throws `Mismatch` to roll back. */
function applyTransaction(database: Database.Database, q: Queries) {
  return database.transaction(
    (workspace: string, changes: readonly Change[], at: number): ApplyResult => {
      const versions: (number | null)[] = [];
      for (const [index, change] of changes.entries()) {
        if (change.type === 'log') {
          q.insertLog.run({ ...logColumns(change.entry), workspace });
          versions.push(null);
          continue;
        }
        const current = readCurrent(q, workspace, change);
        if ((current?.version ?? null) !== change.expected) {
          // Undo what this transaction wrote so far: the caller sees nothing written.
          throw new Mismatch({ ok: false, index, current });
        }
        versions.push(writeChange(q, workspace, change, at));
      }
      return { ok: true, versions };
    },
  );
}

/** The reads of workspaces, coders, items, codings and the log. */
function readMethods(
  q: Queries,
): Pick<
  WorkbenchStore,
  'readWorkspace' | 'listCoders' | 'readItem' | 'readItems' | 'readCodings' | 'readLog'
> {
  return {
    readWorkspace: (workspace) =>
      whenNotBusy(async () => {
        const row = q.workspace.get(workspace) as
          { title: string; created_at: number | bigint } | undefined;
        return row ? { title: row.title, createdAt: Number(row.created_at) } : null;
      }),
    listCoders: (workspace) =>
      whenNotBusy(async () => q.coders.all(workspace) as { id: string; label: string }[]),
    readItem: (workspace, kind, id) =>
      whenNotBusy(async () => {
        const row = q.item.get({ workspace, kind, id }) as ItemRow | undefined;
        return row ? itemOf(row) : null;
      }),
    readItems: (workspace, kind) =>
      whenNotBusy(async () => (q.items.all({ workspace, kind }) as ItemRow[]).map(itemOf)),
    readCodings: (workspace, only = {}) =>
      whenNotBusy(async () =>
        (
          q.codings.all({
            workspace,
            coder: only.coder ?? null,
            party: only.party ?? null,
          }) as (CodingRow & CodingKey)[]
        ).map((row) => ({ ...keyOf(row), ...codingOf(row) })),
      ),
    readLog: (workspace) =>
      whenNotBusy(async () => (q.log.all(workspace) as LogDbRow[]).map(logOf)),
  };
}

function readCurrent(q: Queries, workspace: string, change: Exclude<Change, { type: 'log' }>) {
  if (change.type === 'item') {
    const row = q.item.get({ workspace, kind: change.kind, id: change.id }) as ItemRow | undefined;
    return row ? itemOf(row) : null;
  }
  const row = q.read.get({ ...change.key, workspace }) as CodingRow | undefined;
  return row ? codingOf(row) : null;
}

/** Writes one checked change; the version it wrote, null for a deletion. */
function writeChange(
  q: Queries,
  workspace: string,
  change: Exclude<Change, { type: 'log' }>,
  at: number,
): number | null {
  const version = (change.expected ?? 0) + 1;
  if (change.type === 'coding') {
    const values = { ...change.key, workspace, ...columnsOf(change.coding), version, at };
    if (change.expected === null) q.insert.run(values);
    else q.update.run({ ...values, expected: change.expected });
    return version;
  }
  const key = { workspace, kind: change.kind, id: change.id };
  if (change.body === null) {
    q.deleteItem.run(key);
    return null;
  }
  const body = JSON.stringify(change.body);
  if (change.expected === null) q.insertItem.run({ ...key, body, version, at });
  else q.updateItem.run({ ...key, body, version, at });
  return version;
}

const CODING_COLUMNS =
  'position_halves, kind, quote_start, quote_end, note, confidence, quote_text, quote_lost, version, updated_at';
const ITEM_COLUMNS = 'kind, id, body, version, updated_at';

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
    read: database.prepare(`select ${CODING_COLUMNS} from workbench_codings where ${WHERE_CODING}`),
    insert: database.prepare(
      `insert into workbench_codings (workspace, coder, statement, party, position_halves, kind, quote_start, quote_end, note,
       confidence, quote_text, quote_lost, version, updated_at)
       values (@workspace, @coder, @statement, @party, @position, @kind, @quoteStart, @quoteEnd, @note,
       @confidence, @quoteText, @quoteLost, @version, @at)`,
    ),
    update: database.prepare(
      `update workbench_codings set position_halves = @position, kind = @kind, quote_start = @quoteStart, quote_end = @quoteEnd,
       note = @note, confidence = @confidence, quote_text = @quoteText, quote_lost = @quoteLost, version = @version,
       updated_at = @at where ${WHERE_CODING} and version = @expected`,
    ),
    workspace: database.prepare('select title, created_at from workbench_workspaces where id = ?'),
    coders: database.prepare(
      "select coder as id, label from workbench_keys where workspace = ? and role = 'coder' order by created_at, coder",
    ),
    codings: database.prepare(
      `select workspace, coder, statement, party, ${CODING_COLUMNS} from workbench_codings where workspace = @workspace
       and (@coder is null or coder = @coder) and (@party is null or party = @party) order by statement, party, coder`,
    ),
    item: database.prepare(
      `select ${ITEM_COLUMNS} from workbench_items where workspace = @workspace and kind = @kind and id = @id`,
    ),
    items: database.prepare(
      `select ${ITEM_COLUMNS} from workbench_items where workspace = @workspace and kind = @kind order by id`,
    ),
    insertItem: database.prepare(
      'insert into workbench_items (workspace, kind, id, body, version, updated_at) values (@workspace, @kind, @id, @body, @version, @at)',
    ),
    updateItem: database.prepare(
      'update workbench_items set body = @body, version = @version, updated_at = @at where workspace = @workspace and kind = @kind and id = @id',
    ),
    deleteItem: database.prepare(
      'delete from workbench_items where workspace = @workspace and kind = @kind and id = @id',
    ),
    log: database.prepare(
      'select statement, party, version, role, at, reason, position_halves, kind from workbench_log where workspace = ? order by at desc, statement, party, version desc',
    ),
    insertLog: database.prepare(
      `insert into workbench_log (workspace, statement, party, version, role, at, reason, position_halves, kind)
       values (@workspace, @statement, @party, @version, @role, @at, @reason, @position, @kind)`,
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
