import {
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
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
};

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
