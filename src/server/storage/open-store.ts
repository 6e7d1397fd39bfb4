import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import type { ClassroomStore, StoreOptions } from './types.ts';

export type DatabaseTarget =
  { kind: 'sqlite'; path: string } | { kind: 'postgres'; connectionString: string };

const USAGE =
  'use sqlite:<path> (e.g. sqlite:data/classroom.sqlite, or sqlite::memory: for a private in-memory database) or postgres://user:password@host:5432/database (postgresql:// works too)';

/**
 * Reads a database URL: `sqlite:<path>` (a relative path is relative to the working directory;
 * `sqlite::memory:` is in memory) or `postgres://…` / `postgresql://…`. Throws an Error that says
 * what is accepted on anything else; the message never repeats the URL, which may hold a password.
 */
export function parseDatabaseUrl(databaseUrl: string): DatabaseTarget {
  if (typeof databaseUrl !== 'string' || databaseUrl.trim() === '') {
    throw new Error(`Classroom storage: no database URL given; ${USAGE}.`);
  }
  const url = databaseUrl.trim();
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { kind: 'postgres', connectionString: url };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path.startsWith('//')) {
      throw new Error(
        `Classroom storage: "sqlite://…" is ambiguous; write sqlite:<path> with the path right after the colon (sqlite:/var/lib/valkompass/classroom.sqlite, sqlite:data/classroom.sqlite).`,
      );
    }
    if (path === '') throw new Error(`Classroom storage: sqlite: needs a path; ${USAGE}.`);
    return { kind: 'sqlite', path };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new Error(
    `Classroom storage: unsupported database URL${scheme ? ` scheme "${scheme}:"` : ' (no scheme)'}; ${USAGE}.`,
  );
}

/**
 * Opens the classroom store named by `databaseUrl` (see `parseDatabaseUrl`; a SQLite file's
 * folder is created) and brings its schema up to date with the migrations before resolving.
 * Close it with `close()`.
 */
export async function openStore(
  databaseUrl: string,
  options: StoreOptions = {},
): Promise<ClassroomStore> {
  const target = parseDatabaseUrl(databaseUrl);
  const onError =
    options.onError ??
    ((error: unknown) => {
      console.error('[classroom storage]', error);
    });
  return target.kind === 'sqlite'
    ? openSqliteStore(target.path, onError)
    : openPostgresStore(target.connectionString, onError);
}
