/**
 * A real PostgreSQL database for tests, one per test file, and for the classroom benchmark
 * (bench-classroom.ts). It lives in src/tools rather than with the test helpers in src/test
 * because the benchmark, a tool, uses it too, and only tests may import src/test.
 *
 * - `VALKOMPASS_SKIP_POSTGRES=1`: the PostgreSQL tests are skipped (visibly: `describe.skip`, with
 *   the reason in the suite's name).
 * - `VALKOMPASS_PG_URL=postgres://user@host:port/db`: a running server; each test file creates a
 *   database of its own there (the user needs CREATEDB) and drops it afterwards.
 * - Otherwise: a throwaway cluster. `initdb` into a fresh temporary folder, `pg_ctl start` on a
 *   free port on 127.0.0.1 with its unix socket in that folder (as the `postgres` user when the
 *   tests run as root, since PostgreSQL refuses to run as root), trust authentication, fsync off
 *   (nothing in it needs to survive). A watchdog stops it if the test process dies without
 *   cleaning up; `dispose()` drops the database, stops the cluster and removes the folder.
 *   `{ durable: true }` (the benchmark) keeps PostgreSQL's production settings instead: fsync,
 *   synchronous_commit and full_page_writes on, shared_buffers at Debian's 128 MB.
 * - No binaries and none of the above: `start` fails with how to install PostgreSQL.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export type PostgresSetup =
  | { mode: 'url'; adminUrl: string }
  | { mode: 'cluster'; binDir: string }
  | { mode: 'skip'; reason: string }
  | { mode: 'missing'; message: string };

export interface PostgresTestDatabase {
  /** A URL to a fresh, empty database for this test file. */
  url: string;
  /** Creates one more empty database on the same server (dropped by `dispose`) and resolves its URL. */
  anotherDatabase(): Promise<string>;
  /** Drops the databases; stops and removes the throwaway cluster, if one was started. */
  dispose(): Promise<void>;
}

const INSTALL_HINT = [
  'PostgreSQL is needed for the PostgreSQL half of the classroom storage tests, but no PostgreSQL',
  'server binaries (initdb, pg_ctl) were found in /usr/lib/postgresql/<version>/bin or on PATH.',
  'Install them: `sudo apt-get install -y postgresql` on Debian/Ubuntu (.ci/run does this in CI;',
  'the tests start and stop their own throwaway server, nothing needs to be running),',
  'or set VALKOMPASS_PG_BIN to the folder that holds initdb and pg_ctl,',
  'or set VALKOMPASS_PG_URL=postgres://user@host:5432/postgres to use a running server (the user',
  'needs CREATEDB), or set VALKOMPASS_SKIP_POSTGRES=1 to skip these tests.',
].join('\n');

/** Decides, without side effects, how this run gets its PostgreSQL. */
export function postgresSetup(env: NodeJS.ProcessEnv = process.env): PostgresSetup {
  if (env.VALKOMPASS_SKIP_POSTGRES === '1') {
    return { mode: 'skip', reason: 'skipped: VALKOMPASS_SKIP_POSTGRES=1' };
  }
  const adminUrl = env.VALKOMPASS_PG_URL?.trim();
  if (adminUrl) return { mode: 'url', adminUrl };
  const binDir = findBinDir(env);
  if (binDir) return { mode: 'cluster', binDir };
  return { mode: 'missing', message: INSTALL_HINT };
}

function hasServerBinaries(dir: string): boolean {
  return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
}

function findBinDir(env: NodeJS.ProcessEnv): string | undefined {
  if (env.VALKOMPASS_PG_BIN)
    return hasServerBinaries(env.VALKOMPASS_PG_BIN) ? env.VALKOMPASS_PG_BIN : undefined;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const dir = join(debian, version, 'bin');
      if (hasServerBinaries(dir)) return dir;
    }
  }
  return (env.PATH ?? '').split(delimiter).find((dir) => dir !== '' && hasServerBinaries(dir));
}

/** Starts what `setup` calls for and creates a uniquely named database; call `dispose()` in afterAll. */
export async function startPostgresDatabase(
  setup: PostgresSetup = postgresSetup(),
  options: ClusterOptions = {},
): Promise<PostgresTestDatabase> {
  switch (setup.mode) {
    case 'skip':
      throw new Error(`PostgreSQL tests are ${setup.reason}; do not start a database.`);
    case 'missing':
      throw new Error(setup.message);
    case 'url':
      return createDatabase(setup.adminUrl, async () => undefined);
    case 'cluster': {
      const cluster = await startCluster(setup.binDir, options);
      try {
        return await createDatabase(cluster.adminUrl, () => cluster.stop());
      } catch (error) {
        await cluster.stop();
        throw error;
      }
    }
  }
}

async function createDatabase(
  adminUrl: string,
  after: () => Promise<void>,
): Promise<PostgresTestDatabase> {
  const names: string[] = [];
  const create = async () => {
    const name = `valkompass_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    names.push(name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const url = await create();
  let disposed = false;
  return {
    url,
    anotherDatabase: create,
    async dispose() {
      if (disposed) return;
      disposed = true;
      try {
        await withClient(adminUrl, async (client) => {
          for (const name of names)
            await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        });
      } finally {
        await after();
      }
    },
  };
}

async function withClient<T>(url: string, task: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface ClusterOptions {
  /**
   * A throwaway cluster with PostgreSQL's durable defaults (fsync, synchronous_commit and
   * full_page_writes on; shared_buffers 128 MB) rather than the tests' fast, non-durable ones:
   * for measurements that must reflect production. No effect with VALKOMPASS_PG_URL.
   */
  readonly durable?: boolean;
}

/** A throwaway PostgreSQL server: the URL of its `postgres` database, and how to stop it. */
export interface Cluster {
  adminUrl: string;
  stop(): Promise<void>;
}

/** Runs a PostgreSQL binary as the user that may run it: `postgres` when we are root, else ourselves. */
function runAs(): { prefix: string[]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    throw new Error(
      "The tests run as root, and PostgreSQL refuses to run as root, but there is no `postgres` user to run it as. Install Debian's postgresql package (it creates the user), run the tests as another user, or set VALKOMPASS_PG_URL.",
    );
  }
  return { prefix: ['runuser', '-u', 'postgres', '--'], uid, gid };
}

function run(command: string[], what: string): void {
  const [file, ...args] = command;
  try {
    execFileSync(file!, args, { stdio: 'pipe', encoding: 'utf8', timeout: 60_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`PostgreSQL for tests: ${what} failed:\n${stderr ?? ''}${stdout ?? ''}`, {
      cause: error,
    });
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts a throwaway cluster (see the top of this file). The unit tests start one for the whole run
 * (tests/global-setup.ts) and hand it to every test file as VALKOMPASS_PG_URL.
 */
export async function startCluster(binDir: string, options: ClusterOptions = {}): Promise<Cluster> {
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'valkompass-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const pgCtl = join(binDir, 'pg_ctl');
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  let watchdog: ReturnType<typeof spawn> | undefined;
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    run(
      [
        ...user.prefix,
        join(binDir, 'initdb'),
        '-D',
        data,
        '-U',
        'postgres',
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
      ],
      'initdb',
    );
    // If the test process dies without cleaning up, stop the server and remove its folder.
    watchdog = spawn(
      'sh',
      [
        '-c',
        'while kill -0 "$1" 2>/dev/null; do sleep 1; done; shift; "$@" >/dev/null 2>&1; rm -rf "$DIR"',
        'watchdog',
        String(process.pid),
        ...user.prefix,
        pgCtl,
        '-D',
        data,
        '-m',
        'immediate',
        'stop',
      ],
      { detached: true, stdio: 'ignore', env: { ...process.env, DIR: dir } },
    );
    watchdog.unref();

    let adminUrl: string | undefined;
    for (let attempt = 1; adminUrl === undefined; attempt += 1) {
      const port = await freePort();
      appendFileSync(
        join(data, 'postgresql.conf'),
        [
          '',
          '# valkompass tests: a throwaway server on 127.0.0.1 only',
          "listen_addresses = '127.0.0.1'",
          `port = ${port}`,
          `unix_socket_directories = '${dir}'`,
          ...(options.durable
            ? [
                'fsync = on',
                'synchronous_commit = on',
                'full_page_writes = on',
                "shared_buffers = '128MB'",
              ]
            : [
                'fsync = off',
                'synchronous_commit = off',
                'full_page_writes = off',
                "shared_buffers = '32MB'",
              ]),
          'max_connections = 100',
          '',
        ].join('\n'),
      );
      try {
        run(
          [...user.prefix, pgCtl, '-D', data, '-l', log, '-w', '-t', '60', 'start'],
          'pg_ctl start',
        );
        adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
      } catch (error) {
        const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
        // Another process took the port between our probe and the start: try another one.
        if (attempt < 3 && /could not bind|address already in use/i.test(serverLog)) continue;
        throw new Error(`${(error as Error).message}\nserver log:\n${serverLog}`, { cause: error });
      }
    }
    const startedWatchdog = watchdog;
    return {
      adminUrl,
      async stop() {
        try {
          run([...user.prefix, pgCtl, '-D', data, '-m', 'fast', '-w', 'stop'], 'pg_ctl stop');
        } finally {
          stopWatchdog(startedWatchdog);
          remove();
        }
      },
    };
  } catch (error) {
    if (existsSync(join(data, 'postmaster.pid'))) {
      try {
        run([...user.prefix, pgCtl, '-D', data, '-m', 'immediate', 'stop'], 'pg_ctl stop');
      } catch {
        // Reported through the original error below.
      }
    }
    if (watchdog) stopWatchdog(watchdog);
    remove();
    throw error;
  }
}

/** Ends the watchdog we spawned (its own process group: the shell and its `sleep`). */
function stopWatchdog(watchdog: ReturnType<typeof spawn>): void {
  if (watchdog.pid === undefined || watchdog.exitCode !== null) return;
  try {
    process.kill(-watchdog.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}
