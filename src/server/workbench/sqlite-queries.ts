/**
 * The workbench's SQLite statements (prepared once per connection) and the retry that keeps its
 * connection from ever waiting inside SQLite (sqlite-store.ts says why).
 */
import type Database from 'better-sqlite3';
import { SQLITE_BUSY_TIMEOUT_MS } from '../storage/sqlite.ts';
import type { Coding } from './types.ts';

export function columnsOf(coding: Coding) {
  return {
    position: coding.positionHalves,
    kind: coding.kind,
    quoteStart: coding.quoteStart,
    quoteEnd: coding.quoteEnd,
    note: coding.note,
    confidence: coding.confidence ?? 'explicit',
    quoteText: coding.quoteText ?? null,
    quoteLost: coding.quoteLost ? 1 : 0,
  };
}

const CODING_COLUMNS =
  'position_halves, kind, quote_start, quote_end, note, confidence, quote_text, quote_lost, version, updated_at';
const ITEM_COLUMNS = 'kind, id, body, version, updated_at';

const WHERE_CODING =
  'workspace = @workspace and coder = @coder and statement = @statement and party = @party';

export function prepare(database: Database.Database) {
  return {
    insertWorkspace: database.prepare(
      'insert into workbench_workspaces (id, title, editor_key_hash, created_at) values (@id, @title, @editorKeyHash, @createdAt)',
    ),
    // A coder added in the same millisecond as the one before is stamped a millisecond after it:
    // the order of created_at is the order coders were added in (the agreement's default pair).
    insertCoder: database.prepare(
      `insert into workbench_keys (key_hash, workspace, role, coder, label, created_at)
       values (@hash, @workspace, 'coder', @coder, @label,
       max(@at, coalesce((select max(created_at) + 1 from workbench_keys where workspace = @workspace), 0)))`,
    ),
    insertKey: database.prepare(
      'insert into workbench_keys (key_hash, workspace, role, coder, label, created_at) values (@hash, @workspace, @role, @coder, @label, @at)',
    ),
    findKey: database.prepare(
      'select workspace, role, coder, label from workbench_keys where key_hash = ?',
    ),
    hasCoder: database
      .prepare("select 1 from workbench_keys where workspace = ? and coder = ? and role = 'coder'")
      .pluck(),
    read: database.prepare(`select ${CODING_COLUMNS} from workbench_codings where ${WHERE_CODING}`),
    insert: database.prepare(
      `insert into workbench_codings (workspace, coder, statement, party, position_halves, kind, quote_start, quote_end, note,
       confidence, quote_text, quote_lost, version, updated_at)
       values (@workspace, @coder, @statement, @party, @position, @kind, @quoteStart, @quoteEnd, @note,
       @confidence, @quoteText, @quoteLost, @version, @at)`,
    ),
    update: database.prepare(
      `update workbench_codings set position_halves = @position, kind = @kind, quote_start = @quoteStart, quote_end = @quoteEnd,
       note = @note, confidence = @confidence, quote_text = @quoteText, quote_lost = @quoteLost, version = @version,
       updated_at = @at where ${WHERE_CODING} and version = @expected`,
    ),
    workspace: database.prepare('select title, created_at from workbench_workspaces where id = ?'),
    coders: database.prepare(
      "select coder as id, label from workbench_keys where workspace = ? and role = 'coder' order by created_at, coder",
    ),
    codings: database.prepare(
      `select workspace, coder, statement, party, ${CODING_COLUMNS} from workbench_codings where workspace = @workspace
       and (@coder is null or coder = @coder) and (@party is null or party = @party) order by statement, party, coder`,
    ),
    item: database.prepare(
      `select ${ITEM_COLUMNS} from workbench_items where workspace = @workspace and kind = @kind and id = @id`,
    ),
    items: database.prepare(
      `select ${ITEM_COLUMNS} from workbench_items where workspace = @workspace and kind = @kind order by id`,
    ),
    insertItem: database.prepare(
      'insert into workbench_items (workspace, kind, id, body, version, updated_at) values (@workspace, @kind, @id, @body, @version, @at)',
    ),
    updateItem: database.prepare(
      'update workbench_items set body = @body, version = @version, updated_at = @at where workspace = @workspace and kind = @kind and id = @id',
    ),
    deleteItem: database.prepare(
      'delete from workbench_items where workspace = @workspace and kind = @kind and id = @id',
    ),
    log: database.prepare(
      'select statement, party, version, role, at, reason, position_halves, kind from workbench_log where workspace = ? order by at desc, statement, party, version desc',
    ),
    insertLog: database.prepare(
      `insert into workbench_log (workspace, statement, party, version, role, at, reason, position_halves, kind)
       values (@workspace, @statement, @party, @version, @role, @at, @reason, @position, @kind)`,
    ),
  };
}

/** Runs `task`, again after a short pause while SQLite answers SQLITE_BUSY, for up to the busy timeout. */
export async function whenNotBusy<T>(task: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      return await task();
    } catch (error) {
      if (!isBusy(error) || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

function isBusy(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause)
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY') return true;
  return false;
}
