import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { P_STEPS, pInHundredths } from '../../domain/classroom/randomized-response.ts';
import {
  CATEGORY_COLUMN_LIST,
  CATEGORY_COLUMNS,
  CATEGORY_COUNTERS,
  type CategoryCountsTable,
  type Database,
} from './schema.ts';
import type {
  CategoryCounts,
  ClassroomStore,
  CloseRoundResult,
  CountersDelta,
  CreateRoundResult,
  NewRound,
  RandomizedCounters,
  Round,
  SubmissionListener,
  SubmissionResult,
  Unsubscribe,
} from './types.ts';

/**
 * What differs between SQLite and PostgreSQL. Everything but the submissions is the one Kysely
 * query layer below; the submissions, the hot path, are written by each backend in its own way
 * (sqlite.ts: prepared statements in one synchronous transaction; postgres.ts: one call of a
 * function in the database, i.e. one round trip per batch).
 */
export interface StoreBackend {
  readonly kind: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /** Whether rows are locked with SELECT … FOR UPDATE (PostgreSQL); SQLite's write transaction already excludes every other writer. */
  readonly rowLocks: boolean;
  /** Runs `task` in a write transaction; resolves after the commit, rolls back if `task` throws. */
  write<T>(task: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Runs `task` in a transaction that sees one consistent snapshot. */
  snapshot<T>(task: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /**
   * Writes a batch of submissions in one transaction, as `addSubmission` describes for one, and
   * resolves their results (by index) after the commit; tells the round's listeners (SQLite:
   * after the commit; PostgreSQL: NOTIFY in the transaction). `take` gives the batch; the backend
   * calls it once it holds its connection or lock. Rolls back and throws if any item counts an id
   * that is not in its round (the store then writes the items one by one).
   */
  addSubmissions(take: () => readonly SubmissionItem[]): Promise<SubmissionResult[]>;
  /**
   * After rows were deleted (a close, a delete, a purge): gives their space back so that no copy
   * of them stays in a file (SQLite: `wal_checkpoint(TRUNCATE)`, PostgreSQL: `VACUUM` of the
   * tables). Best effort: it never throws, and gives up rather than wait for a reader.
   */
  reclaim(tables: readonly (keyof Database)[]): Promise<void>;
  subscribe(code: string, listener: SubmissionListener): Unsubscribe;
  close(): Promise<void>;
}

/** One checked submission for `StoreBackend.addSubmissions`. */
export interface SubmissionItem {
  readonly code: string;
  readonly key: string;
  /** `now` in milliseconds. */
  readonly at: number;
  /** Non-zero increments only, rows sorted by id. */
  readonly rows: DeltaRows;
}

/** The longest idempotency key accepted (characters); clients send a UUID or similar. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
/** Bytes of a round's random salt, the HMAC key of its idempotency keys. */
export const KEY_SALT_BYTES = 32;

/** The ClassroomStore over one backend; see `ClassroomStore` for each method's contract. */
export class StoreImpl implements ClassroomStore {
  readonly #backend: StoreBackend;
  #closed = false;
  readonly #queue: Pending[] = [];
  #flushing: Promise<void> | undefined;
  /** Settles when every submission queued so far is written (or failed). */
  #lastSubmission: Promise<void> = Promise.resolve();

  constructor(backend: StoreBackend) {
    this.#backend = backend;
  }

  get backend(): 'sqlite' | 'postgres' {
    return this.#backend.kind;
  }

  async createRound(round: NewRound): Promise<CreateRoundResult> {
    this.#open();
    checkText(round.code, 'code');
    checkText(round.teacherKeyHash, 'teacherKeyHash');
    checkText(round.compass, 'compass');
    checkText(round.version, 'version');
    const expiresAt = millis(round.expiresAt, 'expiresAt');
    const createdAt = millis(round.createdAt ?? new Date(), 'createdAt');
    checkIds(round.statementIds, 'statementIds');
    const p = pInHundredths(round.p);
    if (!Number.isSafeInteger(round.maxSubmissions) || round.maxSubmissions < 0)
      throw new TypeError('Classroom storage: maxSubmissions must be a whole number ≥ 0.');
    const { code } = round;
    return this.#backend.write(async (trx) => {
      const inserted = await trx
        .insertInto('rounds')
        .values({
          code,
          teacher_key_hash: round.teacherKeyHash,
          compass: round.compass,
          version: round.version,
          created_at: createdAt,
          expires_at: expiresAt,
          closed_at: null,
          submissions: 0,
          p,
          max_submissions: round.maxSubmissions,
          key_salt: randomBytes(KEY_SALT_BYTES),
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows !== 1n) return 'code-taken';
      if (round.statementIds.length > 0) {
        await trx
          .insertInto('category_counts')
          .values(round.statementIds.map((statement) => ({ code, statement })))
          .execute();
      }
      return 'created';
    });
  }

  async getRound(code: string, now: Date = new Date()): Promise<Round | null> {
    this.#open();
    const at = millis(now, 'now');
    const row = await this.#backend.db
      .selectFrom('rounds')
      .select([
        'code',
        'compass',
        'version',
        'closed_at',
        'submissions',
        'p',
        'max_submissions',
        'created_at',
        'expires_at',
        'teacher_key_hash',
      ])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!row || Number(row.expires_at) <= at) return null;
    const closedAt = row.closed_at === null ? null : new Date(Number(row.closed_at));
    return {
      code: row.code,
      compass: row.compass,
      version: row.version,
      open: closedAt === null,
      submissions: Number(row.submissions),
      p: Number(row.p) / P_STEPS,
      maxSubmissions: Number(row.max_submissions),
      createdAt: new Date(Number(row.created_at)),
      expiresAt: new Date(Number(row.expires_at)),
      closedAt,
      teacherKeyHash: row.teacher_key_hash,
    };
  }

  async addSubmission(
    code: string,
    idempotencyKey: string,
    delta: CountersDelta,
    now: Date,
  ): Promise<SubmissionResult> {
    this.#open();
    const at = millis(now, 'now');
    checkText(idempotencyKey, 'idempotencyKey');
    if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw new TypeError(
        `Classroom storage: idempotencyKey is longer than ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
      );
    }
    const rows = readDelta(delta);
    const result = new Promise<SubmissionResult>((resolve, reject) => {
      this.#queue.push({ code, key: idempotencyKey, rows, at, resolve, reject });
      this.#flush();
    });
    this.#lastSubmission = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /**
   * Group commit: submissions that arrive while a batch is being written wait for it and are
   * then written together in the next one, so a burst costs one commit (one fsync) per batch
   * rather than per submission, and on PostgreSQL one round trip. Each keeps its own outcome.
   * With nothing running, a submission starts its batch at once.
   */
  #flush(): void {
    if (this.#flushing !== undefined || this.#queue.length === 0) return;
    // One turn of the event loop first (setImmediate runs after pending I/O): the requests that
    // arrived meanwhile, e.g. during SQLite's synchronous fsync of the last commit, join this batch.
    this.#flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.#runBatch())
      .finally(() => {
        this.#flushing = undefined;
        this.#flush();
      });
  }

  async #runBatch(): Promise<void> {
    // The batch is taken when the backend has its connection (or SQLite's lock), not before:
    // whatever queued while it waited goes in too.
    let batch: Pending[] = [];
    const take = () => {
      if (batch.length === 0) batch = this.#queue.splice(0, MAX_BATCH);
      return batch;
    };
    try {
      const results = await this.#backend.addSubmissions(take);
      this.#settle(batch, results);
    } catch (error) {
      take();
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One bad submission (an id not in its round) must not fail the others: each on its own.
      for (const item of batch) {
        try {
          const results = await this.#backend.addSubmissions(() => [item]);
          this.#settle([item], results);
        } catch (itemError) {
          item.reject(itemError);
        }
      }
    }
  }

  #settle(batch: Pending[], results: readonly SubmissionResult[]): void {
    batch.forEach((item, i) => item.resolve(results[i]!));
  }

  async closeRound(code: string, now: Date): Promise<CloseRoundResult> {
    this.#open();
    const at = millis(now, 'now');
    // Submissions made before the close are decided before it, as without group commit.
    await this.#lastSubmission;
    const backend = this.#backend;
    const result = await backend.write(async (trx): Promise<CloseRoundResult> => {
      let query = trx
        .selectFrom('rounds')
        .select(['expires_at', 'closed_at'])
        .where('code', '=', code);
      if (backend.rowLocks) query = query.forUpdate();
      const round = await query.executeTakeFirst();
      if (!round || Number(round.expires_at) <= at) return 'not-found';
      if (round.closed_at !== null) return 'already-closed';
      await trx.updateTable('rounds').set({ closed_at: at }).where('code', '=', code).execute();
      // No submission counts after the close, so the keys have done their work.
      await trx.deleteFrom('idempotency_keys').where('code', '=', code).execute();
      return 'closed';
    });
    if (result === 'closed') await backend.reclaim(['idempotency_keys']);
    return result;
  }

  async deleteRound(code: string): Promise<boolean> {
    this.#open();
    const deleted = await this.#backend.write(async (trx) => {
      const rows = await trx.deleteFrom('rounds').where('code', '=', code).executeTakeFirst();
      return rows.numDeletedRows > 0n;
    });
    if (deleted) await this.#backend.reclaim(EVERY_TABLE);
    return deleted;
  }

  async readCounters(code: string, now: Date = new Date()): Promise<RandomizedCounters | null> {
    this.#open();
    const at = millis(now, 'now');
    return this.#backend.snapshot(async (trx) => {
      const round = await trx
        .selectFrom('rounds')
        .select(['expires_at', 'submissions', 'p'])
        .where('code', '=', code)
        .executeTakeFirst();
      if (!round || Number(round.expires_at) <= at) return null;
      const rows = await trx
        .selectFrom('category_counts')
        .selectAll()
        .where('code', '=', code)
        .orderBy('statement')
        .execute();
      // Object.fromEntries makes own properties, so even an id "__proto__" stays a plain key.
      const statements = Object.fromEntries(
        rows.map((row) => [row.statement, categoryCounts(row)]),
      );
      return { p: Number(round.p) / P_STEPS, submissions: Number(round.submissions), statements };
    });
  }

  async purgeExpired(now: Date): Promise<number> {
    this.#open();
    const at = millis(now, 'now');
    const purged = await this.#backend.write(async (trx) => {
      const deleted = await trx
        .deleteFrom('rounds')
        .where('expires_at', '<=', at)
        .executeTakeFirst();
      return Number(deleted.numDeletedRows);
    });
    if (purged > 0) await this.#backend.reclaim(EVERY_TABLE);
    return purged;
  }

  onSubmission(code: string, listener: SubmissionListener): Unsubscribe {
    this.#open();
    return this.#backend.subscribe(code, listener);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Submissions already accepted are written (or fail) before the connections go.
    while (this.#flushing !== undefined) await this.#flushing;
    await this.#backend.close();
  }

  #open(): void {
    if (this.#closed) throw new Error('Classroom storage: the store is closed.');
  }
}

/** The most submissions written in one transaction. */
const MAX_BATCH = 256;
/** The tables a deleted round had rows in. */
const EVERY_TABLE = ['idempotency_keys', 'category_counts', 'rounds'] as const;

interface Pending extends SubmissionItem {
  resolve(result: SubmissionResult): void;
  reject(error: unknown): void;
}

function categoryCounts(row: Selectable<CategoryCountsTable>): CategoryCounts {
  return Object.fromEntries(
    CATEGORY_COUNTERS.map(([key, column]) => [key, Number(row[column])]),
  ) as unknown as CategoryCounts;
}

/**
 * What one submission adds, per statement id: the increments in the order of
 * `CATEGORY_COLUMN_LIST`; only statements that add something, sorted by id.
 */
export type DeltaRows = readonly (readonly [id: string, increments: readonly number[]])[];

/**
 * Checks a delta and turns it into per-statement increments (statements that add nothing left
 * out), sorted by id. Throws a TypeError on anything but non-negative safe integers, on an
 * unknown category, or on `submissions` other than 1.
 */
function readDelta(delta: CountersDelta): DeltaRows {
  if (typeof delta !== 'object' || delta === null) {
    throw new TypeError('Classroom storage: the delta must be an object.');
  }
  if (delta.submissions !== undefined && delta.submissions !== 1) {
    throw new TypeError(
      `Classroom storage: a delta adds exactly one submission (submissions: 1), not ${String(delta.submissions)}.`,
    );
  }
  return rows(delta.statements, CATEGORY_COLUMNS, CATEGORY_COLUMN_LIST, 'statements');
}

function rows<K extends string, C extends string>(
  record: Readonly<Record<string, Readonly<Partial<Record<K, number>>>>>,
  columns: Readonly<Record<K, C>>,
  order: readonly C[],
  what: string,
): [string, number[]][] {
  if (typeof record !== 'object' || record === null) {
    throw new TypeError(`Classroom storage: delta.${what} must be an object.`);
  }
  const result: [string, number[]][] = [];
  for (const id of Object.keys(record).sort()) {
    const entry = record[id];
    if (typeof entry !== 'object' || entry === null) {
      throw new TypeError(`Classroom storage: delta.${what}["${id}"] must be an object.`);
    }
    const increments = order.map(() => 0);
    let any = false;
    for (const [field, value] of Object.entries(entry) as [string, unknown][]) {
      const index = Object.hasOwn(columns, field) ? order.indexOf(columns[field as K]) : -1;
      if (index < 0) {
        throw new TypeError(
          `Classroom storage: delta.${what}["${id}"] has an unknown field "${field}".`,
        );
      }
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw new TypeError(
          `Classroom storage: delta.${what}["${id}"].${field} must be a non-negative integer, not ${String(value)}.`,
        );
      }
      increments[index] = value;
      if (value > 0) any = true;
    }
    if (any) result.push([id, increments]);
  }
  return result;
}

export function unknownId(id: string, code: string): Error {
  return new Error(
    `Classroom storage: round ${code} has no statement "${id}"; a delta may only count the round's own statements. Nothing was counted.`,
  );
}

function millis(date: Date, name: string): number {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`Classroom storage: ${name} must be a valid Date.`);
  }
  return date.getTime();
}

function checkText(value: string, name: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`Classroom storage: ${name} must be a non-empty string.`);
  }
}

function checkIds(ids: readonly string[], name: string): void {
  if (!Array.isArray(ids)) throw new TypeError(`Classroom storage: ${name} must be an array.`);
  const seen = new Set<string>();
  for (const id of ids) {
    checkText(id, `every one of ${name}`);
    if (seen.has(id)) throw new TypeError(`Classroom storage: ${name} lists "${id}" twice.`);
    seen.add(id);
  }
}
