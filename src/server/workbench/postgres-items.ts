/**
 * The workbench store's items, codings lists, decisions log and batched writes on PostgreSQL
 * (postgres-store.ts opens the pool and holds the keys and single codings). A batch is one
 * transaction: every row it changes is read `FOR UPDATE` and its version compared; a first write
 * inserts with `ON CONFLICT DO NOTHING`, and losing that race is a mismatch like any other. A
 * mismatch rolls the whole batch back.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  type ApplyResult,
  type Change,
  type CodingKey,
  codingOf,
  type CodingRow,
  itemOf,
  type ItemRow,
  type LogDbRow,
  logOf,
  type Role,
  type StoredCoding,
  type StoredItem,
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

type Db = Kysely<Schema> | Transaction<Schema>;

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

/** The store's reads of items, codings and the log, and its batched write. */
export function itemMethods(
  db: Kysely<Schema>,
): Pick<
  WorkbenchStore,
  | 'readWorkspace'
  | 'listCoders'
  | 'readItem'
  | 'readItems'
  | 'readCodings'
  | 'readLog'
  | 'applyChanges'
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

function logMethods(db: Kysely<Schema>): Pick<WorkbenchStore, 'readLog' | 'applyChanges'> {
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
    applyChanges: (workspace, changes, at) => applyChanges(db, workspace, changes, at),
  };
}

function readItemRow(db: Db, workspace: string, kind: string, id: string, forUpdate: boolean) {
  const query = db
    .selectFrom('workbench_items')
    .select([...ITEM_COLUMNS])
    .where('workspace', '=', workspace)
    .where('kind', '=', kind)
    .where('id', '=', id);
  return forUpdate ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

function readCodingRow(db: Db, key: CodingKey) {
  return db
    .selectFrom('workbench_codings')
    .select([...CODING_COLUMNS])
    .where('workspace', '=', key.workspace)
    .where('coder', '=', key.coder)
    .where('statement', '=', key.statement)
    .where('party', '=', key.party)
    .forUpdate()
    .executeTakeFirst();
}

/** Rolls the batch's transaction back with this answer. */
class Mismatch extends Error {
  constructor(readonly result: ApplyResult) {
    super('version mismatch');
  }
}

async function applyChanges(
  db: Kysely<Schema>,
  workspace: string,
  changes: readonly Change[],
  at: number,
): Promise<ApplyResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const versions: (number | null)[] = [];
      for (const [index, change] of changes.entries()) {
        const written = await applyOne(trx, workspace, change, at);
        if (written.ok) versions.push(written.version);
        else throw new Mismatch({ ok: false, index, current: written.current });
      }
      return { ok: true, versions };
    });
  } catch (error) {
    if (error instanceof Mismatch) return error.result;
    throw error;
  }
}

type One =
  { ok: true; version: number | null } | { ok: false; current: StoredItem | StoredCoding | null };

async function applyOne(
  trx: Transaction<Schema>,
  workspace: string,
  change: Change,
  at: number,
): Promise<One> {
  if (change.type === 'log') {
    const e = change.entry;
    await trx
      .insertInto('workbench_log')
      .values({
        workspace,
        statement: e.statement,
        party: e.party,
        version: e.version,
        role: e.role,
        at: e.at,
        reason: e.reason,
        position_halves: e.positionHalves,
        kind: e.kind,
      })
      .execute();
    return { ok: true, version: null };
  }
  const version = (change.expected ?? 0) + 1;
  if (change.type === 'coding') return applyCoding(trx, workspace, change, version, at);
  const row = await readItemRow(trx, workspace, change.kind, change.id, true);
  const current = row ? itemOf(row) : null;
  if ((current?.version ?? null) !== change.expected) return { ok: false, current };
  if (change.body === null) {
    await trx
      .deleteFrom('workbench_items')
      .where('workspace', '=', workspace)
      .where('kind', '=', change.kind)
      .where('id', '=', change.id)
      .execute();
    return { ok: true, version: null };
  }
  const body = JSON.stringify(change.body);
  if (current) {
    await trx
      .updateTable('workbench_items')
      .set({ body, version, updated_at: at })
      .where('workspace', '=', workspace)
      .where('kind', '=', change.kind)
      .where('id', '=', change.id)
      .execute();
    return { ok: true, version };
  }
  const inserted = await trx
    .insertInto('workbench_items')
    .values({ workspace, kind: change.kind, id: change.id, body, version, updated_at: at })
    .onConflict((oc) => oc.columns(['workspace', 'kind', 'id']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { ok: true, version };
  const won = await readItemRow(trx, workspace, change.kind, change.id, false);
  return { ok: false, current: won ? itemOf(won) : null };
}

async function applyCoding(
  trx: Transaction<Schema>,
  workspace: string,
  change: Extract<Change, { type: 'coding' }>,
  version: number,
  at: number,
): Promise<One> {
  const key = { ...change.key, workspace };
  const row = await readCodingRow(trx, key);
  const current = row ? codingOf(row) : null;
  if ((current?.version ?? null) !== change.expected) return { ok: false, current };
  const c = change.coding;
  const values = {
    position_halves: c.positionHalves,
    kind: c.kind,
    quote_start: c.quoteStart,
    quote_end: c.quoteEnd,
    note: c.note,
    confidence: c.confidence ?? 'explicit',
    quote_text: c.quoteText ?? null,
    quote_lost: c.quoteLost ? 1 : 0,
    version,
    updated_at: at,
  };
  if (current) {
    await trx
      .updateTable('workbench_codings')
      .set(values)
      .where('workspace', '=', workspace)
      .where('coder', '=', key.coder)
      .where('statement', '=', key.statement)
      .where('party', '=', key.party)
      .execute();
    return { ok: true, version };
  }
  const inserted = await trx
    .insertInto('workbench_codings')
    .values({ ...key, ...values })
    .onConflict((oc) => oc.columns(['workspace', 'coder', 'statement', 'party']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { ok: true, version };
  const won = await readCodingRow(trx, key);
  return { ok: false, current: won ? codingOf(won) : null };
}
