/**
 * The published compasses on PostgreSQL: Kysely over its own small pool and the one migration
 * list. A publish is one transaction (READ COMMITTED): the owner's row is inserted if missing
 * (`ON CONFLICT DO NOTHING`: a concurrent first publish of the same id waits for the other and
 * then inserts nothing), then read `FOR UPDATE`, so two publishes of one id, from any processes,
 * take their numbers one after the other: 1 and 2.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PublishedList } from '../../domain/workbench/api.ts';
import { migrateToLatest } from '../storage/migrations.ts';
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
import type { PublishInput, PublishOutcome } from './types.ts';

interface Schema {
  published_compasses: { id: string; workspace: string; latest: number; created_at: number };
  published_versions: VersionRow & { version: number };
}

const POOL_SIZE = 5;

/** The latest version of each compass: `published_compasses as c` joined to its row `v`. */
type LatestQuery = ReturnType<typeof latestOf>;

function latestOf(db: Kysely<Schema>) {
  return db
    .selectFrom('published_compasses as c')
    .innerJoin('published_versions as v', (join) =>
      join.onRef('v.id', '=', 'c.id').onRef('v.version', '=', 'c.latest'),
    );
}

export async function openPostgresPublished(
  connectionString: string,
  builtIds: ReadonlySet<string>,
  onError: (error: unknown) => void,
): Promise<PublishedStore> {
  const pool = new pg.Pool({
    connectionString,
    max: POOL_SIZE,
    application_name: 'valkompass-published',
  });
  pool.on('error', onError);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const file = async (
    query: Promise<
      { version: number | string; published_at: number | string; text: string } | undefined
    >,
  ): Promise<PublishedFile | null> => {
    const row = await query;
    return row
      ? { text: row.text, version: Number(row.version), publishedAt: Number(row.published_at) }
      : null;
  };
  const column = (part: PublishedPart) => (part === 'data' ? 'open_data' : 'programmes');
  const latest = () => latestOf(db);

  return {
    builtIds,
    publish: (input) => publish(db, builtIds, input),
    versionsOf: async (workspace) =>
      (
        await db
          .selectFrom('published_versions as v')
          .innerJoin('published_compasses as c', 'c.id', 'v.id')
          .select(['v.id', 'v.version', 'v.published_at'])
          .where('c.workspace', '=', workspace)
          .orderBy('v.published_at', 'desc')
          .orderBy('v.id')
          .orderBy('v.version', 'desc')
          .execute()
      ).map(versionOf),
    head: async (id) => {
      const row = await latest()
        .select(['v.version', 'v.published_at'])
        .where('c.id', '=', id)
        .executeTakeFirst();
      return row ? { version: Number(row.version), publishedAt: Number(row.published_at) } : null;
    },
    latest: (id, part) =>
      file(
        latest()
          .select(['v.version', 'v.published_at', `v.${column(part)} as text`])
          .where('c.id', '=', id)
          .executeTakeFirst(),
      ),
    version: (id, version, part) =>
      file(
        db
          .selectFrom('published_versions')
          .select(['version', 'published_at', `${column(part)} as text`])
          .where('id', '=', id)
          .where('version', '=', version)
          .executeTakeFirst(),
      ),
    list: (text, offset) => list(latest, text, offset),
    close: () => db.destroy(),
  };
}

/** One publish in one transaction: the owner's row made or locked, then the next version. */
async function publish(
  db: Kysely<Schema>,
  builtIds: ReadonlySet<string>,
  input: PublishInput,
): Promise<PublishOutcome> {
  if (builtIds.has(input.id) || isReservedId(input.id))
    return { published: false, reason: 'taken' };
  const row = versionRow(input);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('published_compasses')
      .values({ id: row.id, workspace: input.workspace, latest: 0, created_at: input.at })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const owner = await trx
      .selectFrom('published_compasses')
      .select(['workspace', 'latest'])
      .where('id', '=', row.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (owner.workspace !== input.workspace) return { published: false, reason: 'taken' };
    const version = Number(owner.latest) + 1;
    await trx
      .updateTable('published_compasses')
      .set({ latest: version })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('published_versions')
      .values({ ...row, version })
      .execute();
    return {
      published: true,
      version: versionOf({ id: row.id, version, published_at: input.at }),
    };
  });
}

/** A page of the list: the latest versions matching `text`, by title, and how many match. */
async function list(
  latest: () => LatestQuery,
  text: string,
  offset: number,
): Promise<PublishedList> {
  const matches = sql<boolean>`v.search like ${likePattern(text)} escape '\\'`;
  const counted = await latest()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .where(matches)
    .executeTakeFirstOrThrow();
  const rows = await latest()
    .select(ENTRY_COLUMNS.map((c) => `v.${c}` as const))
    .where(matches)
    .orderBy(sql`v.sort_key collate "C"`)
    .orderBy('v.id')
    .limit(PAGE_SIZE)
    .offset(offset)
    .execute();
  return { compasses: (rows as EntryRow[]).map(entryOf), total: Number(counted.total) };
}
