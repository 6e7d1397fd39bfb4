/**
 * Starts the service: opens the store, loads the compasses from the built site, builds the
 * server and listens. Used by main.ts, the tests, the end-to-end tests and the benchmark.
 */
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Compass } from '../domain/bank/types.ts';
import { buildServer } from './app.ts';
import { loadCompasses } from './compasses.ts';
import { type Caps, DEFAULT_LIMITS, DEFAULTS, type RateLimits } from './config.ts';
import { builtIdsOf, openPublishedStore } from './published/open.ts';
import type { PublishedStore } from './published/store.ts';
import { type ClassroomStore, openStore } from './storage/index.ts';
import { openWorkbenchStore } from './workbench/open.ts';
import { WorkbenchService } from './workbench/service.ts';
import type { WorkbenchStore } from './workbench/types.ts';

export interface StartOptions {
  /** The built site (default `dist`); its `data/*.json` are the compasses; null: API only. */
  readonly staticDir?: string | null;
  /** `sqlite:<path>`, `sqlite::memory:` or `postgres://…` (default `sqlite:data/classroom.sqlite`). */
  readonly databaseUrl?: string;
  /** 0 picks a free port (default). */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  readonly limits?: RateLimits;
  /** Submissions per client and round, live streams, request timeout (default `DEFAULT_CAPS`). */
  readonly caps?: Partial<Caps>;
  /** Round lifetime in hours (default 24). */
  readonly roundTtlHours?: number;
  readonly now?: () => Date;
  readonly frameAncestors?: string;
  readonly hsts?: boolean;
  readonly trustProxy?: false | number | string;
  readonly logStream?: Writable | null;
  readonly heartbeatMs?: number;
  readonly purgeIntervalMs?: number;
  /** Compasses to use instead of `<staticDir>/data/*.json`. */
  readonly compasses?: ReadonlyMap<string, Compass>;
}

export interface RunningServer {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly store: ClassroomStore;
  /** Stops listening, ends the live streams, closes the store. Idempotent. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const staticDir = options.staticDir === undefined ? DEFAULTS.staticDir : options.staticDir;
  const databaseUrl = options.databaseUrl ?? DEFAULTS.databaseUrl;
  const store = await openStore(databaseUrl);
  const compasses =
    options.compasses ?? (staticDir === null ? new Map() : loadCompasses(staticDir));
  let app: FastifyInstance;
  let publishedStore: PublishedStore | undefined;
  let workbenchStore: WorkbenchStore | undefined;
  const closeStores = async () => {
    await workbenchStore?.close();
    await publishedStore?.close();
    await store.close();
  };
  const log = options.logStream ? { log: options.logStream } : {};
  try {
    // After the classroom store: on SQLite its open runs the migrations under its file lock.
    publishedStore = await openPublishedStore(databaseUrl, {
      builtIds: [...builtIdsOf(staticDir), ...compasses.keys()],
    });
    workbenchStore = await openWorkbenchStore(databaseUrl);
    const workbench = new WorkbenchService(workbenchStore, {
      publisher: publishedStore,
      ...(options.now ? { now: options.now } : {}),
    });
    app = await buildServer({
      store,
      compasses,
      staticDir,
      limits: options.limits ?? DEFAULT_LIMITS,
      ...(options.caps ? { caps: options.caps } : {}),
      roundTtlHours: options.roundTtlHours ?? DEFAULTS.roundTtlHours,
      ...(options.now ? { now: options.now } : {}),
      frameAncestors: options.frameAncestors ?? DEFAULTS.frameAncestors,
      hsts: options.hsts ?? false,
      trustProxy: options.trustProxy ?? false,
      logStream: options.logStream ?? null,
      ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
      ...(options.purgeIntervalMs !== undefined
        ? { purgeIntervalMs: options.purgeIntervalMs }
        : {}),
      published: { store: publishedStore, ...log },
      workbench: { service: workbench, ...log },
    });
  } catch (error) {
    await closeStores();
    throw error;
  }
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    await app.close();
    await closeStores();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shown}:${port}`,
    app,
    store,
    close: () =>
      (closing ??= (async () => {
        try {
          await app.close();
        } finally {
          await closeStores();
        }
      })()),
  };
}
