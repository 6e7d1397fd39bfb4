/**
 * The classroom service as a Fastify instance: the HTTP contract of
 * src/domain/classroom/http-contract.ts (documented in docs/classroom-api.yaml) over a
 * ClassroomStore, and the static site beside it on the same origin. `buildServer` assembles the
 * parts and does not listen; start.ts does. The parts: rounds.ts (what the API does), one plugin
 * per resource in http/ (health, sessions, submissions, results, events) registering its routes
 * from the one table (http/api-routes.ts) with their schemas (http/schemas.ts), http/site.ts (the
 * files and pages), http/limits.ts (rate limits, caps and timeouts), http/errors.ts and
 * http/lifecycle.ts.
 *
 * Privacy: the store keeps counters only. Nothing here logs an address, a body, a teacher key or
 * an Authorization header; the rate limiter holds clients only as keyed hashes, in memory.
 */
import type { ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Compass } from '../domain/bank/types.ts';
import { type Caps, DEFAULT_CAPS, DEFAULT_LIMITS, DEFAULTS, type RateLimits } from './config.ts';
import type { ApiContext } from './http/api.ts';
import { BODY_LIMITS } from './http/api.ts';
import { API_ROUTES, trackApiRoutes } from './http/api-routes.ts';
import { handleErrors, parseJsonBodies, undecodableUrl } from './http/errors.ts';
import { events } from './http/events.ts';
import { securityHeaders } from './http/headers.ts';
import { health } from './http/health.ts';
import { closeCleanly, everyResponse, purgeExpired, requestLog } from './http/lifecycle.ts';
import { clientLimits, requestTimeouts } from './http/limits.ts';
import { trustedProxies } from './http/rate-limits.ts';
import { results } from './http/results.ts';
import { sessions } from './http/sessions.ts';
import { registerSite } from './http/site.ts';
import { submissions } from './http/submissions.ts';
import { published, type PublishedOptions } from './published/plugin.ts';
import { RoundService } from './rounds.ts';
import type { ClassroomStore } from './storage/index.ts';
import { workbench, type WorkbenchOptions } from './workbench/plugin.ts';

export { BODY_LIMITS };

export interface ServerOptions {
  /** The open store (the caller closes it after the server). */
  readonly store: ClassroomStore;
  /** The compasses rounds can be started with, by id (load them with `loadCompasses`). */
  readonly compasses: ReadonlyMap<string, Compass>;
  /** The built site to serve (default `dist`); null serves no static files (API only). */
  readonly staticDir?: string | null;
  /** How long a round lives (hours, default 24). */
  readonly roundTtlHours?: number;
  readonly frameAncestors?: string;
  readonly hsts?: boolean;
  readonly trustProxy?: false | number | string;
  readonly limits?: RateLimits;
  /** Submissions per round and per client and round, live streams, request timeout (default `DEFAULT_CAPS`). */
  readonly caps?: Partial<Caps>;
  /** The clock (default `() => new Date()`); tests move it to expire rounds. */
  readonly now?: () => Date;
  /** A stream for the minimal request log (method, route, status, ms); default: no log. */
  readonly logStream?: Writable | null;
  /** Milliseconds between the live count's keep-alive comments (default 20 000). */
  readonly heartbeatMs?: number;
  /** Milliseconds between purges of expired rounds (default 10 minutes); 0 turns the timer off. */
  readonly purgeIntervalMs?: number;
  /** The newsroom's workbench (its routes under /api/workspaces); none: the site has no workbench. */
  readonly workbench?: WorkbenchOptions;
  /** Compasses published from the workbench (`/data/<id>.json`, `/api/compasses`); none: only built ones. */
  readonly published?: Omit<PublishedOptions, 'staticDir'>;
}

/** The resource plugins of the API; together with events they register every route of the table. */
const RESOURCES = [health, sessions, submissions, results];

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const log = options.logStream ?? null;
  const headers = {
    frameAncestors: options.frameAncestors ?? DEFAULTS.frameAncestors,
    hsts: options.hsts ?? false,
  };
  const security = securityHeaders(headers);
  const caps = { ...DEFAULT_CAPS, ...options.caps };
  const app = Fastify({
    logger: false,
    ...requestTimeouts(caps.requestTimeoutMs),
    trustProxy: trustedProxies(options.trustProxy ?? false),
    bodyLimit: BODY_LIMITS.submission,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Fastify answers a URL it cannot decode itself; keep our error shape there too.
    frameworkErrors: (_error, request, reply) => {
      reply.headers(security);
      void undecodableUrl(request, reply);
    },
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    // The schemas check, they never change a request: no coercion, no removal, no defaults.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
  });

  everyResponse(app, headers);
  if (log) requestLog(app, log, now);
  parseJsonBodies(app);
  handleErrors(app, log, now);
  await app.register(fastifyRateLimit, { global: false, cache: 50_000 });
  const staticDir = options.staticDir === undefined ? DEFAULTS.staticDir : options.staticDir;
  const api = trackApiRoutes(app);
  await registerSite(app, staticDir, api.methodsOn);
  const rounds = new RoundService({
    store: options.store,
    compasses: options.compasses,
    roundTtlHours: options.roundTtlHours ?? DEFAULTS.roundTtlHours,
    maxSubmissionsPerRound: caps.submissionsPerRound,
    now,
  });
  const streams = new Set<ServerResponse>();
  const ttlMs = (options.roundTtlHours ?? DEFAULTS.roundTtlHours) * 60 * 60 * 1000;
  const limits = clientLimits(app, options.limits ?? DEFAULT_LIMITS, caps, ttlMs, now);
  const context: ApiContext = {
    rounds,
    limit: limits.hooks,
    live: { headers: security, heartbeatMs: options.heartbeatMs ?? 20_000, streams },
  };
  for (const resource of RESOURCES) await app.register(resource, context);
  await app.register(events, { ...context, seats: limits.seats, client: limits.client });
  const { create, other } = limits.hooks;
  if (options.workbench)
    await app.register(workbench, { limit: { create, other }, ...options.workbench });
  if (options.published) await app.register(published, { ...options.published, staticDir });

  closeCleanly(app, streams);
  await purgeExpired(app, rounds, options.purgeIntervalMs ?? 10 * 60 * 1000, log, now);
  app.decorate('apiRoutes', () => [...api.registered].sort());
  await app.ready();
  const missing = API_ROUTES.filter(({ method, url }) => !api.registered.has(`${method} ${url}`));
  if (missing.length > 0) throw new Error(`API routes not registered: ${JSON.stringify(missing)}`);
  return app;
}

/** The registered `METHOD /api/path` routes of a server built by `buildServer`. */
export function apiRoutesOf(app: FastifyInstance): string[] {
  return (app as unknown as { apiRoutes: () => string[] }).apiRoutes();
}
