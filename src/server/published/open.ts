import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDatabaseUrl } from '../storage/open-store.ts';
import { openPostgresPublished } from './postgres-store.ts';
import { openSqlitePublished } from './sqlite-store.ts';
import type { PublishedStore } from './store.ts';

/**
 * Opens the store of published compasses on the classroom's database URL (`sqlite:<path>` or
 * `postgres://…`, `parseDatabaseUrl`) and runs the migrations (the one list of
 * storage/migrations.ts). `builtIds` are the ids `publish` refuses (`builtIdsOf(staticDir)`). On
 * SQLite open the classroom store first when a process uses both, as for the workbench's store.
 */
export async function openPublishedStore(
  databaseUrl: string,
  options: {
    readonly builtIds?: Iterable<string>;
    readonly onError?: (error: unknown) => void;
  } = {},
): Promise<PublishedStore> {
  const target = parseDatabaseUrl(databaseUrl);
  const builtIds = new Set(options.builtIds ?? []);
  const onError =
    options.onError ??
    ((error: unknown) => {
      console.error('[published storage]', error);
    });
  return target.kind === 'sqlite'
    ? openSqlitePublished(target.path, builtIds)
    : openPostgresPublished(target.connectionString, builtIds, onError);
}

/**
 * The names the built site has taken under `<staticDir>/data/`: every `<name>.json` there (the
 * compasses, and their `-method` and `-programmes` files), so that no published compass is given
 * an address the site already answers. None without a site (null) or a data folder.
 */
export function builtIdsOf(staticDir: string | null): Set<string> {
  if (staticDir === null) return new Set();
  try {
    return new Set(
      readdirSync(join(staticDir, 'data'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length)),
    );
  } catch {
    return new Set();
  }
}
