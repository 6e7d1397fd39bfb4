/**
 * The workbench store's batched writes on PostgreSQL. A batch is one transaction: every row it
 * changes is read `FOR UPDATE` and its version compared; a first write inserts with `ON CONFLICT
 * DO NOTHING`, and losing that race is a mismatch like any other. A mismatch rolls the whole
 * batch back.
 */
import type { Kysely, Transaction } from 'kysely';
import { CODING_COLUMNS, type Db, readItemRow, type Schema } from './postgres-items.ts';
import {
  type ApplyResult,
  type Change,
  type CodingKey,
  codingOf,
  itemOf,
  type StoredCoding,
  type StoredItem,
} from './types.ts';

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

export async function applyChanges(
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
  if (change.type === 'check') return { ok: true, version: null };
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
