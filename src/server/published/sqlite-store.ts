/**
 * The published compasses on SQLite: the classroom's connection settings (`openSqliteDatabase`:
 * WAL, `synchronous = FULL`, so an acknowledged publish is on disk) and the one migration list.
 * A publish is one synchronous better-sqlite3 transaction (`BEGIN IMMEDIATE … COMMIT`): the
 * owner's row is read, the next number decided and the version inserted while the file's write
 * lock is held, so two publishes of one id get 1 and 2 even from two processes.
 *
 * Like the workbench's SQLite store (see its header for why), this connection shares the file
 * with the classroom's and has `busy_timeout = 0`: a statement that finds the file locked is
 * retried after a short asynchronous pause, for up to 5 s, and no transaction spans an await.
 */
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { PublishedList } from '../../domain/workbench/api.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { openSqliteDatabase, SQLITE_BUSY_TIMEOUT_MS } from '../storage/sqlite.ts';
import {
  ENTRY_COLUMNS,
  entryOf,
  type EntryRow,
  isReservedId,
  likePattern,
  PAGE_SIZE,
  type PublishedFile,
  type PublishedPart,
  type PublishedStore,
  versionOf,
  type VersionRow,
  versionRow,
} from './store.ts';
import type { PublishOutcome } from './types.ts';

export async function openSqlitePublished(
  path: string,
  builtIds: ReadonlySet<string>,
): Promise<PublishedStore> {
  const database = openSqliteDatabase(path);
  database.pragma('busy_timeout = 0');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
  try {
    await whenNotBusy(() => migrateToLatest(db));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const q = prepare(database);
  const publish = database.transaction(
    (row: VersionRow, workspace: string): PublishOutcome | { version: number } => {
      const owner = q.owner.get(row.id) as { workspace: string; latest: number } | undefined;
      if (owner && owner.workspace !== workspace) return { published: false, reason: 'taken' };
      const version = (owner?.latest ?? 0) + 1;
      if (owner) q.setLatest.run(version, row.id);
      else q.insertOwner.run(row.id, workspace, version, row.published_at);
      q.insertVersion.run({ ...row, version });
      return { version };
    },
  );
  const file = (part: PublishedPart, found: unknown): PublishedFile | null => {
    const row = found as Record<string, string | number> | undefined;
    if (!row) return null;
    return {
      text: String(row[part === 'data' ? 'open_data' : 'programmes']),
      version: Number(row.version),
      publishedAt: Number(row.published_at),
    };
  };
  return {
    builtIds,
    publish: (input) =>
      whenNotBusy(async () => {
        if (builtIds.has(input.id) || isReservedId(input.id))
          return { published: false, reason: 'taken' };
        const row = versionRow(input);
        const outcome = publish.immediate(row, input.workspace);
        if ('published' in outcome) return outcome;
        return {
          published: true,
          version: versionOf({ id: row.id, version: outcome.version, published_at: input.at }),
        };
      }),
    versionsOf: (workspace) =>
      whenNotBusy(async () =>
        (q.versionsOf.all(workspace) as Parameters<typeof versionOf>[0][]).map(versionOf),
      ),
    head: (id) =>
      whenNotBusy(async () => {
        const row = q.head.get(id) as { version: number; published_at: number } | undefined;
        return row ? { version: Number(row.version), publishedAt: Number(row.published_at) } : null;
      }),
    latest: (id, part) => whenNotBusy(async () => file(part, q.latest.get(id))),
    version: (id, version, part) => whenNotBusy(async () => file(part, q.version.get(id, version))),
    list: (text, offset) =>
      whenNotBusy(async (): Promise<PublishedList> => {
        const pattern = likePattern(text);
        const total = Number(q.count.get(pattern));
        const rows = q.list.all(pattern, PAGE_SIZE, offset) as EntryRow[];
        return { compasses: rows.map(entryOf), total };
      }),
    close: () => db.destroy(),
  };
}

const LATEST =
  'published_compasses c join published_versions v on v.id = c.id and v.version = c.latest';

function prepare(database: Database.Database) {
  return {
    owner: database.prepare('select workspace, latest from published_compasses where id = ?'),
    insertOwner: database.prepare(
      'insert into published_compasses (id, workspace, latest, created_at) values (?, ?, ?, ?)',
    ),
    setLatest: database.prepare('update published_compasses set latest = ? where id = ?'),
    insertVersion: database.prepare(
      `insert into published_versions (id, version, published_at, open_data, programmes, title, description, municipality, region, election_date, languages, search, sort_key)
       values (@id, @version, @published_at, @open_data, @programmes, @title, @description, @municipality, @region, @election_date, @languages, @search, @sort_key)`,
    ),
    versionsOf: database.prepare(
      `select v.id, v.version, v.published_at from published_versions v join published_compasses c on c.id = v.id
       where c.workspace = ? order by v.published_at desc, v.id, v.version desc`,
    ),
    head: database.prepare(`select v.version, v.published_at from ${LATEST} where c.id = ?`),
    latest: database.prepare(
      `select v.version, v.published_at, v.open_data, v.programmes from ${LATEST} where c.id = ?`,
    ),
    version: database.prepare(
      'select version, published_at, open_data, programmes from published_versions where id = ? and version = ?',
    ),
    count: database
      .prepare(`select count(*) from ${LATEST} where v.search like ? escape '\\'`)
      .pluck(),
    list: database.prepare(
      `select ${ENTRY_COLUMNS.map((c) => `v.${c}`).join(', ')} from ${LATEST}
       where v.search like ? escape '\\' order by v.sort_key, v.id limit ? offset ?`,
    ),
  };
}

/** Runs `task`, again after a short pause while SQLite answers SQLITE_BUSY, for up to the busy timeout. */
async function whenNotBusy<T>(task: () => Promise<T>): Promise<T> {
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
