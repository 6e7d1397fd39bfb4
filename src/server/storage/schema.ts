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

export interface StatementCountsTable {
  code: string;
  statement: string;
  minus1: Counter;
  minus_half: Counter;
  zero: Counter;
  plus_half: Counter;
  plus1: Counter;
  skip: Counter;
  important: Counter;
}

export interface PartyCountsTable {
  code: string;
  party: string;
  percent_sum: Counter;
  scored: Counter;
  first: Counter;
}

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

/** The counter columns of `statement_counts`, by the key the counting logic uses. */
export const STATEMENT_COLUMNS = {
  '-1': 'minus1',
  '-0.5': 'minus_half',
  '0': 'zero',
  '0.5': 'plus_half',
  '1': 'plus1',
  skip: 'skip',
  important: 'important',
} as const;

/** The counter columns of `party_counts`, by the key the counting logic uses. */
export const PARTY_COLUMNS = {
  percentSum: 'percent_sum',
  scored: 'scored',
  first: 'first',
} as const;
