/**
 * Migration `0006-workbench-drafts`: what a workspace holds besides the codings (the compass's
 * settings, parties, programme texts, statements and the editor's decisions), the decisions log,
 * and three columns more on `workbench_codings`. `0005-workbench` may have shipped: it is never
 * edited; everything new is added here.
 *
 * - `workbench_items`: one versioned JSON document per (workspace, kind, id): kind `meta` (id
 *   `""`), `party`, `programme` (id: the party), `statement` or `decision` (id
 *   `<statement>/<party>`). The body is checked by the service (JSON Schemas) before it is
 *   stored; the version starts at 1 and grows by one per write, as a coding's does.
 * - `workbench_log`: one row per write of a decision (who, when, why, what), never updated;
 *   (workspace, statement, party, version) is unique, as the decision's version is.
 * - `workbench_codings` gains `confidence` (`explicit` | `general`, for a stated coding),
 *   `quote_text` (the quote's text when it was written, so that it can be found again after the
 *   programme is replaced) and `quote_lost` (1 when it was not found again).
 */
import { type Kysely, sql } from 'kysely';

export const workbenchDraftsMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('workbench_items')
      .addColumn('workspace', 'text', (col) =>
        col.notNull().references('workbench_workspaces.id').onDelete('cascade'),
      )
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('id', 'text', (col) => col.notNull())
      .addColumn('body', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('updated_at', 'bigint', (col) => col.notNull())
      .addPrimaryKeyConstraint('workbench_items_pk', ['workspace', 'kind', 'id'])
      .addCheckConstraint(
        'workbench_items_kind',
        sql`kind in ('meta', 'party', 'programme', 'statement', 'decision')`,
      )
      .addCheckConstraint('workbench_items_version', sql`version >= 1`)
      .execute();

    await db.schema
      .createTable('workbench_log')
      .addColumn('workspace', 'text', (col) =>
        col.notNull().references('workbench_workspaces.id').onDelete('cascade'),
      )
      .addColumn('statement', 'text', (col) => col.notNull())
      .addColumn('party', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull())
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('at', 'bigint', (col) => col.notNull())
      .addColumn('reason', 'text', (col) => col.notNull())
      .addColumn('position_halves', 'integer')
      .addColumn('kind', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('workbench_log_pk', ['workspace', 'statement', 'party', 'version'])
      .addCheckConstraint('workbench_log_role', sql`role in ('editor', 'coder')`)
      .execute();

    await db.schema
      .alterTable('workbench_codings')
      .addColumn('confidence', 'text', (col) => col.notNull().defaultTo('explicit'))
      .execute();
    await db.schema.alterTable('workbench_codings').addColumn('quote_text', 'text').execute();
    await db.schema
      .alterTable('workbench_codings')
      .addColumn('quote_lost', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const column of ['quote_lost', 'quote_text', 'confidence'])
      await db.schema.alterTable('workbench_codings').dropColumn(column).execute();
    for (const table of ['workbench_log', 'workbench_items'])
      await db.schema.dropTable(table).execute();
  },
};
