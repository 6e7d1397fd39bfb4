/**
 * The workbench store's reads of items, codings lists and the decisions log on PostgreSQL, and
 * the schema its queries are typed by (postgres-store.ts opens the pool and holds the keys and
 * single codings; postgres-batch.ts writes batches).
 */
import type { Kysely, Transaction } from 'kysely';
import {
  type CodingKey,
  codingOf,
  type CodingRow,
  itemOf,
  type ItemRow,
  type LogDbRow,
  logOf,
  type Role,
  type WorkbenchStore,
} from './types.ts';

export interface Schema {
  workbench_workspaces: { id: string; title: string; editor_key_hash: string; created_at: number };
  workbench_keys: {
    key_hash: string;
    workspace: string;
    role: Role;
    coder: string | null;
    label: string | null;
    created_at: number;
  };
  workbench_codings: CodingRow & CodingKey;
  workbench_items: ItemRow & { workspace: string };
  workbench_log: LogDbRow & { workspace: string };
}

export type Db = Kysely<Schema> | Transaction<Schema>;

export const CODING_COLUMNS = [
  'position_halves',
  'kind',
  'quote_start',
  'quote_end',
  'note',
  'confidence',
  'quote_text',
  'quote_lost',
  'version',
  'updated_at',
] as const;

const ITEM_COLUMNS = ['kind', 'id', 'body', 'version', 'updated_at'] as const;

/** The store's reads of workspaces, coders, items, codings and the log. */
export function itemMethods(
  db: Kysely<Schema>,
): Pick<
  WorkbenchStore,
  'readWorkspace' | 'listCoders' | 'readItem' | 'readItems' | 'readCodings' | 'readLog'
> {
  return {
    readWorkspace: async (workspace) => {
      const row = await db
        .selectFrom('workbench_workspaces')
        .select(['title', 'created_at'])
        .where('id', '=', workspace)
        .executeTakeFirst();
      return row ? { title: row.title, createdAt: Number(row.created_at) } : null;
    },
    listCoders: async (workspace) =>
      (
        await db
          .selectFrom('workbench_keys')
          .select(['coder', 'label'])
          .where('workspace', '=', workspace)
          .where('role', '=', 'coder')
          .orderBy('created_at')
          .orderBy('coder')
          .execute()
      ).map((row) => ({ id: row.coder!, label: row.label! })),
    readItem: async (workspace, kind, id) => {
      const row = await readItemRow(db, workspace, kind, id, false);
      return row ? itemOf(row) : null;
    },
    readItems: async (workspace, kind) =>
      (
        await db
          .selectFrom('workbench_items')
          .select([...ITEM_COLUMNS])
          .where('workspace', '=', workspace)
          .where('kind', '=', kind)
          .orderBy('id')
          .execute()
      ).map(itemOf),
    readCodings: async (workspace, only = {}) => {
      let query = db
        .selectFrom('workbench_codings')
        .select(['workspace', 'coder', 'statement', 'party', ...CODING_COLUMNS])
        .where('workspace', '=', workspace);
      if (only.coder !== undefined) query = query.where('coder', '=', only.coder);
      if (only.party !== undefined) query = query.where('party', '=', only.party);
      const rows = await query.orderBy('statement').orderBy('party').orderBy('coder').execute();
      return rows.map((row) => ({
        workspace: row.workspace,
        coder: row.coder,
        statement: row.statement,
        party: row.party,
        ...codingOf(row),
      }));
    },
    ...logMethods(db),
  };
}

function logMethods(db: Kysely<Schema>): Pick<WorkbenchStore, 'readLog'> {
  return {
    readLog: async (workspace) =>
      (
        await db
          .selectFrom('workbench_log')
          .select([
            'statement',
            'party',
            'version',
            'role',
            'at',
            'reason',
            'position_halves',
            'kind',
          ])
          .where('workspace', '=', workspace)
          .orderBy('at', 'desc')
          .orderBy('statement')
          .orderBy('party')
          .orderBy('version', 'desc')
          .execute()
      ).map(logOf),
  };
}

export function readItemRow(
  db: Db,
  workspace: string,
  kind: string,
  id: string,
  forUpdate: boolean,
) {
  const query = db
    .selectFrom('workbench_items')
    .select([...ITEM_COLUMNS])
    .where('workspace', '=', workspace)
    .where('kind', '=', kind)
    .where('id', '=', id);
  return forUpdate ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}
