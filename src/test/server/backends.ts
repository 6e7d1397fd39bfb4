import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  postgresSetup,
  type PostgresTestDatabase,
  startPostgresDatabase,
} from '../../tools/throwaway-postgres.ts';

/** One database the store's test suite runs against (`describe.each` over `storeBackends()`). */
export interface BackendUnderTest {
  /** For the suite's title; says why when skipped. */
  name: string;
  kind: 'sqlite' | 'postgres';
  /** Whether every `openStore(url)` reaches the same database (false for `sqlite::memory:`). */
  shared: boolean;
  /** Why the suite is skipped, if it is. */
  skip?: string;
  /** In beforeAll: prepares a fresh database and resolves its URL (PostgreSQL: fails with how to install it when it is missing). */
  start(): Promise<string>;
  /** A further fresh database (shared backends only). */
  another(): Promise<string>;
  /** In afterAll: removes what `start` made. */
  stop(): Promise<void>;
}

/** SQLite in memory, SQLite in a temporary file, and a real PostgreSQL; new objects on every call. */
export function storeBackends(): BackendUnderTest[] {
  return [sqliteMemory(), sqliteFile(), postgres()];
}

function sqliteMemory(): BackendUnderTest {
  return {
    name: 'SQLite (:memory:)',
    kind: 'sqlite',
    shared: false,
    start: () => Promise.resolve('sqlite::memory:'),
    another: () => Promise.resolve('sqlite::memory:'),
    stop: () => Promise.resolve(),
  };
}

function sqliteFile(): BackendUnderTest {
  let dir: string | undefined;
  let files = 0;
  const next = () => {
    dir ??= mkdtempSync(join(tmpdir(), 'valkompass-sqlite-'));
    files += 1;
    return Promise.resolve(`sqlite:${join(dir, `classroom-${files}.sqlite`)}`);
  };
  return {
    name: 'SQLite (file)',
    kind: 'sqlite',
    shared: true,
    start: next,
    another: next,
    stop: () => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

function postgres(): BackendUnderTest {
  const setup = postgresSetup();
  let database: PostgresTestDatabase | undefined;
  return {
    name:
      setup.mode === 'skip'
        ? `PostgreSQL (${setup.reason})`
        : setup.mode === 'url'
          ? 'PostgreSQL (VALKOMPASS_PG_URL)'
          : setup.mode === 'cluster'
            ? 'PostgreSQL (throwaway cluster)'
            : 'PostgreSQL (NOT INSTALLED: see the error)',
    kind: 'postgres',
    shared: true,
    ...(setup.mode === 'skip' ? { skip: setup.reason } : {}),
    async start() {
      database = await startPostgresDatabase(setup);
      return database.url;
    },
    another() {
      if (!database) throw new Error('start() first');
      return database.anotherDatabase();
    },
    async stop() {
      await database?.dispose();
    },
  };
}
