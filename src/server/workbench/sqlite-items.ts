/**
 * The workbench store's batched writes and its reads of items, codings lists and the decisions
 * log on SQLite (sqlite-store.ts opens the connection). A batch is one synchronous better-sqlite3
 * transaction: each change's version is compared inside it, and a mismatch throws, which rolls
 * back everything the batch wrote.
 */
import type Database from 'better-sqlite3';
import { columnsOf, type prepare, whenNotBusy } from './sqlite-queries.ts';
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
  type LogRow,
  type WorkbenchStore,
} from './types.ts';

/** Thrown inside a transaction to roll it back with this answer. */
export class Mismatch extends Error {
  constructor(readonly result: ApplyResult) {
    super('version mismatch');
  }
}

const keyOf = (row: CodingKey): CodingKey => ({
  workspace: row.workspace,
  coder: row.coder,
  statement: row.statement,
  party: row.party,
});

const logColumns = (entry: LogRow) => ({
  statement: entry.statement,
  party: entry.party,
  version: entry.version,
  role: entry.role,
  at: entry.at,
  reason: entry.reason,
  position: entry.positionHalves,
  kind: entry.kind,
});

type Queries = ReturnType<typeof prepare>;

/** `applyChanges` as one better-sqlite3 transaction; a mismatch throws `Mismatch` to roll back. */
export function applyTransaction(database: Database.Database, q: Queries) {
  return database.transaction(
    (workspace: string, changes: readonly Change[], at: number): ApplyResult => {
      const versions: (number | null)[] = [];
      for (const [index, change] of changes.entries()) {
        if (change.type === 'log') {
          q.insertLog.run({ ...logColumns(change.entry), workspace });
          versions.push(null);
          continue;
        }
        const current = readCurrent(q, workspace, change);
        if ((current?.version ?? null) !== change.expected) {
          // Undo what this transaction wrote so far: the caller sees nothing written.
          throw new Mismatch({ ok: false, index, current });
        }
        versions.push(change.type === 'check' ? null : writeChange(q, workspace, change, at));
      }
      return { ok: true, versions };
    },
  );
}

/** The reads of workspaces, coders, items, codings and the log. */
export function readMethods(
  q: Queries,
): Pick<
  WorkbenchStore,
  'readWorkspace' | 'listCoders' | 'readItem' | 'readItems' | 'readCodings' | 'readLog'
> {
  return {
    readWorkspace: (workspace) =>
      whenNotBusy(async () => {
        const row = q.workspace.get(workspace) as
          { title: string; created_at: number | bigint } | undefined;
        return row ? { title: row.title, createdAt: Number(row.created_at) } : null;
      }),
    listCoders: (workspace) =>
      whenNotBusy(async () => q.coders.all(workspace) as { id: string; label: string }[]),
    readItem: (workspace, kind, id) =>
      whenNotBusy(async () => {
        const row = q.item.get({ workspace, kind, id }) as ItemRow | undefined;
        return row ? itemOf(row) : null;
      }),
    readItems: (workspace, kind) =>
      whenNotBusy(async () => (q.items.all({ workspace, kind }) as ItemRow[]).map(itemOf)),
    readCodings: (workspace, only = {}) =>
      whenNotBusy(async () =>
        (
          q.codings.all({
            workspace,
            coder: only.coder ?? null,
            party: only.party ?? null,
          }) as (CodingRow & CodingKey)[]
        ).map((row) => ({ ...keyOf(row), ...codingOf(row) })),
      ),
    readLog: (workspace) =>
      whenNotBusy(async () => (q.log.all(workspace) as LogDbRow[]).map(logOf)),
  };
}

function readCurrent(q: Queries, workspace: string, change: Exclude<Change, { type: 'log' }>) {
  if (change.type !== 'coding') {
    const row = q.item.get({ workspace, kind: change.kind, id: change.id }) as ItemRow | undefined;
    return row ? itemOf(row) : null;
  }
  const row = q.read.get({ ...change.key, workspace }) as CodingRow | undefined;
  return row ? codingOf(row) : null;
}

/** Writes one checked change; the version it wrote, null for a deletion. */
function writeChange(
  q: Queries,
  workspace: string,
  change: Exclude<Change, { type: 'log' | 'check' }>,
  at: number,
): number | null {
  const version = (change.expected ?? 0) + 1;
  if (change.type === 'coding') {
    const values = { ...change.key, workspace, ...columnsOf(change.coding), version, at };
    if (change.expected === null) q.insert.run(values);
    else q.update.run({ ...values, expected: change.expected });
    return version;
  }
  const key = { workspace, kind: change.kind, id: change.id };
  if (change.body === null) {
    q.deleteItem.run(key);
    return null;
  }
  const body = JSON.stringify(change.body);
  if (change.expected === null) q.insertItem.run({ ...key, body, version, at });
  else q.updateItem.run({ ...key, body, version, at });
  return version;
}
