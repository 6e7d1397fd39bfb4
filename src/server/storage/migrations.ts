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
import { PARTY_COLUMN_LIST, STATEMENT_COLUMN_LIST } from './schema.ts';

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
        .$call(counters(STATEMENT_COLUMN_LIST))
        .addPrimaryKeyConstraint('statement_counts_pk', ['code', 'statement'])
        .execute();

      await db.schema
        .createTable('party_counts')
        .addColumn('code', 'text', (col) =>
          col.notNull().references('rounds.code').onDelete('cascade'),
        )
        .addColumn('party', 'text', (col) => col.notNull())
        .$call(counters(PARTY_COLUMN_LIST))
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

/** The function's arguments (name and type), in order; postgres.ts passes its values in this order. */
export const ADD_SUBMISSIONS_ARGUMENTS: readonly (readonly [name: string, type: string])[] = [
  ['channel', 'text'],
  ['codes', 'text[]'],
  ['keys', 'text[]'],
  ['ats', 'bigint[]'],
  ...rowArguments('s', STATEMENT_COLUMN_LIST),
  ...rowArguments('p', PARTY_COLUMN_LIST),
];

/** A table's rows as arguments: the submission each belongs to, the id, one array per counter. */
function rowArguments(prefix: string, columns: readonly string[]): [string, string][] {
  return [
    [`${prefix}_item`, 'integer[]'],
    [`${prefix}_id`, 'text[]'],
    ...columns.map((column): [string, string] => [`${prefix}_${column}`, 'integer[]']),
  ];
}

/** The function's name and argument types, as `drop function` needs them. */
const ADD_SUBMISSIONS_SIGNATURE = `classroom_add_submissions(${ADD_SUBMISSIONS_ARGUMENTS.map(([, type]) => type).join(', ')})`;

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
  ${ADD_SUBMISSIONS_ARGUMENTS.map(([name, type]) => `${name} ${type}`).join(', ')}
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

${addCounters('s', 'statement_counts', 'statement', STATEMENT_COLUMN_LIST)}

${addCounters('p', 'party_counts', 'party', PARTY_COLUMN_LIST)}

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
 * The part of the function that adds the counted submissions' sums to one table's counter rows
 * (`col = col + sum`) and raises VK001 naming the first row id that is not in its round.
 */
function addCounters(
  alias: 's' | 'p',
  table: string,
  idColumn: 'statement' | 'party',
  columns: readonly string[],
): string {
  const sums = columns.map((c) => `sum(${alias}.${c}) as ${c}`).join(', ');
  const arrays = columns.map((c) => `${alias}_${c}`).join(', ');
  const updates = columns.map((c) => `${c} = t.${c} + sums.${c}`).join(', ');
  return `  with counted as (
    select r.n::integer as n, codes[r.n::integer] as code
    from unnest(results) with ordinality as r(result, n) where r.result = 'counted'
  ), sums as (
    select c.code, ${alias}.id, ${sums}
    from unnest(${alias}_item, ${alias}_id, ${arrays})
      as ${alias}(item, id, ${columns.join(', ')})
    join counted c on c.n = ${alias}.item
    group by c.code, ${alias}.id
  ), updated as (
    update ${table} t set ${updates}
    from sums where t.code = sums.code and t.${idColumn} = sums.id
    returning 1
  )
  select (select count(*) from sums) - (select count(*) from updated) into missing;
  if missing > 0 then
    select codes[${alias}.item] as code, ${alias}.id into bad
    from unnest(${alias}_item, ${alias}_id) as ${alias}(item, id)
    where results[${alias}.item] = 'counted' and not exists (
      select 1 from ${table} t where t.code = codes[${alias}.item] and t.${idColumn} = ${alias}.id)
    order by 1, 2 limit 1;
    raise exception using errcode = 'VK001', message = 'classroom: unknown ${idColumn}',
      detail = json_build_object('kind', '${idColumn}', 'id', bad.id, 'code', bad.code)::text;
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
