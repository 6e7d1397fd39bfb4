/**
 * The workbench's tables (Redaktionen), migration `0005-workbench`, appended to the one list in
 * storage/migrations.ts so that both services share one database and one migrator. Nothing of the
 * classroom's tables changes. Times are milliseconds in a 64-bit integer column, as there.
 *
 * - `workbench_workspaces`: a newsroom's workspace: random id (16 bytes, base64url), title, the
 *   editor key's SHA-256 (hex; never the key), created.
 * - `workbench_keys`: every key of a workspace by its SHA-256 (the primary key, so a request's
 *   key is found by one index lookup): role `editor` or `coder`, and for a coder its public id
 *   and label. The editor's key is here too (role `editor`), besides `editor_key_hash`.
 * - `workbench_codings`: one coder's coding of one party on one statement: the position in
 *   halves (−2…2, i.e. −1…1 in steps of ½) or null, the kind, the quote's offsets in the
 *   programme text or null, a note, and a version that starts at 1 and grows by one per write
 *   (the ETag; a write names the version it replaces). The check constraints repeat the
 *   service's rules, so no path around the service can store an inconsistent coding.
 */
import { type Kysely, sql } from 'kysely';

export const workbenchMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('workbench_workspaces')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('editor_key_hash', 'text', (col) => col.notNull().unique())
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('workbench_keys')
      .addColumn('key_hash', 'text', (col) => col.primaryKey())
      .addColumn('workspace', 'text', (col) =>
        col.notNull().references('workbench_workspaces.id').onDelete('cascade'),
      )
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('coder', 'text')
      .addColumn('label', 'text')
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .addCheckConstraint(
        'workbench_keys_role',
        sql`(role = 'editor' and coder is null and label is null) or (role = 'coder' and coder is not null and label is not null)`,
      )
      .addUniqueConstraint('workbench_keys_coder', ['workspace', 'coder'])
      .execute();

    await db.schema
      .createTable('workbench_codings')
      .addColumn('workspace', 'text', (col) =>
        col.notNull().references('workbench_workspaces.id').onDelete('cascade'),
      )
      .addColumn('coder', 'text', (col) => col.notNull())
      .addColumn('statement', 'text', (col) => col.notNull())
      .addColumn('party', 'text', (col) => col.notNull())
      .addColumn('position_halves', 'integer')
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('quote_start', 'integer')
      .addColumn('quote_end', 'integer')
      .addColumn('note', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('updated_at', 'bigint', (col) => col.notNull())
      .addPrimaryKeyConstraint('workbench_codings_pk', ['workspace', 'coder', 'statement', 'party'])
      .addForeignKeyConstraint(
        'workbench_codings_coder',
        ['workspace', 'coder'],
        'workbench_keys',
        ['workspace', 'coder'],
        (fk) => fk.onDelete('cascade'),
      )
      .addCheckConstraint('workbench_codings_position', sql`position_halves between -2 and 2`)
      .addCheckConstraint('workbench_codings_version', sql`version >= 1`)
      .addCheckConstraint(
        'workbench_codings_quote',
        sql`(quote_start is null and quote_end is null) or (quote_start >= 0 and quote_end > quote_start)`,
      )
      .addCheckConstraint(
        'workbench_codings_kind',
        sql`(kind = 'silent' and position_halves is null and quote_start is null) or (kind = 'stated' and position_halves is not null and quote_start is not null) or (kind = 'implied' and position_halves is not null)`,
      )
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['workbench_codings', 'workbench_keys', 'workbench_workspaces'])
      await db.schema.dropTable(table).execute();
  },
};
