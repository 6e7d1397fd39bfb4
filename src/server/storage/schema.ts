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
}

/**
 * The counters, described once: each is the key the counting logic uses (`StatementCounts`,
 * `PartyCounters`) and its column, in column order. The tables' types, the store's reads, both
 * backends' writes (the order of every `DeltaRows` vector, SQLite's update, the PostgreSQL
 * function's arguments) and the migrations follow from these lists. The database layout they
 * make is pinned by store.test.ts ("keeps the database layout"): changing a list means a new
 * migration, since databases made by the shipped ones must keep working.
 */
export const STATEMENT_COUNTERS = [
  ['-1', 'minus1'],
  ['-0.5', 'minus_half'],
  ['0', 'zero'],
  ['0.5', 'plus_half'],
  ['1', 'plus1'],
  ['skip', 'skip'],
  ['important', 'important'],
] as const;

export const PARTY_COUNTERS = [
  ['percentSum', 'percent_sum'],
  ['scored', 'scored'],
  ['first', 'first'],
] as const;

type Counters = readonly (readonly [key: string, column: string])[];
/** A list's columns, in order. */
type ColumnsOf<L extends Counters> = { readonly [I in keyof L]: L[I][1] };
/** A list's columns by key. */
type ColumnByKey<L extends Counters> = { readonly [E in L[number] as E[0]]: E[1] };

const columnsOf = <L extends Counters>(list: L) => list.map(([, column]) => column) as ColumnsOf<L>;
const columnByKey = <L extends Counters>(list: L) => Object.fromEntries(list) as ColumnByKey<L>;

/** The counter columns of `statement_counts`, in order and by the key the counting logic uses. */
export const STATEMENT_COLUMN_LIST = columnsOf(STATEMENT_COUNTERS);
export const STATEMENT_COLUMNS = columnByKey(STATEMENT_COUNTERS);
/** The counter columns of `party_counts`, in order and by the key the counting logic uses. */
export const PARTY_COLUMN_LIST = columnsOf(PARTY_COUNTERS);
export const PARTY_COLUMNS = columnByKey(PARTY_COUNTERS);

export type StatementCountsTable = { code: string; statement: string } & {
  [C in (typeof STATEMENT_COUNTERS)[number][1]]: Counter;
};

export type PartyCountsTable = { code: string; party: string } & {
  [C in (typeof PARTY_COUNTERS)[number][1]]: Counter;
};

export interface IdempotencyKeysTable {
  code: string;
  key: string;
}

export interface Database {
  rounds: RoundsTable;
  statement_counts: StatementCountsTable;
  party_counts: PartyCountsTable;
  idempotency_keys: IdempotencyKeysTable;
}
