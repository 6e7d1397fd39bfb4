import {
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresAdapter,
  sql,
} from 'kysely';

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
        .addColumn('minus1', 'integer', counter)
        .addColumn('minus_half', 'integer', counter)
        .addColumn('zero', 'integer', counter)
        .addColumn('plus_half', 'integer', counter)
        .addColumn('plus1', 'integer', counter)
        .addColumn('skip', 'integer', counter)
        .addColumn('important', 'integer', counter)
        .addPrimaryKeyConstraint('statement_counts_pk', ['code', 'statement'])
        .execute();

      await db.schema
        .createTable('party_counts')
        .addColumn('code', 'text', (col) =>
          col.notNull().references('rounds.code').onDelete('cascade'),
        )
        .addColumn('party', 'text', (col) => col.notNull())
        .addColumn('percent_sum', 'integer', counter)
        .addColumn('scored', 'integer', counter)
        .addColumn('first', 'integer', counter)
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
  '0002-postgres-add-submissions-function': {
    // PostgreSQL only (SQLite has no stored functions and needs none: it runs in the process).
    async up(db: Kysely<unknown>) {
      if (isPostgres(db)) await sql.raw(ADD_SUBMISSIONS_FUNCTION).execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (isPostgres(db))
        await sql.raw(`drop function if exists ${ADD_SUBMISSIONS_SIGNATURE}`).execute(db);
    },
  },
};

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The function's name and argument types, as `drop function` needs them. */
const ADD_SUBMISSIONS_SIGNATURE = `classroom_add_submissions(text, text[], text[], bigint[], integer[], text[], integer[], integer[], integer[], integer[], integer[], integer[], integer[], integer[], text[], integer[], integer[], integer[])`;

/**
 * A batch of submissions in one statement, so that PostgreSQL writes a batch in one round trip
 * (one implicit transaction, committed before the call returns) rather than one per statement;
 * postgres.ts calls it, and store.test.ts holds it to the same contract as SQLite's path.
 *
 * Arguments: the NOTIFY channel; per submission (1-based position n) its round code, idempotency
 * key and time (ms); the statement rows as parallel arrays (the submission n it belongs to, the
 * id, one array per counter column), the party rows likewise. Returns the result of each
 * submission in order: counted, duplicate, closed, expired or not-found.
 *
 * Locks the batch's rounds in code order (as every writer does), decides each submission, stores
 * the new idempotency keys (the primary key decides what is a duplicate), adds the counted
 * submissions' sums to the counters (col = col + value) and to rounds.submissions, and sends
 * one NOTIFY per round with its new count (delivered only on commit). A row id that is not in its
 * round raises SQLSTATE VK001 with {"kind","id","code"} as the detail, and nothing is written.
 */
const ADD_SUBMISSIONS_FUNCTION = `
create or replace function classroom_add_submissions(
  channel text, codes text[], keys text[], ats bigint[],
  s_item integer[], s_id text[], s_minus1 integer[], s_minus_half integer[], s_zero integer[],
  s_plus_half integer[], s_plus1 integer[], s_skip integer[], s_important integer[],
  p_item integer[], p_id text[], p_percent_sum integer[], p_scored integer[], p_first integer[]
) returns text[]
language plpgsql
as $fn$
declare
  results text[];
  missing bigint;
  bad record;
  total record;
begin
  -- Each statement below sees what was committed before it started, so after this lock it sees
  -- a close or a delete that committed while we waited.
  perform 1 from rounds where code = any(codes) order by code for update;

  with input as (
    select i.code, i.key, i.at, i.n,
      row_number() over (partition by i.code, i.key order by i.n) as occurrence
    from unnest(codes, keys, ats) with ordinality as i(code, key, at, n)
  ), decided as (
    select input.n, input.code, input.key,
      case
        when r.code is null then 'not-found'
        when r.expires_at <= input.at then 'expired'
        when input.occurrence > 1 then 'duplicate'
        when r.closed_at is not null then
          case when exists (
            select 1 from idempotency_keys k where k.code = input.code and k.key = input.key
          ) then 'duplicate' else 'closed' end
      end as result
    from input left join rounds r on r.code = input.code
  ), inserted as (
    insert into idempotency_keys (code, key)
    select code, key from decided where result is null
    on conflict do nothing
    returning code, key
  )
  select coalesce(array_agg(
    coalesce(d.result, case when ins.code is null then 'duplicate' else 'counted' end)
    order by d.n), '{}')
  into results
  from decided d
  left join inserted ins on d.result is null and ins.code = d.code and ins.key = d.key;

  with counted as (
    select r.n::integer as n, codes[r.n::integer] as code
    from unnest(results) with ordinality as r(result, n) where r.result = 'counted'
  ), sums as (
    select c.code, s.id, sum(s.minus1) as minus1, sum(s.minus_half) as minus_half,
      sum(s.zero) as zero, sum(s.plus_half) as plus_half, sum(s.plus1) as plus1,
      sum(s.skip) as skip, sum(s.important) as important
    from unnest(s_item, s_id, s_minus1, s_minus_half, s_zero, s_plus_half, s_plus1, s_skip,
      s_important) as s(item, id, minus1, minus_half, zero, plus_half, plus1, skip, important)
    join counted c on c.n = s.item
    group by c.code, s.id
  ), updated as (
    update statement_counts t set
      minus1 = t.minus1 + sums.minus1, minus_half = t.minus_half + sums.minus_half,
      zero = t.zero + sums.zero, plus_half = t.plus_half + sums.plus_half,
      plus1 = t.plus1 + sums.plus1, skip = t.skip + sums.skip,
      important = t.important + sums.important
    from sums where t.code = sums.code and t.statement = sums.id
    returning 1
  )
  select (select count(*) from sums) - (select count(*) from updated) into missing;
  if missing > 0 then
    select codes[s.item] as code, s.id into bad from unnest(s_item, s_id) as s(item, id)
    where results[s.item] = 'counted' and not exists (
      select 1 from statement_counts t where t.code = codes[s.item] and t.statement = s.id)
    order by 1, 2 limit 1;
    raise exception using errcode = 'VK001', message = 'classroom: unknown statement',
      detail = json_build_object('kind', 'statement', 'id', bad.id, 'code', bad.code)::text;
  end if;

  with counted as (
    select r.n::integer as n, codes[r.n::integer] as code
    from unnest(results) with ordinality as r(result, n) where r.result = 'counted'
  ), sums as (
    select c.code, p.id, sum(p.percent_sum) as percent_sum, sum(p.scored) as scored,
      sum(p.first) as first
    from unnest(p_item, p_id, p_percent_sum, p_scored, p_first)
      as p(item, id, percent_sum, scored, first)
    join counted c on c.n = p.item
    group by c.code, p.id
  ), updated as (
    update party_counts t set
      percent_sum = t.percent_sum + sums.percent_sum, scored = t.scored + sums.scored,
      first = t.first + sums.first
    from sums where t.code = sums.code and t.party = sums.id
    returning 1
  )
  select (select count(*) from sums) - (select count(*) from updated) into missing;
  if missing > 0 then
    select codes[p.item] as code, p.id into bad from unnest(p_item, p_id) as p(item, id)
    where results[p.item] = 'counted' and not exists (
      select 1 from party_counts t where t.code = codes[p.item] and t.party = p.id)
    order by 1, 2 limit 1;
    raise exception using errcode = 'VK001', message = 'classroom: unknown party',
      detail = json_build_object('kind', 'party', 'id', bad.id, 'code', bad.code)::text;
  end if;

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

/** A counter column: an integer that starts at 0 and is never null. */
function counter(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return col.notNull().defaultTo(0);
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
