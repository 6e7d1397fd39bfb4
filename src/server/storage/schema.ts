import type { ColumnType } from 'kysely';

/**
 * The tables as Kysely sees them. Times are milliseconds since the epoch in a 64-bit integer
 * column (`bigint`), the one time type both SQLite and PostgreSQL compare the same way; node-pg
 * returns a `bigint` column as a string, hence the select type.
 */
type Millis = ColumnType<number | string, number, number>;
type Counter = ColumnType<number, number | undefined, number>;

export interface RoundsTable {
  code: string;
  teacher_key_hash: string;
  compass: string;
  version: string;
  created_at: Millis;
  expires_at: Millis;
  closed_at: ColumnType<number | string | null, number | null | undefined, number | null>;
  submissions: Counter;
  /** The randomization probability p of the round's submissions, in hundredths (40 for 0.4). */
  p: number;
  /** The most submissions the round counts (then `round-full`). */
  max_submissions: number;
  /** 32 random bytes: the HMAC key of the round's idempotency keys (never leaves the store). */
  key_salt: Uint8Array;
}

/**
 * The counters, described once: each is the category the counting logic uses (`CategoryCounts`
 * of src/domain/classroom/randomized-counters.ts) and its column of `category_counts`, in column
 * order. The table's type, the store's reads, both backends' writes (the order of every
 * `DeltaRows` vector, SQLite's update, the PostgreSQL function's arguments) and the migration
 * follow from this list. The database layout it makes is pinned by store.test.ts ("keeps the
 * database layout"): changing the list means a new migration, since databases made by the
 * shipped ones must keep working. Columns are always quoted in SQL (`for` is a keyword).
 */
export const CATEGORY_COUNTERS = [
  ['emot', 'emot'],
  ['varken', 'varken'],
  ['for', 'for'],
  ['hoppade-over', 'hoppade_over'],
] as const;

type Counters = readonly (readonly [key: string, column: string])[];
/** A list's columns, in order. */
type ColumnsOf<L extends Counters> = { readonly [I in keyof L]: L[I][1] };
/** A list's columns by key. */
type ColumnByKey<L extends Counters> = { readonly [E in L[number] as E[0]]: E[1] };

const columnsOf = <L extends Counters>(list: L) => list.map(([, column]) => column) as ColumnsOf<L>;
const columnByKey = <L extends Counters>(list: L) => Object.fromEntries(list) as ColumnByKey<L>;

/** The counter columns of `category_counts`, in order and by the category they count. */
export const CATEGORY_COLUMN_LIST = columnsOf(CATEGORY_COUNTERS);
export const CATEGORY_COLUMNS = columnByKey(CATEGORY_COUNTERS);

export type CategoryCountsTable = { code: string; statement: string } & {
  [C in (typeof CATEGORY_COUNTERS)[number][1]]: Counter;
};

/**
 * The idempotency keys a round has counted, as HMAC-SHA256(round's `key_salt`, key): never the
 * key itself. Primary key (code, hash); on SQLite a WITHOUT ROWID table, so its rows sit in hash
 * order and nothing on disk keeps the order in which they arrived.
 */
export interface IdempotencyKeysTable {
  code: string;
  hash: Uint8Array;
}

export interface Database {
  rounds: RoundsTable;
  category_counts: CategoryCountsTable;
  idempotency_keys: IdempotencyKeysTable;
}
