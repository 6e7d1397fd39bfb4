import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresAdapter,
  sql,
} from 'kysely';
import { publishedMigration } from '../published/migration.ts';
import { workbenchMigration } from '../workbench/migration.ts';
import { workbenchDraftsMigration } from '../workbench/migration-drafts.ts';
import { CATEGORY_COLUMN_LIST } from './schema.ts';

/**
 * The one set of migrations, for SQLite and PostgreSQL alike, kept in code (no files on disk to
 * ship or find). Names sort in the order they run; never edit or rename a migration that has
 * shipped: add a new one.
 *
 * The schema holds counters only: no row per pupil, no answer vector, no IP address. Deleting a
 * round deletes its counters and idempotency keys (ON DELETE CASCADE; SQLite enforces it because
 * the store turns `foreign_keys` on for every connection).
 */
export const migrations: Record<string, Migration> = {
  // The five-point layout (superseded by 0003, which drops all of it). Its column lists are
  // written out here since schema.ts now describes the randomized counters.
  '0001-classroom-counters': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rounds')
        .addColumn('code', 'text', (col) => col.primaryKey())
        .addColumn('teacher_key_hash', 'text', (col) => col.notNull())
        .addColumn('compass', 'text', (col) => col.notNull())
        .addColumn('version', 'text', (col) => col.notNull())
        .addColumn('created_at', 'bigint', (col) => col.notNull())
        .addColumn('expires_at', 'bigint', (col) => col.notNull())
        .addColumn('closed_at', 'bigint')
        .addColumn('submissions', 'integer', (col) => col.notNull().defaultTo(0))
        .addCheckConstraint('rounds_submissions_non_negative', sql`submissions >= 0`)
        .execute();
      await db.schema.createIndex('rounds_expires_at').on('rounds').column('expires_at').execute();

      await db.schema
        .createTable('statement_counts')
        .addColumn('code', 'text', (col) =>
          col.notNull().references('rounds.code').onDelete('cascade'),
        )
        .addColumn('statement', 'text', (col) => col.notNull())
        .$call(counters(FIVE_POINT_STATEMENT_COLUMNS))
        .addPrimaryKeyConstraint('statement_counts_pk', ['code', 'statement'])
        .execute();

      await db.schema
        .createTable('party_counts')
        .addColumn('code', 'text', (col) =>
          col.notNull().references('rounds.code').onDelete('cascade'),
        )
        .addColumn('party', 'text', (col) => col.notNull())
        .$call(counters(FIVE_POINT_PARTY_COLUMNS))
        .addPrimaryKeyConstraint('party_counts_pk', ['code', 'party'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('code', 'text', (col) =>
          col.notNull().references('rounds.code').onDelete('cascade'),
        )
        .addColumn('key', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['code', 'key'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('idempotency_keys').execute();
      await db.schema.dropTable('party_counts').execute();
      await db.schema.dropTable('statement_counts').execute();
      await db.schema.dropTable('rounds').execute();
    },
  },
  // Created the five-point `classroom_add_submissions` on PostgreSQL. 0003 drops that function,
  // so a database migrated from scratch no longer creates it here: the end state after 0003 is
  // the same either way, and databases that ran the original keep their migration record.
  '0002-postgres-add-submissions-function': {
    async up() {},
    async down() {},
  },
  /**
   * Randomized response (src/domain/classroom/randomized-*.ts). The five-point counters are
   * pupils' true answers, so they must not stay on disk: `statement_counts` and `party_counts`
   * are dropped with every row in them, and so is every round made before this migration, open
   * or closed, with its idempotency keys (kept in the clear until now). A round running during
   * the upgrade is gone afterwards (404 `not-found`): its answers were counted as five points,
   * which can no longer be reported. Rounds live a day at most, so a quiet hour is a good time.
   *
   * The new layout: `rounds` gains `p` (the round's randomization probability in hundredths),
   * `max_submissions` (the cap, `round-full`) and `key_salt` (32 random bytes); one row per
   * statement of `category_counts`, counting the categories sent (CATEGORY_COUNTERS, schema.ts);
   * `idempotency_keys` holds HMAC-SHA256(key_salt, key), never a key, with the primary key
   * (code, hash) and on SQLite WITHOUT ROWID, so that its rows are stored in hash order, not in
   * the order pupils sent them. On PostgreSQL the new `classroom_add_submissions` and
   * `classroom_key_pads` (below) replace the five-point function.
   */
  '0003-classroom-randomized-response': {
    async up(db: Kysely<unknown>) {
      const postgres = isPostgres(db);
      if (postgres)
        await sql.raw(`drop function if exists ${FIVE_POINT_FUNCTION_SIGNATURE}`).execute(db);
      for (const table of ['idempotency_keys', 'party_counts', 'statement_counts', 'rounds'])
        await db.schema.dropTable(table).execute();
      await createRandomizedTables(db, postgres);
      if (postgres) {
        await sql.raw(KEY_PADS_FUNCTION).execute(db);
        await sql.raw(ADD_SUBMISSIONS_FUNCTION).execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      if (isPostgres(db)) {
        await sql.raw(`drop function if exists ${ADD_SUBMISSIONS_SIGNATURE}`).execute(db);
        await sql.raw('drop function if exists classroom_key_pads(bytea)').execute(db);
      }
      for (const table of ['idempotency_keys', 'category_counts', 'rounds'])
        await db.schema.dropTable(table).execute();
      await migrations['0001-classroom-counters']!.up(db);
    },
  },
  /**
   * PostgreSQL only: counting updates the same few rows over and over (a round's `rounds` row and
   * its `category_counts` rows). With half of each page left free, an update can put the new
   * row version on the same page without touching the primary-key index (a HOT update), which
   * made a burst of submissions over 100 rounds about 30 % faster. Applies to pages written from
   * now on; SQLite updates in place and needs nothing.
   */
  '0004-postgres-counter-fillfactor': {
    async up(db: Kysely<unknown>) {
      if (isPostgres(db))
        for (const table of ['rounds', 'category_counts'])
          await sql
            .raw(`alter table ${table} set (fillfactor = ${COUNTER_FILLFACTOR})`)
            .execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (isPostgres(db))
        for (const table of ['rounds', 'category_counts'])
          await sql.raw(`alter table ${table} reset (fillfactor)`).execute(db);
    },
  },
  // The workbench (Redaktionen): workspaces, their keys and coders' codings (src/server/workbench/migration.ts).
  '0005-workbench': workbenchMigration,
  '0006-workbench-drafts': workbenchDraftsMigration,
  '0007-published-compasses': publishedMigration,
};

/** Percent of a page PostgreSQL fills with new rows of the counter tables (0004). */
const COUNTER_FILLFACTOR = 50;

/** The five-point counters of 0001: `statement_counts` and `party_counts`, in column order. */
const FIVE_POINT_STATEMENT_COLUMNS = [
  'minus1',
  'minus_half',
  'zero',
  'plus_half',
  'plus1',
  'skip',
  'important',
];
const FIVE_POINT_PARTY_COLUMNS = ['percent_sum', 'scored', 'first'];
/** The argument types of the five-point function of the original 0002, as `drop function` needs them. */
const FIVE_POINT_FUNCTION_SIGNATURE = `classroom_add_submissions(text, text[], text[], bigint[], integer[], text[], ${FIVE_POINT_STATEMENT_COLUMNS.map(() => 'integer[]').join(', ')}, integer[], text[], ${FIVE_POINT_PARTY_COLUMNS.map(() => 'integer[]').join(', ')})`;

/** The tables of 0003. */
async function createRandomizedTables(db: Kysely<unknown>, postgres: boolean): Promise<void> {
  await db.schema
    .createTable('rounds')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('teacher_key_hash', 'text', (col) => col.notNull())
    .addColumn('compass', 'text', (col) => col.notNull())
    .addColumn('version', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .addColumn('closed_at', 'bigint')
    .addColumn('submissions', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('p', 'integer', (col) => col.notNull())
    .addColumn('max_submissions', 'integer', (col) => col.notNull())
    .addColumn('key_salt', postgres ? 'bytea' : 'blob', (col) => col.notNull())
    .addCheckConstraint(
      'rounds_submissions_in_range',
      sql`submissions >= 0 and submissions <= max_submissions`,
    )
    .addCheckConstraint('rounds_p_in_hundredths', sql`p >= 0 and p < 100`)
    .execute();
  await db.schema.createIndex('rounds_expires_at').on('rounds').column('expires_at').execute();

  await db.schema
    .createTable('category_counts')
    .addColumn('code', 'text', (col) => col.notNull().references('rounds.code').onDelete('cascade'))
    .addColumn('statement', 'text', (col) => col.notNull())
    .$call(counters(CATEGORY_COLUMN_LIST))
    .addPrimaryKeyConstraint('category_counts_pk', ['code', 'statement'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('code', 'text', (col) => col.notNull().references('rounds.code').onDelete('cascade'))
    .addColumn('hash', postgres ? 'bytea' : 'blob', (col) => col.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['code', 'hash'])
    .$call((table) => (postgres ? table : table.modifyEnd(sql`without rowid`)))
    .execute();
}

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The function's arguments (name and type), in order; postgres.ts passes its values in this order. */
export const ADD_SUBMISSIONS_ARGUMENTS: readonly (readonly [name: string, type: string])[] = [
  ['channel', 'text'],
  ['codes', 'text[]'],
  ['keys', 'text[]'],
  ['ats', 'bigint[]'],
  ['s_item', 'integer[]'],
  ['s_id', 'text[]'],
  ...CATEGORY_COLUMN_LIST.map((column): [string, string] => [`s_${column}`, 'integer[]']),
];

/** The function's name and argument types, as `drop function` needs them. */
const ADD_SUBMISSIONS_SIGNATURE = `classroom_add_submissions(${ADD_SUBMISSIONS_ARGUMENTS.map(([, type]) => type).join(', ')})`;

/**
 * HMAC-SHA256's two padded keys for a salt (RFC 2104: the key, hashed if over 64 bytes, padded
 * with zeros to 64, XOR 0x36 and XOR 0x5c), so that HMAC(salt, m) =
 * sha256(outer_pad || sha256(inner_pad || m)) with PostgreSQL's built-in sha256 (no pgcrypto).
 * Node's `createHmac('sha256', salt)` gives the same bytes (store.test.ts checks it).
 */
const KEY_PADS_FUNCTION = `
create or replace function classroom_key_pads(salt bytea, out inner_pad bytea, out outer_pad bytea)
language plpgsql immutable strict
as $fn$
declare
  k bytea := salt;
begin
  if length(k) > 64 then k := sha256(k); end if;
  k := k || decode(repeat('00', 64 - length(k)), 'hex');
  inner_pad := decode(repeat('36', 64), 'hex');
  outer_pad := decode(repeat('5c', 64), 'hex');
  for i in 0..63 loop
    inner_pad := set_byte(inner_pad, i, get_byte(k, i) # 54);
    outer_pad := set_byte(outer_pad, i, get_byte(k, i) # 92);
  end loop;
end;
$fn$`;

/** A quoted column (`for` is a keyword). */
const q = (column: string) => `"${column}"`;

/**
 * A batch of submissions in one statement, so that PostgreSQL writes a batch in one round trip
 * (one implicit transaction, committed before the call returns) rather than one per statement;
 * postgres.ts calls it, and store.test.ts holds it to the same contract as SQLite's path.
 *
 * Arguments: the NOTIFY channel; per submission (1-based position n) its round code, idempotency
 * key and time (ms); the statement rows as parallel arrays (the submission n it belongs to, the
 * statement id, one array per category column). Returns the result of each submission in order:
 * counted, duplicate, closed, round-full, expired or not-found.
 *
 * Locks the batch's rounds in code order (as every writer does), hashes each key with its round's
 * salt (HMAC-SHA256), decides each submission in order (a key seen earlier in the batch gets
 * `duplicate` if that one counted, else the same result; a round counts at most max_submissions),
 * stores the counted keys' hashes, adds the counted submissions' sums to the counters
 * (col = col + value) and to rounds.submissions, and sends one NOTIFY per round with its new
 * count (delivered only on commit). A statement id that is not in its round raises SQLSTATE
 * VK001 with {"kind","id","code"} as the detail, and nothing is written.
 */
const ADD_SUBMISSIONS_FUNCTION = `
create or replace function classroom_add_submissions(
  ${ADD_SUBMISSIONS_ARGUMENTS.map(([name, type]) => `${name} ${type}`).join(', ')}
) returns text[]
language plpgsql
as $fn$
declare
  results text[];
  hashes bytea[];
  missing bigint;
  bad record;
  total record;
begin
  -- Each statement below sees what was committed before it started, so after this lock it sees
  -- a close or a delete that committed while we waited, and every key stored for these rounds.
  perform 1 from rounds where code = any(codes) order by code for update;

  with input as (
    select i.code, i.key, i.at, i.n, min(i.n) over (partition by i.code, i.key) as first_n
    from unnest(codes, keys, ats) with ordinality as i(code, key, at, n)
  ), pads as (
    select r.code, kp.inner_pad, kp.outer_pad
    from rounds r cross join lateral classroom_key_pads(r.key_salt) kp
    where r.code = any(codes)
  ), firsts as (
    select input.n, input.code, input.at,
      sha256(pads.outer_pad || sha256(pads.inner_pad || convert_to(input.key, 'UTF8'))) as hash
    from input left join pads on pads.code = input.code
    where input.n = input.first_n
  ), checked as (
    select f.n, f.code, f.hash, r.submissions, r.max_submissions,
      case
        when r.code is null then 'not-found'
        when r.expires_at <= f.at then 'expired'
        when exists (
          select 1 from idempotency_keys k where k.code = f.code and k.hash = f.hash
        ) then 'duplicate'
        when r.closed_at is not null then 'closed'
      end as result
    from firsts f left join rounds r on r.code = f.code
  ), decided as (
    select c.n, c.hash, coalesce(c.result,
      case when c.submissions + row_number() over (partition by c.code, c.result is null order by c.n)
        > c.max_submissions then 'round-full' else 'counted' end) as result
    from checked c
  )
  select
    coalesce(array_agg(
      case when i.n = i.first_n or d.result <> 'counted' then d.result else 'duplicate' end
      order by i.n), '{}'),
    coalesce(array_agg(d.hash order by i.n), '{}')
  into results, hashes
  from input i join decided d on d.n = i.first_n;

  insert into idempotency_keys (code, hash)
  select codes[r.n::integer], hashes[r.n::integer]
  from unnest(results) with ordinality as r(result, n) where r.result = 'counted';

${addCounters()}

  for total in
    with counts as (
      select codes[r.n::integer] as code, count(*)::integer as n
      from unnest(results) with ordinality as r(result, n) where r.result = 'counted'
      group by 1
    )
    update rounds set submissions = rounds.submissions + counts.n
    from counts where rounds.code = counts.code
    returning rounds.code, rounds.submissions
  loop
    perform pg_notify(channel,
      json_build_object('code', total.code, 'submissions', total.submissions)::text);
  end loop;
  return results;
end;
$fn$`;

/**
 * The part of the function that adds the counted submissions' sums to the category rows
 * (`col = col + sum`) and raises VK001 naming the first statement id that is not in its round.
 */
function addCounters(): string {
  const columns = CATEGORY_COLUMN_LIST.map(q);
  const sums = columns.map((c) => `sum(s.${c}) as ${c}`).join(', ');
  const arrays = CATEGORY_COLUMN_LIST.map((c) => `s_${c}`).join(', ');
  const updates = columns.map((c) => `${c} = t.${c} + sums.${c}`).join(', ');
  return `  with counted as (
    select r.n::integer as n, codes[r.n::integer] as code
    from unnest(results) with ordinality as r(result, n) where r.result = 'counted'
  ), sums as (
    select c.code, s.id, ${sums}
    from unnest(s_item, s_id, ${arrays}) as s(item, id, ${columns.join(', ')})
    join counted c on c.n = s.item
    group by c.code, s.id
  ), updated as (
    update category_counts t set ${updates}
    from sums where t.code = sums.code and t.statement = sums.id
    returning 1
  )
  select (select count(*) from sums) - (select count(*) from updated) into missing;
  if missing > 0 then
    select codes[s.item] as code, s.id into bad
    from unnest(s_item, s_id) as s(item, id)
    where results[s.item] = 'counted' and not exists (
      select 1 from category_counts t where t.code = codes[s.item] and t.statement = s.id)
    order by 1, 2 limit 1;
    raise exception using errcode = 'VK001', message = 'classroom: unknown statement',
      detail = json_build_object('kind', 'statement', 'id', bad.id, 'code', bad.code)::text;
  end if;`;
}

/** A counter column: an integer that starts at 0 and is never null. */
function counter(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return col.notNull().defaultTo(0);
}

/** Adds the counter columns, in order, to a table being created. */
function counters(columns: readonly string[]) {
  return <T extends CreateTableBuilder<string, never>>(table: T): T =>
    columns.reduce((builder, column) => builder.addColumn(column, 'integer', counter) as T, table);
}

/** Kysely's migration provider over the in-code list above. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/** Runs every pending migration; throws with the failing migration's name and cause. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(
      `Classroom storage: migration ${failed ? `"${failed.migrationName}" ` : ''}failed: ${String(
        error instanceof Error ? error.message : error,
      )}`,
      { cause: error },
    );
  }
}
