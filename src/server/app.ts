/**
 * The classroom service as a Fastify instance: the HTTP contract of
 * src/domain/classroom/http-contract.ts (documented in docs/classroom-api.yaml) over a
 * ClassroomStore, and the static site beside it on the same origin. `buildServer` does not
 * listen; start.ts does.
 *
 * Privacy: the store keeps counters only. Nothing here logs an address, a body, a teacher key or
 * an Authorization header; the rate limiter holds clients only as keyed hashes, in memory.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Compass } from '../domain/bank/types.ts';
import {
  classResult,
  ClassroomError,
  type CloseResponse,
  type CreateSessionResponse,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  makeJoinCode,
  normaliseJoinCode,
  type SessionResponse,
  submissionDelta,
  type SubmissionResponse,
} from '../domain/classroom/index.ts';
import { DEFAULT_LIMITS, DEFAULTS, type RateLimits } from './config.ts';
import { allowedMethods, API_ROUTES } from './http/api-routes.ts';
import { NO_STORE, securityHeaders, staticHeaders } from './http/headers.ts';
import { RoundNews, type RoundState, streamCount } from './http/live-count.ts';
import { clientPseudonym, limitHook } from './http/rate-limits.ts';
import {
  hashTeacherKey,
  makeTeacherKey,
  readTeacherKey,
  teacherKeyMatches,
} from './http/teacher-key.ts';
import { errorBody, type ErrorCode, STATUS } from './messages.ts';
import type { ClassroomStore, Round } from './storage/index.ts';

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
  readonly trustProxy?: boolean | number | string;
  readonly limits?: RateLimits;
  /** The clock (default `() => new Date()`); tests move it to expire rounds. */
  readonly now?: () => Date;
  /** A stream for the minimal request log (method, route, status, ms); default: no log. */
  readonly logStream?: Writable | null;
  /** Milliseconds between the live count's keep-alive comments (default 20 000). */
  readonly heartbeatMs?: number;
  /** Milliseconds between purges of expired rounds (default 10 minutes); 0 turns the timer off. */
  readonly purgeIntervalMs?: number;
}

const KIB = 1024;
/** Request body caps: creating a round and the teacher's calls carry a few bytes, a submission a few kB. */
export const BODY_LIMITS = { small: 1 * KIB, submission: 32 * KIB } as const;
const HOUR_MS = 60 * 60 * 1000;
const CODE_ATTEMPTS = 8;
/** Rounds whose compass is remembered for scoring submissions (a few hundred bytes each). */
const ROUND_CACHE_SIZE = 10_000;
/** A time before any round: `getRound(code, BEFORE_ANY_ROUND)` finds a round even when it has expired. */
const BEFORE_ANY_ROUND = new Date(0);

/** A round looked up by code: missing (never there or removed), expired (still stored) or live. */
type Lookup =
  | { readonly kind: 'missing' }
  | { readonly kind: 'expired'; readonly round: Round }
  | { readonly kind: 'live'; readonly round: Round };

/** Ends a handler with an error response; thrown, it is turned into `{ error, message }` by the error handler. */
class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store, compasses } = options;
  const now = options.now ?? (() => new Date());
  const ttlMs = (options.roundTtlHours ?? DEFAULTS.roundTtlHours) * HOUR_MS;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const staticDir = options.staticDir === undefined ? DEFAULTS.staticDir : options.staticDir;
  const security = securityHeaders({
    frameAncestors: options.frameAncestors ?? DEFAULTS.frameAncestors,
    hsts: options.hsts ?? false,
  });
  const news = new RoundNews();
  const streams = new Set<ServerResponse>();

  const app = Fastify({
    logger: false,
    // Fastify takes a hop count too (proxy-addr), though its types list only the other forms.
    trustProxy: (options.trustProxy ?? false) as boolean | string,
    bodyLimit: BODY_LIMITS.submission,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Fastify answers a URL it cannot decode itself; keep our error shape there too.
    frameworkErrors: (_error, _request, reply) => {
      reply.headers(security);
      void sendError(reply, 'invalid-body');
    },
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
  });

  // Every response, whatever made it: security headers, and no cookie (nothing here sets one).
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(security);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.removeHeader('set-cookie');
    if (isApi(request.url)) reply.header('cache-control', NO_STORE);
    return payload;
  });

  if (options.logStream) {
    const log = options.logStream;
    // Minimal: never the address, the body, headers, the query or the join code.
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? (isApi(request.url) ? '/api/*' : '/*');
      log.write(
        `${JSON.stringify({
          time: now().toISOString(),
          method: request.method,
          route,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        })}\n`,
      );
    });
  }

  // JSON bodies: the default safe parser (prototype poisoning refused), but an empty body is none.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    jsonParser(request, text, (error, value) => {
      if (!error) return done(null, value);
      // Valid JSON refused by the safe parser is a prototype-pollution key (`__proto__`,
      // `constructor.prototype`): the shape is wrong, not the syntax.
      let syntax = true;
      try {
        JSON.parse(text);
        syntax = false;
      } catch {
        // not JSON at all
      }
      done(new HttpError(syntax ? 'invalid-json' : 'invalid-body'), undefined);
    });
  });

  app.setErrorHandler((error: FastifyError | HttpError | Error, request, reply) => {
    if (error instanceof HttpError) {
      reply.headers(error.headers);
      return sendError(reply, error.code);
    }
    if (error instanceof ClassroomError) return sendError(reply, error.code);
    const status = (error as FastifyError).statusCode;
    const code = (error as FastifyError).code;
    if (status === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(reply, 'body-too-large');
    if (status === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendError(reply, 'unsupported-media-type');
    if (error instanceof SyntaxError || code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return sendError(reply, 'invalid-json');
    if (typeof status === 'number' && status >= 400 && status < 500)
      return sendError(reply, 'invalid-body');
    // A fault of ours (e.g. the database is down): reported without the request.
    options.logStream?.write(
      `${JSON.stringify({ time: now().toISOString(), level: 'error', route: request.routeOptions.url, error: String(error) })}\n`,
    );
    return sendError(reply, 'server-error');
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (isApi(path)) {
      const allowed = allowedMethods(path);
      if (allowed) {
        reply.header('allow', allowed.join(', '));
        return sendError(reply, 'method-not-allowed');
      }
      return sendError(reply, 'no-such-endpoint');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      reply.header('allow', 'GET, HEAD');
      return sendError(reply, 'method-not-allowed');
    }
    // A page: its prerendered HTML when the build made one (`/a/b` → `a/b/index.html`), else the
    // app shell (app.html), which renders any page in the browser; a missing hashed asset or
    // data file is a plain 404, never HTML in place of a script.
    if (staticDir === null || /^\/(assets|data)\//.test(path) || path === '/embed.js')
      return sendError(reply, 'no-such-endpoint');
    const page = prerenderedPage(staticDir, path);
    reply.headers(staticHeaders('/index.html'));
    return reply.sendFile(page ?? (existsSync(join(staticDir, SHELL)) ? SHELL : 'index.html'));
  });

  await app.register(fastifyRateLimit, { global: false, cache: 50_000 });

  if (staticDir !== null) {
    await app.register(fastifyStatic, {
      root: resolve(staticDir),
      cacheControl: false,
      dotfiles: 'ignore',
      index: ['index.html'],
      redirect: false,
      setHeaders: (response, path) => {
        const relative = path.slice(resolve(staticDir).length).replaceAll('\\', '/');
        for (const [name, value] of Object.entries(staticHeaders(relative)))
          response.setHeader(name, value);
      },
    });
  }

  const client = clientPseudonym();
  const refuse = (reply: FastifyReply, seconds: number) => {
    reply.header('retry-after', String(seconds));
    return sendError(reply, 'rate-limited');
  };
  const limitCreate = limitHook(app, 'create', limits.createRound, client, refuse);
  const limitSubmit = limitHook(app, 'submit', limits.submit, client, refuse);
  const limitOther = limitHook(app, 'other', limits.other, client, refuse);

  /** The round by code, expired or not. */
  async function lookup(code: string): Promise<Lookup> {
    const round = await store.getRound(code, BEFORE_ANY_ROUND);
    if (!round) return { kind: 'missing' };
    return round.expiresAt.getTime() <= now().getTime()
      ? { kind: 'expired', round }
      : { kind: 'live', round };
  }

  /** The live round, or the error for a missing (404) or expired (410) one. */
  async function liveRound(code: string): Promise<Round> {
    const found = await lookup(code);
    if (found.kind === 'missing') throw new HttpError('not-found');
    if (found.kind === 'expired') throw new HttpError('expired');
    return found.round;
  }

  /** The round's compass as the server has it; a round of another version cannot be scored. */
  function compassOf(round: Round): Compass {
    const compass = compasses.get(round.compass);
    if (!compass || compass.version !== round.version) throw new HttpError('unknown-compass');
    return compass;
  }

  /**
   * The compass of a round by its code, for scoring a submission. A round's compass and version
   * never change, so they are remembered (until the round expires or is deleted here) and a
   * submission needs no read before its transaction; an unknown or expired code is 404/410.
   */
  const roundCompasses = new Map<string, { compass: Compass; expiresAt: number }>();
  async function compassOfCode(code: string): Promise<Compass> {
    const known = roundCompasses.get(code);
    if (known && known.expiresAt > now().getTime()) return known.compass;
    roundCompasses.delete(code);
    const round = await liveRound(code);
    const compass = compassOf(round);
    if (roundCompasses.size >= ROUND_CACHE_SIZE) {
      // Forget the oldest entry (a Map iterates in insertion order).
      roundCompasses.delete(roundCompasses.keys().next().value!);
    }
    roundCompasses.set(code, { compass, expiresAt: round.expiresAt.getTime() });
    return compass;
  }

  /** The teacher's key from the request, checked against the round (401 missing, 403 wrong). */
  function checkTeacher(request: FastifyRequest, round: Round): void {
    const key = readTeacherKey(request.headers.authorization);
    if (key === null) throw new HttpError('missing-teacher-key');
    if (!teacherKeyMatches(key, round.teacherKeyHash)) throw new HttpError('wrong-teacher-key');
  }

  const codeOf = (request: FastifyRequest): string => {
    const code = normaliseJoinCode((request.params as { code?: unknown }).code);
    if (code === null) throw new HttpError('invalid-code');
    return code;
  };

  const registered = new Set<string>();
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/'))
      for (const method of [route.method].flat()) registered.add(`${method} ${route.url}`);
  });

  const api = {
    exposeHeadRoute: false,
    bodyLimit: BODY_LIMITS.small,
    onRequest: limitOther,
  } as const;

  app.get(classroomPath('health'), api, async () => ({ status: 'ok' as const }));

  app.post(
    classroomPath('sessions'),
    { ...api, onRequest: limitCreate },
    async (request, reply): Promise<CreateSessionResponse> => {
      const body = request.body as unknown;
      if (
        typeof body !== 'object' ||
        body === null ||
        Array.isArray(body) ||
        Object.keys(body).join() !== 'compass' ||
        typeof (body as { compass: unknown }).compass !== 'string'
      )
        throw new HttpError('invalid-body');
      const compass = compasses.get((body as { compass: string }).compass);
      if (!compass) throw new HttpError('unknown-compass');
      const teacherKey = makeTeacherKey();
      const createdAt = now();
      const expiresAt = new Date(createdAt.getTime() + ttlMs);
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
        const code = makeJoinCode((n) => randomBytes(n));
        const created = await store.createRound({
          code,
          teacherKeyHash: hashTeacherKey(teacherKey),
          compass: compass.id,
          version: compass.version,
          createdAt,
          expiresAt,
          statementIds: compass.statements.map((s) => s.id),
          partyIds: compass.parties.map((p) => p.id),
        });
        if (created === 'created') {
          reply.code(201);
          return {
            code,
            teacherKey,
            compass: compass.id,
            version: compass.version,
            expiresAt: expiresAt.toISOString(),
          };
        }
      }
      throw new Error(`no free join code in ${CODE_ATTEMPTS} attempts`);
    },
  );

  app.get(classroomPath('session'), api, async (request): Promise<SessionResponse> => {
    const round = await liveRound(codeOf(request));
    return {
      compass: round.compass,
      version: round.version,
      open: round.open,
      submissions: round.submissions,
      expiresAt: round.expiresAt.toISOString(),
    };
  });

  app.post(
    classroomPath('submissions'),
    { ...api, bodyLimit: BODY_LIMITS.submission, onRequest: limitSubmit },
    async (request, reply): Promise<SubmissionResponse> => {
      const code = codeOf(request);
      const key = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
      if (key === undefined || key === '') throw new HttpError('missing-idempotency-key');
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key))
        throw new HttpError('invalid-idempotency-key');
      // Scored here with the engine; a ClassroomError becomes its 400. The store then decides
      // not-found, expired, closed or duplicate inside the submission's own transaction.
      const delta = submissionDelta(await compassOfCode(code), request.body);
      const result = await store.addSubmission(code, key, delta, now());
      switch (result) {
        case 'counted':
          reply.code(201);
          return { status: 'counted' };
        case 'duplicate':
          reply.code(200);
          return { status: 'already-counted' };
        case 'closed':
          throw new HttpError('closed');
        case 'expired':
          throw new HttpError('expired');
        case 'not-found':
          throw new HttpError('not-found');
      }
    },
  );

  app.post(classroomPath('close'), api, async (request): Promise<CloseResponse> => {
    const code = codeOf(request);
    checkTeacher(request, await liveRound(code));
    const result = await store.closeRound(code, now());
    if (result === 'not-found') await liveRound(code); // gone or expired in between: 404/410
    const round = await liveRound(code);
    news.emit(code, { open: false, submissions: round.submissions });
    return { open: false, submissions: round.submissions };
  });

  app.delete(classroomPath('session'), api, async (request, reply) => {
    const code = codeOf(request);
    const found = await lookup(code);
    if (found.kind === 'missing') throw new HttpError('not-found');
    // An expired round that is not purged yet can still be deleted by its teacher.
    checkTeacher(request, found.round);
    await store.deleteRound(code);
    roundCompasses.delete(code);
    news.emit(code, null);
    return reply.code(204).send();
  });

  app.get(classroomPath('results'), api, async (request) => {
    const code = codeOf(request);
    const round = await liveRound(code);
    checkTeacher(request, round);
    if (round.open) throw new HttpError('still-open');
    const counters = await store.readCounters(code, now());
    if (counters === null) {
      await liveRound(code); // expired in between: 410
      throw new HttpError('not-found');
    }
    const result = classResult(compassOf(round), counters, { open: false });
    if ('status' in result) throw new HttpError('still-open');
    return result;
  });

  app.get(classroomPath('events'), api, async (request, reply) => {
    const code = codeOf(request);
    const round = await liveRound(code);
    const again = async (): Promise<RoundState> => {
      const found = await lookup(code);
      return found.kind === 'live'
        ? { open: found.round.open, submissions: found.round.submissions }
        : null;
    };
    await streamCount(request, reply, {
      code,
      initial: { open: round.open, submissions: round.submissions },
      store,
      news,
      lookup: again,
      headers: security,
      heartbeatMs: options.heartbeatMs ?? 20_000,
      streams,
    });
  });

  // Connections that have not carried a request yet: a browser opens one ahead of need. Node
  // does not count them as idle, so closing would wait for its 60 s header timeout on them.
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  app.server.on('request', (request: IncomingMessage) => unused.delete(request.socket));

  // Shutting down: end the live streams (they would keep the server open), close the unused
  // connections, and stop purging. Requests under way are answered first.
  app.addHook('preClose', async () => {
    for (const res of [...streams]) res.end();
    streams.clear();
    for (const socket of unused) socket.destroy();
    unused.clear();
  });

  const purge = () =>
    store.purgeExpired(now()).catch((error: unknown) => {
      options.logStream?.write(
        `${JSON.stringify({ time: now().toISOString(), level: 'error', error: `purge failed: ${String(error)}` })}\n`,
      );
      return 0;
    });
  await purge();
  const purgeEvery = options.purgeIntervalMs ?? 10 * 60 * 1000;
  if (purgeEvery > 0) {
    const timer = setInterval(() => void purge(), purgeEvery);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  app.decorate('apiRoutes', () => [...registered].sort());
  await app.ready();
  const missing = API_ROUTES.filter(({ method, url }) => !registered.has(`${method} ${url}`));
  if (missing.length > 0) throw new Error(`API routes not registered: ${JSON.stringify(missing)}`);
  return app;
}

/** The registered `METHOD /api/path` routes of a server built by `buildServer`. */
export function apiRoutesOf(app: FastifyInstance): string[] {
  return (app as unknown as { apiRoutes: () => string[] }).apiRoutes();
}

function classroomPath(
  name: 'health' | 'sessions' | 'session' | 'submissions' | 'close' | 'results' | 'events',
): string {
  switch (name) {
    case 'health':
      return '/api/health';
    case 'sessions':
      return '/api/sessions';
    case 'session':
      return '/api/sessions/:code';
    default:
      return `/api/sessions/:code/${name}`;
  }
}

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

function sendError(reply: FastifyReply, code: ErrorCode): FastifyReply {
  return reply.code(STATUS[code]).type('application/json; charset=utf-8').send(errorBody(code));
}

/** The app shell the build writes beside the prerendered pages (src/tools/vite-plugin-prerender.ts). */
const SHELL = 'app.html';

/** The prerendered page of a URL path, relative to the site's folder, if the build made one. */
function prerenderedPage(staticDir: string, path: string): string | null {
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
  if (segments.some((s) => s === '..' || s === '.' || s.includes('/') || s.includes('\\')))
    return null;
  const file = [...segments, 'index.html'].join('/');
  const full = join(staticDir, file);
  return existsSync(full) && statSync(full).isFile() ? file : null;
}
