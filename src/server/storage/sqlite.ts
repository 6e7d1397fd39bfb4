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
import { type StoreBackend, StoreImpl } from './store.ts';
import type { ClassroomStore, StoreOptions } from './types.ts';

/** How long a write waits for another process's write lock on the same file before failing (ms). */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens a better-sqlite3 connection configured for the store: WAL journal (readers never block the
 * writer), `synchronous = FULL` (a commit is on disk, WAL synced, before it is acknowledged, so an
 * acknowledged write survives a crash or a power cut), a busy timeout for writers in other
 * processes, and foreign keys enforced (deleting a round cascades to its counters). Creates the
 * file's folder. `:memory:` opens a private in-memory database (no WAL there).
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
  const backend: StoreBackend = {
    kind: 'sqlite',
    db,
    rowLocks: false,
    write: (task) => inLock(() => db.transaction().execute(task)),
    snapshot: (task) => inLock(() => db.transaction().execute(task)),
    notifyInTransaction: () => Promise.resolve(),
    committed: (event) => shared.listeners.emit(event),
    subscribe: (code, listener) =>
      subscription(shared.listeners.add(code, listener, onError), Promise.resolve()),
    close: async () => {
      release();
      await db.destroy();
    },
  };
  try {
    await inLock(() => migrateToLatest(db as Kysely<unknown>));
  } catch (error) {
    await backend.close();
    throw error;
  }
  return new StoreImpl(backend);
}
