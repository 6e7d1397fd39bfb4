import type { Expression, ExpressionBuilder, Kysely, Selectable, Transaction } from 'kysely';
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
    const { statements, parties } = readDelta(delta);
    const backend = this.#backend;

    const outcome = await backend.write(async (trx) => {
      // Lock the round first: every submission to a round queues here, so the checks below hold
      // until the commit (a concurrent close waits, or has already committed and is seen), and
      // the counter rows are always locked in the same order after it.
      let roundQuery = trx
        .selectFrom('rounds')
        .select(['expires_at', 'closed_at'])
        .where('code', '=', code);
      if (backend.rowLocks) roundQuery = roundQuery.forUpdate();
      const round = await roundQuery.executeTakeFirst();
      if (!round) return { result: 'not-found' as const };
      if (Number(round.expires_at) <= at) return { result: 'expired' as const };

      if (round.closed_at !== null) {
        const seen = await trx
          .selectFrom('idempotency_keys')
          .select('key')
          .where('code', '=', code)
          .where('key', '=', idempotencyKey)
          .executeTakeFirst();
        return { result: seen ? ('duplicate' as const) : ('closed' as const) };
      }

      // The primary key (code, key) decides: a second insert of the key does nothing.
      const inserted = await trx
        .insertInto('idempotency_keys')
        .values({ code, key: idempotencyKey })
        .onConflict((oc) => oc.columns(['code', 'key']).doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows !== 1n) return { result: 'duplicate' as const };

      for (const [statement, increments] of statements) {
        const updated = await trx
          .updateTable('statement_counts')
          .set((eb) => addedStatements(eb, increments))
          .where('code', '=', code)
          .where('statement', '=', statement)
          .executeTakeFirst();
        if (updated.numUpdatedRows !== 1n) throw unknownId('statement', statement, code);
      }
      for (const [party, increments] of parties) {
        const updated = await trx
          .updateTable('party_counts')
          .set((eb) => addedParties(eb, increments))
          .where('code', '=', code)
          .where('party', '=', party)
          .executeTakeFirst();
        if (updated.numUpdatedRows !== 1n) throw unknownId('party', party, code);
      }
      const { submissions } = await trx
        .updateTable('rounds')
        .set((eb) => ({ submissions: eb('submissions', '+', 1) }))
        .where('code', '=', code)
        .returning('submissions')
        .executeTakeFirstOrThrow();
      const event = { code, submissions: Number(submissions) };
      await backend.notifyInTransaction(trx, event);
      return { result: 'counted' as const, event };
    });

    if (outcome.result === 'counted') backend.committed(outcome.event);
    return outcome.result;
  }

  async closeRound(code: string, now: Date): Promise<CloseRoundResult> {
    this.#open();
    const at = millis(now, 'now');
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
    await this.#backend.close();
  }

  #open(): void {
    if (this.#closed) throw new Error('Classroom storage: the store is closed.');
  }
}

/** `{ column: column + value, … }` for Kysely's `set`: the addition happens in the database. */
function addedStatements(
  eb: ExpressionBuilder<Database, 'statement_counts'>,
  increments: Increments<StatementColumn>,
): Partial<Record<StatementColumn, Expression<number>>> {
  const set: Partial<Record<StatementColumn, Expression<number>>> = {};
  for (const [column, value] of increments) set[column] = eb(column, '+', value);
  return set;
}

/** `{ column: column + value, … }` for Kysely's `set`: the addition happens in the database. */
function addedParties(
  eb: ExpressionBuilder<Database, 'party_counts'>,
  increments: Increments<PartyColumn>,
): Partial<Record<PartyColumn, Expression<number>>> {
  const set: Partial<Record<PartyColumn, Expression<number>>> = {};
  for (const [column, value] of increments) set[column] = eb(column, '+', value);
  return set;
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
