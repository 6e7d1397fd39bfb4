/**
 * The workbench store on PostgreSQL: Kysely over its own small pool, the one migration list
 * (under Kysely's advisory lock). A write is one transaction (READ COMMITTED): the coding's row
 * is read `FOR UPDATE`, so a concurrent write of the same coding waits and then sees the new
 * version; a first write inserts with `ON CONFLICT DO NOTHING`, and if another first write won,
 * reads the row it committed and reports the conflict.
 */
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../storage/migrations.ts';
import { applyChanges } from './postgres-batch.ts';
import { CODING_COLUMNS, itemMethods, type Schema } from './postgres-items.ts';
import {
  type Coding,
  type CodingKey,
  codingOf,
  type CodingRow,
  type KeyRecord,
  type WorkbenchStore,
  type WriteResult,
} from './types.ts';

const POOL_SIZE = 5;

export async function openPostgresWorkbench(
  connectionString: string,
  onError: (error: unknown) => void,
): Promise<WorkbenchStore> {
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE,
    application_name: 'valkompass-workbench',
  });
  pool.on('error', onError);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    createWorkspace: (w) =>
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('workbench_workspaces')
          .values({
            id: w.id,
            title: w.title,
            editor_key_hash: w.editorKeyHash,
            created_at: w.createdAt,
          })
          .execute();
        await trx
          .insertInto('workbench_keys')
          .values({
            key_hash: w.editorKeyHash,
            workspace: w.id,
            role: 'editor',
            coder: null,
            label: null,
            created_at: w.createdAt,
          })
          .execute();
      }),
    addCoder: async (c) => {
      await db
        .insertInto('workbench_keys')
        .values({
          key_hash: c.keyHash,
          workspace: c.workspace,
          role: 'coder',
          coder: c.coder,
          label: c.label,
          // As on SQLite (sqlite-queries.ts): created_at orders the coders as they were added.
          created_at: sql<number>`greatest(${c.createdAt}::bigint, coalesce((select max(created_at) + 1 from workbench_keys where workspace = ${c.workspace}), 0))`,
        })
        .execute();
    },
    findKey: async (hash) =>
      ((await db
        .selectFrom('workbench_keys')
        .select(['workspace', 'role', 'coder', 'label'])
        .where('key_hash', '=', hash)
        .executeTakeFirst()) as KeyRecord | undefined) ?? null,
    hasCoder: async (workspace, coder) =>
      (await db
        .selectFrom('workbench_keys')
        .select('coder')
        .where('workspace', '=', workspace)
        .where('coder', '=', coder)
        .where('role', '=', 'coder')
        .executeTakeFirst()) !== undefined,
    readCoding: async (key) => {
      const row = await readRow(db, key, false);
      return row ? codingOf(row) : null;
    },
    writeCoding: (key, coding, expected, at) => writeCoding(db, key, coding, expected, at),
    ...itemMethods(db),
    applyChanges: (workspace, changes, at) => applyChanges(db, workspace, changes, at),
    close: () => db.destroy(),
  };
}

/** One write in one transaction: the row locked, the version checked, then updated or inserted. */
function writeCoding(
  db: Kysely<Schema>,
  key: CodingKey,
  coding: Coding,
  expected: number | null,
  at: number,
): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const row = await readRow(trx, key, true);
    const current = row ? codingOf(row) : null;
    if ((current?.version ?? null) !== expected) return { written: false, current };
    const version = (expected ?? 0) + 1;
    const values = { ...columnsOf(coding), version, updated_at: at };
    if (current) {
      await whereKey(trx.updateTable('workbench_codings').set(values), key).execute();
      return { written: true, version };
    }
    const inserted = await trx
      .insertInto('workbench_codings')
      .values({ ...key, ...values })
      .onConflict((oc) => oc.columns(['workspace', 'coder', 'statement', 'party']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { written: true, version };
    const won = await readRow(trx, key, false);
    return { written: false, current: won ? codingOf(won) : null };
  });
}

function columnsOf(coding: Coding) {
  return {
    position_halves: coding.positionHalves,
    kind: coding.kind,
    quote_start: coding.quoteStart,
    quote_end: coding.quoteEnd,
    note: coding.note,
    confidence: coding.confidence ?? 'explicit',
    quote_text: coding.quoteText ?? null,
    quote_lost: coding.quoteLost ? 1 : 0,
  };
}

type Where<Q> = Q & {
  where(column: 'workspace' | 'coder' | 'statement' | 'party', op: '=', value: string): Where<Q>;
};

function whereKey<Q>(query: Where<Q>, key: CodingKey): Q {
  return query
    .where('workspace', '=', key.workspace)
    .where('coder', '=', key.coder)
    .where('statement', '=', key.statement)
    .where('party', '=', key.party);
}

async function readRow(
  db: Kysely<Schema> | Transaction<Schema>,
  key: CodingKey,
  forUpdate: boolean,
): Promise<CodingRow | undefined> {
  const query = whereKey(db.selectFrom('workbench_codings').select([...CODING_COLUMNS]), key);
  return forUpdate ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}
