import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import {
  type Database,
  PARTY_COLUMNS,
  type PartyCountsTable,
  STATEMENT_COLUMNS,
  type StatementCountsTable,
} from './schema.ts';
import type {
  ClassroomStore,
  CloseRoundResult,
  CountersDelta,
  CreateRoundResult,
  NewRound,
  PartyCounters,
  Round,
  RoundCounters,
  StatementCounts,
  SubmissionEvent,
  SubmissionListener,
  SubmissionResult,
  Unsubscribe,
} from './types.ts';

/** What differs between SQLite and PostgreSQL; everything else is the one Kysely query layer below. */
export interface StoreBackend {
  readonly kind: 'sqlite' | 'postgres';
  readonly db: Kysely<Database>;
  /** Whether rows are locked with SELECT … FOR UPDATE (PostgreSQL); SQLite's write transaction already excludes every other writer. */
  readonly rowLocks: boolean;
  /** Runs `task` in a write transaction; resolves after the commit, rolls back if `task` throws. */
  write<T>(task: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Runs `task` in a transaction that sees one consistent snapshot. */
  snapshot<T>(task: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Inside a submission's transaction, before the commit (PostgreSQL: NOTIFY). */
  notifyInTransaction(trx: Transaction<Database>, event: SubmissionEvent): Promise<void>;
  /** After a submission's commit (SQLite: the in-process listeners). */
  committed(event: SubmissionEvent): void;
  subscribe(code: string, listener: SubmissionListener): Unsubscribe;
  close(): Promise<void>;
}

/** The longest idempotency key accepted (characters); clients send a UUID or similar. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

type StatementColumn = (typeof STATEMENT_COLUMNS)[keyof typeof STATEMENT_COLUMNS];
type PartyColumn = (typeof PARTY_COLUMNS)[keyof typeof PARTY_COLUMNS];
type Increments<C extends string> = [column: C, value: number][];

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
    checkIds(round.partyIds, 'partyIds');
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
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows !== 1n) return 'code-taken';
      if (round.statementIds.length > 0) {
        await trx
          .insertInto('statement_counts')
          .values(round.statementIds.map((statement) => ({ code, statement })))
          .execute();
      }
      if (round.partyIds.length > 0) {
        await trx
          .insertInto('party_counts')
          .values(round.partyIds.map((party) => ({ code, party })))
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
      .selectAll()
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
   * Group commit: submissions that arrive while a transaction is running wait for it and are
   * then written together in the next one, so a burst costs one commit (one fsync on SQLite, one
   * round trip per statement on PostgreSQL) per batch rather than per submission. Each keeps its
   * own outcome. With nothing running, a submission starts its transaction at once.
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
    // The batch is taken when the transaction has its connection, not before: whatever queued
    // while it waited (for SQLite's one connection, or a pool connection) goes in too.
    let batch: Pending[] = [];
    try {
      const outcome = await this.#backend.write((trx) => {
        if (batch.length === 0) batch = this.#queue.splice(0, MAX_BATCH);
        return this.#writeBatch(trx, batch);
      });
      this.#settle(batch, outcome);
    } catch (error) {
      if (batch.length === 0) batch = this.#queue.splice(0, MAX_BATCH);
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // One bad submission (an id not in its round) must not fail the others: each on its own.
      for (const item of batch) {
        try {
          this.#settle([item], await this.#backend.write((trx) => this.#writeBatch(trx, [item])));
        } catch (itemError) {
          item.reject(itemError);
        }
      }
    }
  }

  #settle(batch: Pending[], { results, events }: BatchOutcome): void {
    for (const event of events) this.#backend.committed(event);
    batch.forEach((item, i) => item.resolve(results[i]!));
  }

  /**
   * One transaction for a batch: lock its rounds (sorted by code, so that processes never lock
   * them in opposite orders), decide each submission, store the new idempotency keys in one
   * statement, then add the batch's sums per round with one UPDATE per table.
   */
  async #writeBatch(trx: Transaction<Database>, batch: Pending[]): Promise<BatchOutcome> {
    const backend = this.#backend;
    const codes = [...new Set(batch.map((item) => item.code))].sort();
    let roundQuery = trx
      .selectFrom('rounds')
      .select(['code', 'expires_at', 'closed_at'])
      .where('code', 'in', codes)
      .orderBy('code');
    if (backend.rowLocks) roundQuery = roundQuery.forUpdate();
    const rounds = new Map((await roundQuery.execute()).map((row) => [row.code, row]));

    const results: SubmissionResult[] = [];
    const fresh: number[] = [];
    const seen = new Set<string>();
    for (const [i, item] of batch.entries()) {
      const round = rounds.get(item.code);
      const id = `${item.code}\u0000${item.key}`;
      if (!round) results[i] = 'not-found';
      else if (Number(round.expires_at) <= item.at) results[i] = 'expired';
      else if (seen.has(id)) results[i] = 'duplicate';
      else if (round.closed_at !== null) {
        const known = await trx
          .selectFrom('idempotency_keys')
          .select('key')
          .where('code', '=', item.code)
          .where('key', '=', item.key)
          .executeTakeFirst();
        results[i] = known ? 'duplicate' : 'closed';
      } else fresh.push(i);
      seen.add(id);
    }
    if (fresh.length === 0) return { results, events: [] };

    // The primary key (code, key) decides: a key already stored is not inserted again.
    const inserted = await trx
      .insertInto('idempotency_keys')
      .values(fresh.map((i) => ({ code: batch[i]!.code, key: batch[i]!.key })))
      .onConflict((oc) => oc.columns(['code', 'key']).doNothing())
      .returning(['code', 'key'])
      .execute();
    const stored = new Set(inserted.map((row) => `${row.code}\u0000${row.key}`));
    const sums = new Map<string, RoundSums>();
    for (const i of fresh) {
      const item = batch[i]!;
      if (!stored.has(`${item.code}\u0000${item.key}`)) {
        results[i] = 'duplicate';
        continue;
      }
      results[i] = 'counted';
      let sum = sums.get(item.code);
      if (!sum)
        sums.set(item.code, (sum = { count: 0, statements: new Map(), parties: new Map() }));
      sum.count += 1;
      addInto(sum.statements, item.rows.statements);
      addInto(sum.parties, item.rows.parties);
    }

    const events: SubmissionEvent[] = [];
    for (const code of [...sums.keys()].sort()) {
      const sum = sums.get(code)!;
      await addRows(
        trx,
        'statement_counts',
        'statement',
        STATEMENT_COLUMN_LIST,
        code,
        sum.statements,
      );
      await addRows(trx, 'party_counts', 'party', PARTY_COLUMN_LIST, code, sum.parties);
      const { submissions } = await trx
        .updateTable('rounds')
        .set((eb) => ({ submissions: eb('submissions', '+', sum.count) }))
        .where('code', '=', code)
        .returning('submissions')
        .executeTakeFirstOrThrow();
      const total = Number(submissions);
      await backend.notifyInTransaction(trx, { code, submissions: total });
      for (let n = total - sum.count + 1; n <= total; n++) events.push({ code, submissions: n });
    }
    return { results, events };
  }

  async closeRound(code: string, now: Date): Promise<CloseRoundResult> {
    this.#open();
    const at = millis(now, 'now');
    // Submissions made before the close are decided before it, as without group commit.
    await this.#lastSubmission;
    const backend = this.#backend;
    return backend.write(async (trx) => {
      let query = trx
        .selectFrom('rounds')
        .select(['expires_at', 'closed_at'])
        .where('code', '=', code);
      if (backend.rowLocks) query = query.forUpdate();
      const round = await query.executeTakeFirst();
      if (!round || Number(round.expires_at) <= at) return 'not-found';
      if (round.closed_at !== null) return 'already-closed';
      await trx.updateTable('rounds').set({ closed_at: at }).where('code', '=', code).execute();
      return 'closed';
    });
  }

  async deleteRound(code: string): Promise<boolean> {
    this.#open();
    return this.#backend.write(async (trx) => {
      const deleted = await trx.deleteFrom('rounds').where('code', '=', code).executeTakeFirst();
      return deleted.numDeletedRows > 0n;
    });
  }

  async readCounters(code: string, now: Date = new Date()): Promise<RoundCounters | null> {
    this.#open();
    const at = millis(now, 'now');
    return this.#backend.snapshot(async (trx) => {
      const round = await trx
        .selectFrom('rounds')
        .select(['expires_at', 'submissions'])
        .where('code', '=', code)
        .executeTakeFirst();
      if (!round || Number(round.expires_at) <= at) return null;
      const statementRows = await trx
        .selectFrom('statement_counts')
        .selectAll()
        .where('code', '=', code)
        .orderBy('statement')
        .execute();
      const partyRows = await trx
        .selectFrom('party_counts')
        .selectAll()
        .where('code', '=', code)
        .orderBy('party')
        .execute();
      // Object.fromEntries makes own properties, so even an id "__proto__" stays a plain key.
      const statements = Object.fromEntries(
        statementRows.map((row) => [row.statement, statementCounts(row)]),
      );
      const parties = Object.fromEntries(partyRows.map((row) => [row.party, partyCounters(row)]));
      return { submissions: Number(round.submissions), statements, parties };
    });
  }

  async purgeExpired(now: Date): Promise<number> {
    this.#open();
    const at = millis(now, 'now');
    return this.#backend.write(async (trx) => {
      const deleted = await trx
        .deleteFrom('rounds')
        .where('expires_at', '<=', at)
        .executeTakeFirst();
      return Number(deleted.numDeletedRows);
    });
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

type DeltaRows = ReturnType<typeof readDelta>;

interface Pending {
  readonly code: string;
  readonly key: string;
  readonly rows: DeltaRows;
  readonly at: number;
  resolve(result: SubmissionResult): void;
  reject(error: unknown): void;
}

interface BatchOutcome {
  /** By the batch's index. */
  readonly results: SubmissionResult[];
  /** The committed counts, in order, for the in-process listeners. */
  readonly events: SubmissionEvent[];
}

/** What a batch adds to one round: per row id, per column. */
interface RoundSums {
  count: number;
  statements: Map<string, Map<string, number>>;
  parties: Map<string, Map<string, number>>;
}

const STATEMENT_COLUMN_LIST: readonly string[] = Object.values(STATEMENT_COLUMNS);
const PARTY_COLUMN_LIST: readonly string[] = Object.values(PARTY_COLUMNS);

function addInto(
  into: Map<string, Map<string, number>>,
  rows: readonly [string, Increments<string>][],
): void {
  for (const [id, increments] of rows) {
    let columns = into.get(id);
    if (!columns) into.set(id, (columns = new Map()));
    for (const [column, value] of increments)
      columns.set(column, (columns.get(column) ?? 0) + value);
  }
}

/**
 * `column = column + value` for many rows of one round in one statement, the addition done in the
 * database: `UPDATE t SET c = c + d.columnN … FROM (VALUES (id, v1, v2, …), …) AS d WHERE …`.
 * Both SQLite (3.33+) and PostgreSQL name a VALUES list's columns column1, column2, …; the casts
 * give PostgreSQL the parameters' types. Throws when an id is not a row of the round.
 */
async function addRows(
  trx: Transaction<Database>,
  table: 'statement_counts' | 'party_counts',
  idColumn: 'statement' | 'party',
  columns: readonly string[],
  code: string,
  rows: Map<string, Map<string, number>>,
): Promise<void> {
  if (rows.size === 0) return;
  const values = [...rows].map(
    ([id, increments]) =>
      sql`(cast(${id} as text), ${sql.join(columns.map((c) => sql`cast(${increments.get(c) ?? 0} as integer)`))})`,
  );
  const sets = columns.map(
    (c, i) => sql`${sql.ref(c)} = ${sql.ref(c)} + d.${sql.raw(`column${i + 2}`)}`,
  );
  const result =
    await sql`update ${sql.table(table)} set ${sql.join(sets)} from (values ${sql.join(values)}) as d where ${sql.ref(`${table}.code`)} = ${code} and ${sql.ref(`${table}.${idColumn}`)} = d.column1`.execute(
      trx,
    );
  if (Number(result.numAffectedRows ?? 0n) !== rows.size) {
    const known = await trx
      .selectFrom(table)
      .select(idColumn === 'statement' ? 'statement as id' : 'party as id')
      .where('code', '=', code)
      .execute();
    const ids = new Set(known.map((row) => row.id));
    const missing = [...rows.keys()].find((id) => !ids.has(id)) ?? '?';
    throw unknownId(idColumn, missing, code);
  }
}

function statementCounts(row: Selectable<StatementCountsTable>): StatementCounts {
  return {
    '-1': Number(row.minus1),
    '-0.5': Number(row.minus_half),
    '0': Number(row.zero),
    '0.5': Number(row.plus_half),
    '1': Number(row.plus1),
    skip: Number(row.skip),
    important: Number(row.important),
  };
}

function partyCounters(row: Selectable<PartyCountsTable>): PartyCounters {
  return {
    percentSum: Number(row.percent_sum),
    scored: Number(row.scored),
    first: Number(row.first),
  };
}

/**
 * Checks a delta and turns it into per-row increments (non-zero values only), rows sorted by id.
 * Throws a TypeError on anything but non-negative safe integers, on an unknown field, or on
 * `submissions` other than 1.
 */
function readDelta(delta: CountersDelta): {
  statements: [string, Increments<StatementColumn>][];
  parties: [string, Increments<PartyColumn>][];
} {
  if (typeof delta !== 'object' || delta === null) {
    throw new TypeError('Classroom storage: the delta must be an object.');
  }
  if (delta.submissions !== undefined && delta.submissions !== 1) {
    throw new TypeError(
      `Classroom storage: a delta adds exactly one submission (submissions: 1), not ${String(delta.submissions)}.`,
    );
  }
  return {
    statements: rows(delta.statements, STATEMENT_COLUMNS, 'statements'),
    parties: rows(delta.parties, PARTY_COLUMNS, 'parties'),
  };
}

function rows<K extends string, C extends string>(
  record: Readonly<Record<string, Readonly<Partial<Record<K, number>>>>>,
  columns: Readonly<Record<K, C>>,
  what: string,
): [string, Increments<C>][] {
  if (typeof record !== 'object' || record === null) {
    throw new TypeError(`Classroom storage: delta.${what} must be an object.`);
  }
  const result: [string, Increments<C>][] = [];
  for (const id of Object.keys(record).sort()) {
    const entry = record[id];
    if (typeof entry !== 'object' || entry === null) {
      throw new TypeError(`Classroom storage: delta.${what}["${id}"] must be an object.`);
    }
    const increments: Increments<C> = [];
    for (const [field, value] of Object.entries(entry) as [string, unknown][]) {
      if (!Object.hasOwn(columns, field)) {
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
      if (value > 0) increments.push([columns[field as K], value]);
    }
    if (increments.length > 0) result.push([id, increments]);
  }
  return result;
}

function unknownId(kind: 'statement' | 'party', id: string, code: string): Error {
  return new Error(
    `Classroom storage: round ${code} has no ${kind} "${id}"; a delta may only count the round's own ${kind === 'statement' ? 'statements' : 'parties'}. Nothing was counted.`,
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
