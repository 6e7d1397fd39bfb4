import { createHmac } from 'node:crypto';
import { mkdirSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import { ListenerRegistry, subscription } from './channel.ts';
import { AsyncLock } from './lock.ts';
import { migrateToLatest } from './migrations.ts';
import type { Database as Schema } from './schema.ts';
import { CATEGORY_COLUMN_LIST } from './schema.ts';
import { type StoreBackend, StoreImpl, type SubmissionItem, unknownId } from './store.ts';
import type { ClassroomStore, StoreOptions, SubmissionEvent, SubmissionResult } from './types.ts';

/** How long a write waits for another process's write lock on the same file before failing (ms). */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a better-sqlite3 connection configured for the store: WAL journal (readers never block the
 * writer), `synchronous = FULL` (a commit is on disk, WAL synced, before it is acknowledged, so an
 * acknowledged write survives a crash or a power cut), a busy timeout for writers in other
 * processes, foreign keys enforced (deleting a round cascades to its counters), and
 * `secure_delete` on (deleted rows are overwritten with zeros in the file, not just marked free).
 * Creates the file's folder. `:memory:` opens a private in-memory database (no WAL there).
 */
export function openSqliteDatabase(path: string): Database.Database {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (!memory && mode !== 'wal') {
      throw new Error(
        `Classroom storage: SQLite could not switch ${path} to WAL mode (journal_mode is ${String(mode)}); is the file system local?`,
      );
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Kysely's SQLite driver, but transactions start with BEGIN IMMEDIATE: a transaction takes the
 * write lock before its first read, so it never has to upgrade a read lock (which SQLite refuses
 * with SQLITE_BUSY, without waiting, when another connection wrote in between). Every transaction
 * of the store writes or needs a consistent snapshot, so nothing is lost by this.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/**
 * What the stores of this process on one file share. better-sqlite3 is synchronous: while one
 * connection holds the write lock between two awaits of a transaction, a second connection in the
 * same thread that asks for it would block the thread in the busy handler, so the first could
 * never finish. Kysely serializes the transactions of one Kysely instance; this lock does it for
 * every store on the file. The listeners are shared so that a listener hears submissions made
 * through any store in this process on the same file.
 */
interface SharedFile {
  lock: AsyncLock;
  listeners: ListenerRegistry;
  users: number;
}

const sharedFiles = new Map<string, SharedFile>();

function acquireShared(key: string | null): { shared: SharedFile; release: () => void } {
  if (key === null) {
    return {
      shared: { lock: new AsyncLock(), listeners: new ListenerRegistry(), users: 1 },
      release: () => undefined,
    };
  }
  let shared = sharedFiles.get(key);
  if (!shared) {
    shared = { lock: new AsyncLock(), listeners: new ListenerRegistry(), users: 0 };
    sharedFiles.set(key, shared);
  }
  shared.users += 1;
  const entry = shared;
  let released = false;
  return {
    shared: entry,
    release: () => {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users === 0 && sharedFiles.get(key) === entry) sharedFiles.delete(key);
    },
  };
}

/** Opens a store on a SQLite file (or `:memory:`) and runs the migrations. */
export async function openSqliteStore(
  path: string,
  onError: NonNullable<StoreOptions['onError']>,
): Promise<ClassroomStore> {
  const database = openSqliteDatabase(path);
  const { shared, release } = acquireShared(
    path === ':memory:' ? null : realpathSync(database.name),
  );
  const db = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database }) });
  const inLock = <T>(task: () => Promise<T>) => shared.lock.run(task);
  const submissions = new SqliteSubmissions(database);
  const backend: StoreBackend = {
    kind: 'sqlite',
    db,
    rowLocks: false,
    write: (task) => inLock(() => db.transaction().execute(task)),
    snapshot: (task) => inLock(() => db.transaction().execute(task)),
    addSubmissions: (take) =>
      inLock(async () => {
        const batch = take();
        if (batch.length === 0) return [];
        const { results, events } = submissions.write(batch);
        for (const event of events) shared.listeners.emit(event);
        return results;
      }),
    reclaim: () => inLock(async () => checkpoint(database)),
    subscribe: (code, listener) =>
      subscription(shared.listeners.add(code, listener, onError), Promise.resolve()),
    close: async () => {
      release();
      await db.destroy();
    },
  };
  try {
    await inLock(() => migrateToLatest(db as Kysely<unknown>));
    // What a migration deleted (0003: the five-point counters and keys in the clear) leaves the
    // main file now, not at the next automatic checkpoint.
    await backend.reclaim(['rounds']);
  } catch (error) {
    await backend.close();
    throw error;
  }
  return new StoreImpl(backend);
}

/**
 * The submissions' hot path on SQLite: one synchronous better-sqlite3 transaction per batch
 * (BEGIN IMMEDIATE … COMMIT, one fsync) over statements prepared once, not compiled and prepared
 * again for every query. It runs inside the file's lock (see `SharedFile`), and being synchronous
 * it cannot interleave with any other query on the connection.
 */
class SqliteSubmissions {
  readonly #database: Database.Database;
  #statements: ReturnType<typeof prepare> | undefined;
  readonly #transaction: Database.Transaction<(batch: readonly SubmissionItem[]) => BatchOutcome>;

  constructor(database: Database.Database) {
    this.#database = database;
    this.#transaction = database.transaction((batch) => this.#write(batch));
  }

  /** Writes the batch and commits (or rolls back and throws); the events are for after the commit. */
  write(batch: readonly SubmissionItem[]): BatchOutcome {
    return this.#transaction.immediate(batch);
  }

  #write(batch: readonly SubmissionItem[]): BatchOutcome {
    // Prepared on first use, after the migrations have made the tables.
    const q = (this.#statements ??= prepare(this.#database));
    const rounds = new Map<string, RoundRow | undefined>();
    const results: SubmissionResult[] = [];
    const counted = new Map<string, number>();
    const sums: Sums = new Map();
    for (const [i, item] of batch.entries()) {
      if (!rounds.has(item.code)) rounds.set(item.code, q.round.get(item.code) as RoundRow);
      const round = rounds.get(item.code);
      if (!round) {
        results[i] = 'not-found';
        continue;
      }
      const count = counted.get(item.code) ?? 0;
      // A key counted earlier in this batch is already stored, so it is a duplicate here too.
      const hash = keyHash(round.key_salt, item.key);
      if (round.expires_at <= item.at) results[i] = 'expired';
      else if (q.knownKey.get(item.code, hash) !== undefined) results[i] = 'duplicate';
      else if (round.closed_at !== null) results[i] = 'closed';
      else if (round.submissions + count >= round.max_submissions) results[i] = 'round-full';
      else {
        q.insertKey.run(item.code, hash);
        results[i] = 'counted';
        counted.set(item.code, count + 1);
        addInto(sums, item.code, item.rows);
      }
    }
    for (const [code, byId] of sums)
      for (const [statement, increments] of byId)
        if (q.addStatement.run(...increments, code, statement).changes !== 1)
          throw unknownId(statement, code);
    const events: SubmissionEvent[] = [];
    for (const [code, count] of counted) {
      const total = Number(q.addRound.get(count, code));
      for (let n = total - count + 1; n <= total; n++) events.push({ code, submissions: n });
    }
    return { results, events };
  }
}

/** An idempotency key as stored: HMAC-SHA256 with the round's salt (the key itself never is). */
export function keyHash(salt: Uint8Array, key: string): Buffer {
  return createHmac('sha256', salt).update(key, 'utf8').digest();
}

/**
 * Moves every committed page from the WAL into the main file and truncates the WAL to zero
 * bytes, so that deleted rows (overwritten there by `secure_delete`) leave no older copy in the
 * `-wal` file. Best effort: it does not wait for a reader (another process) that still needs the
 * WAL, and never throws; the next checkpoint catches up.
 */
function checkpoint(database: Database.Database): void {
  if (database.memory) return;
  try {
    database.pragma('busy_timeout = 0');
    database.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // SQLITE_BUSY or the like: left to the next checkpoint.
  } finally {
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  }
}

interface RoundRow {
  expires_at: number;
  closed_at: number | null;
  submissions: number;
  max_submissions: number;
  key_salt: Buffer;
}

/** A batch's sums: by round code, by statement id, the increments in column order. */
type Sums = Map<string, Map<string, number[]>>;

interface BatchOutcome {
  /** By the batch's index. */
  readonly results: SubmissionResult[];
  /** The committed counts, in order, for the in-process listeners. */
  readonly events: SubmissionEvent[];
}

function prepare(database: Database.Database) {
  const adds = CATEGORY_COLUMN_LIST.map((column) => `"${column}" = "${column}" + ?`).join(', ');
  return {
    round: database.prepare(
      'select expires_at, closed_at, submissions, max_submissions, key_salt from rounds where code = ?',
    ),
    knownKey: database
      .prepare('select 1 from idempotency_keys where code = ? and hash = ?')
      .pluck(),
    insertKey: database.prepare('insert into idempotency_keys (code, hash) values (?, ?)'),
    addStatement: database.prepare(
      `update category_counts set ${adds} where code = ? and statement = ?`,
    ),
    addRound: database
      .prepare(
        'update rounds set submissions = submissions + ? where code = ? returning submissions',
      )
      .pluck(),
  };
}

/** Adds a submission's rows into the batch's sums. */
function addInto(
  sums: Sums,
  code: string,
  rows: readonly (readonly [string, readonly number[]])[],
): void {
  let byId = sums.get(code);
  if (!byId) sums.set(code, (byId = new Map()));
  for (const [id, increments] of rows) {
    const sum = byId.get(id);
    if (!sum) byId.set(id, [...increments]);
    else for (const [i, value] of increments.entries()) sum[i]! += value;
  }
}
