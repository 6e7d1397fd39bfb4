import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ListenerRegistry, subscription } from './channel.ts';
import { ADD_SUBMISSIONS_ARGUMENTS, migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';
import { CATEGORY_COLUMN_LIST } from './schema.ts';
import { type StoreBackend, StoreImpl, type SubmissionItem, unknownId } from './store.ts';
import type {
  ClassroomStore,
  StoreOptions,
  SubmissionEvent,
  SubmissionListener,
  SubmissionResult,
  Unsubscribe,
} from './types.ts';

/** The NOTIFY channel of committed submissions; the payload is `{"code":…,"submissions":n}`. */
export const SUBMISSION_CHANNEL = 'valkompass_classroom_submission';
const APPLICATION_NAME = 'valkompass-classroom';
/** Connections of one store's pool (each store instance, i.e. each process, has its own). */
const POOL_SIZE = 10;
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

/** Opens a store on a PostgreSQL database (a `postgres://` or `postgresql://` URL) and runs the migrations. */
export async function openPostgresStore(
  connectionString: string,
  onError: NonNullable<StoreOptions['onError']>,
): Promise<ClassroomStore> {
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE,
    application_name: APPLICATION_NAME,
  });
  // An idle connection that breaks (server restart) must not crash the process.
  pool.on('error', onError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const channel = new SubmissionChannel(connectionString, db, onError);
  const backend: StoreBackend = {
    kind: 'postgres',
    db,
    rowLocks: true,
    // READ COMMITTED; correctness comes from the round's row lock and the primary keys.
    write: (task) => db.transaction().execute(task),
    snapshot: (task) =>
      db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(task),
    addSubmissions: (take) => addSubmissions(pool, take),
    reclaim: (tables) => vacuum(pool, tables, onError),
    subscribe: (code, listener) => channel.subscribe(code, listener),
    close: async () => {
      await channel.close();
      await db.destroy();
    },
  };
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await backend.close();
    throw error;
  }
  return new StoreImpl(backend);
}

/**
 * A batch of submissions in one round trip: one call of the function `classroom_add_submissions`
 * (migrations.ts), a statement of its own and so its own transaction, committed (with
 * synchronous_commit as the server has it, on by default) before the result comes back. A named
 * prepared statement: each connection parses and plans the call once.
 */
async function addSubmissions(
  pool: pg.Pool,
  take: () => readonly SubmissionItem[],
): Promise<SubmissionResult[]> {
  const client = await pool.connect();
  // A connection whose query failed on the way (not an error PostgreSQL reported, after which
  // the connection is fine and the statement rolled back) is closed, not given back to the pool.
  let broken: Error | undefined;
  try {
    const batch = take();
    if (batch.length === 0) return [];
    const codes: string[] = [];
    const keys: string[] = [];
    const ats: number[] = [];
    const statements = rowArrays(CATEGORY_COLUMN_LIST.length);
    for (const [i, item] of batch.entries()) {
      codes.push(item.code);
      keys.push(item.key);
      ats.push(item.at);
      statements.add(i + 1, item.rows);
    }
    const values = [SUBMISSION_CHANNEL, codes, keys, ats, ...statements.arrays()];
    let result: pg.QueryResult<{ results: SubmissionResult[] }>;
    try {
      result = await client.query({
        name: ADD_SUBMISSIONS_NAME,
        text: ADD_SUBMISSIONS_CALL,
        values,
      });
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) broken = error as Error;
      throw unknownIdError(error) ?? error;
    }
    const results = result.rows[0]?.results;
    if (!Array.isArray(results) || results.length !== batch.length)
      throw new Error(
        'Classroom storage: classroom_add_submissions did not return one result per submission.',
      );
    return results;
  } finally {
    client.release(broken);
  }
}

const ADD_SUBMISSIONS_NAME = 'valkompass-add-submissions';
const ADD_SUBMISSIONS_CALL = `select classroom_add_submissions(${ADD_SUBMISSIONS_ARGUMENTS.map((_, i) => `$${i + 1}`).join(', ')}) as results`;

/** A batch's rows as parallel arrays: the submission (1-based), the id, one array per column. */
function rowArrays(columns: number) {
  const items: number[] = [];
  const ids: string[] = [];
  const values: number[][] = Array.from({ length: columns }, () => []);
  return {
    add(item: number, rows: readonly (readonly [string, readonly number[]])[]) {
      for (const [id, increments] of rows) {
        items.push(item);
        ids.push(id);
        for (let c = 0; c < columns; c++) values[c]!.push(increments[c]!);
      }
    },
    arrays: () => [items, ids, ...values],
  };
}

/** The function's "no such statement in the round" (SQLSTATE VK001) as the store's error. */
function unknownIdError(error: unknown): Error | undefined {
  const { code, detail } = (error ?? {}) as { code?: unknown; detail?: unknown };
  if (code !== 'VK001' || typeof detail !== 'string') return undefined;
  const parsed = JSON.parse(detail) as { id: string; code: string };
  return unknownId(parsed.id, parsed.code);
}

/**
 * `VACUUM` of the tables rows were deleted from, so that their space is marked free for reuse
 * (PostgreSQL does not overwrite it at once, and its WAL keeps the change until it is recycled:
 * storage/README.md). Outside any transaction, as VACUUM must be; best effort: a failure is
 * reported to `onError`, never to the request.
 */
async function vacuum(
  pool: pg.Pool,
  tables: readonly string[],
  onError: (error: unknown) => void,
): Promise<void> {
  try {
    await pool.query(`vacuum ${tables.map((table) => `"${table}"`).join(', ')}`);
  } catch (error) {
    onError(error);
  }
}

/**
 * One LISTEN connection per store, opened with the first subscription. If it is lost (server
 * restart, terminated backend), it reconnects with backoff while anyone listens, then sends each
 * subscribed round's current count, since notifications sent in the gap are gone.
 */
class SubmissionChannel {
  readonly #connectionString: string;
  readonly #db: Kysely<Database>;
  readonly #onError: (error: unknown) => void;
  readonly #listeners = new ListenerRegistry();
  #client: pg.Client | undefined;
  #connecting: Promise<void> | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #retryDelay = RECONNECT_MIN_MS;
  #closed = false;

  constructor(connectionString: string, db: Kysely<Database>, onError: (error: unknown) => void) {
    this.#connectionString = connectionString;
    this.#db = db;
    this.#onError = onError;
  }

  subscribe(code: string, listener: SubmissionListener): Unsubscribe {
    const remove = this.#listeners.add(code, listener, this.#onError);
    return subscription(remove, this.#listen());
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    clearTimeout(this.#retryTimer);
    await this.#connecting?.catch(() => undefined);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Resolves once LISTEN is in effect (at once if it already is). */
  #listen(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('Classroom storage: the store is closed.'));
    this.#connecting ??= this.#connect().catch((error: unknown) => {
      this.#connecting = undefined;
      this.#onError(error);
      this.#scheduleReconnect();
      throw error;
    });
    return this.#connecting;
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.#connectionString,
      application_name: `${APPLICATION_NAME}-listen`,
    });
    client.on('notification', (message) => {
      if (message.channel === SUBMISSION_CHANNEL) this.#dispatch(message.payload);
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SUBMISSION_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#retryDelay = RECONNECT_MIN_MS;
  }

  #dispatch(payload: string | undefined): void {
    let event: SubmissionEvent;
    try {
      const parsed = JSON.parse(payload ?? '') as Partial<SubmissionEvent>;
      if (typeof parsed.code !== 'string' || typeof parsed.submissions !== 'number') {
        throw new Error('missing code or submissions');
      }
      event = { code: parsed.code, submissions: parsed.submissions };
    } catch (error) {
      this.#onError(
        new Error(`Classroom storage: unreadable notification on ${SUBMISSION_CHANNEL}.`, {
          cause: error,
        }),
      );
      return;
    }
    this.#listeners.emit(event);
  }

  #lost(client: pg.Client, error?: Error): void {
    if (client !== this.#client || this.#closed) return;
    this.#client = undefined;
    this.#connecting = undefined;
    if (error) this.#onError(error);
    client.end().catch(() => undefined);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#retryTimer !== undefined || this.#listeners.size === 0) return;
    const delay = this.#retryDelay;
    this.#retryDelay = Math.min(delay * 2, RECONNECT_MAX_MS);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (this.#closed || this.#listeners.size === 0) return;
      // A failure is reported and rescheduled by #listen itself.
      this.#listen().then(
        () => this.#catchUp(),
        () => undefined,
      );
    }, delay);
    this.#retryTimer.unref();
  }

  /** After a reconnect: the current count of every subscribed round. */
  async #catchUp(): Promise<void> {
    const codes = this.#listeners.codes();
    if (codes.length === 0) return;
    try {
      const rows = await this.#db
        .selectFrom('rounds')
        .select(['code', 'submissions'])
        .where('code', 'in', codes)
        .execute();
      for (const row of rows) {
        this.#listeners.emit({ code: row.code, submissions: Number(row.submissions) });
      }
    } catch (error) {
      this.#onError(error);
    }
  }
}
