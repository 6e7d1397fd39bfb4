/**
 * The published compasses' tables, migration `0007-published-compasses`, appended to the one list
 * in storage/migrations.ts (SQLite and PostgreSQL alike). Times are milliseconds in a 64-bit
 * integer column, as in the classroom's and the workbench's tables.
 *
 * - `published_compasses`: who owns a compass id (the workspace that first published it) and its
 *   latest version number. No foreign key to the workbench: a published compass stays public
 *   whatever happens to the workspace.
 * - `published_versions`: one immutable row per publish: the open data and the programme texts
 *   exactly as served (text, not JSON columns, so the bytes never change), and the fields the
 *   list shows and searches. `search` and `sort_key` are derived from them when the row is
 *   written (store.ts). A trigger refuses every UPDATE, so no path around the store can change a
 *   published version.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** The message (and PostgreSQL's SQLSTATE) of an attempt to change a published version. */
export const IMMUTABLE_MESSAGE = 'published versions are immutable';
export const IMMUTABLE_SQLSTATE = 'VK002';

export const publishedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('published_compasses')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('workspace', 'text', (col) => col.notNull())
      .addColumn('latest', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addCheckConstraint('published_compasses_latest', sql`latest >= 0`)
      .execute();
    await db.schema
      .createIndex('published_compasses_workspace')
      .on('published_compasses')
      .column('workspace')
      .execute();

    await db.schema
      .createTable('published_versions')
      .addColumn('id', 'text', (col) => col.notNull().references('published_compasses.id'))
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('published_at', 'bigint', (col) => col.notNull())
      .addColumn('open_data', 'text', (col) => col.notNull())
      .addColumn('programmes', 'text', (col) => col.notNull())
      // JSON text: { sv, en?, ar? }
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('description', 'text', (col) => col.notNull())
      .addColumn('municipality', 'text', (col) => col.notNull())
      .addColumn('region', 'text')
      .addColumn('election_date', 'text')
      // JSON text: ["sv", "en", …]
      .addColumn('languages', 'text', (col) => col.notNull())
      .addColumn('search', 'text', (col) => col.notNull())
      .addColumn('sort_key', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('published_versions_pk', ['id', 'version'])
      .addCheckConstraint('published_versions_version', sql`version >= 1`)
      .execute();

    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql
        .raw(
          `create function published_versions_immutable() returns trigger language plpgsql as $fn$
begin
  raise exception using errcode = '${IMMUTABLE_SQLSTATE}', message = '${IMMUTABLE_MESSAGE}';
end;
$fn$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger published_versions_immutable before update on published_versions
for each row execute function published_versions_immutable()`,
        )
        .execute(db);
    } else {
      await sql
        .raw(
          `create trigger published_versions_immutable before update on published_versions
begin select raise(abort, '${IMMUTABLE_MESSAGE}'); end`,
        )
        .execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('published_versions').execute();
    await db.schema.dropTable('published_compasses').execute();
    if (db.getExecutor().adapter instanceof PostgresAdapter)
      await sql.raw('drop function published_versions_immutable()').execute(db);
  },
};
