/**
 * The published compasses' public routes as one Fastify plugin, `published`:
 *
 * - `GET /api/compasses?q=&offset=`: the list (`PublishedList`), 50 a page, by title.
 * - `GET /data/<id>.json`: the latest version's open data; `/data/<id>-programmes.json` its
 *   programme texts. `Cache-Control: no-cache` with an ETag: a browser asks again each time and
 *   gets 304 until a new version is published, which is then live at once.
 * - `GET /data/<id>@<n>.json`, `/data/<id>@<n>-programmes.json`: version n, cached for a year
 *   (`immutable`): a version never changes.
 *
 * Everything else under `/data/` (a compass the site was built with, its CSV, method and schema
 * files, an id nobody published) falls through to the built site's file, served by the site's
 * static plugin exactly as before (`reply.sendFile`, headers.ts's `staticHeaders`), or to its
 * not-found answer (404 JSON). Register it after the site (http/site.ts's `registerSite`). The
 * server's own hooks add the security headers; CORS is open (`*`) as for the site's data files.
 */
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { IMMUTABLE, NO_CACHE } from '../http/headers.ts';
import { FileCache } from './file-cache.ts';
import { PUBLISHED_STATUS, publishedErrorBody, type PublishedErrorCode } from './messages.ts';
import {
  COMPASS_ID,
  type PublishedHead,
  type PublishedPart,
  type PublishedStore,
} from './store.ts';

export interface PublishedOptions {
  readonly store: PublishedStore;
  /** The built site (its `data/` files are served for what is not published); null: none. */
  readonly staticDir: string | null;
  /** Where a fault of the service is written (one JSON line, without the request); none by default. */
  readonly log?: { write(line: string): unknown };
}

/** The routes, `METHOD /path` as Fastify writes them (openapi.test.ts checks the docs against it). */
export const PUBLISHED_ROUTES = ['GET /api/compasses', 'GET /data/:file'] as const;

/** `GET /api/compasses`'s query: each parameter at most once (twice is an array, refused). */
export const ListQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200 },
    offset: { type: 'string', pattern: '^(0|[1-9][0-9]{0,5})$' },
  },
} as const;

const JSON_TYPE = 'application/json; charset=utf-8';

/** Characters of published files each process keeps in memory (about 64 MB of UTF-16 at most). */
const CACHE_CHARS = 32 * 1024 * 1024;

/** What a `/data/` file name asks for, or null when it is not a published compass's file name. */
export function parseDataFile(
  file: string,
): { id: string; version: number | null; part: PublishedPart } | null {
  const match = /^(.+?)(?:@([1-9][0-9]{0,8}))?(-programmes)?\.json$/.exec(file);
  if (!match) return null;
  const [, id, version, programmes] = match as unknown as [string, string, string?, string?];
  if (!COMPASS_ID.test(id)) return null;
  return {
    id,
    version: version === undefined ? null : Number(version),
    part: programmes === undefined ? 'data' : 'programmes',
  };
}

export const published: FastifyPluginAsync<PublishedOptions> = async (app, options) => {
  const { store, staticDir } = options;
  const cache = new FileCache(CACHE_CHARS);
  answerErrors(app, options.log);

  // Like every API route, not for caches or link checkers: no HEAD (a data file has one).
  app.get(
    '/api/compasses',
    { schema: { querystring: ListQuery }, exposeHeadRoute: false },
    async (request, reply) => {
      const { q = '', offset = '0' } = request.query as { q?: string; offset?: string };
      reply.header('access-control-allow-origin', '*');
      return store.list(q, Number(offset));
    },
  );

  app.get('/data/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const asked = parseDataFile(file);
    if (asked === null || store.builtIds.has(asked.id)) return builtFile(reply, staticDir, file);
    const ifNoneMatch = request.headers['if-none-match'];
    if (asked.version === null) {
      // The latest: its number first (a small read), then 304, or the text (from memory when
      // this process has read that version before).
      const head = await store.head(asked.id);
      if (!head) return builtFile(reply, staticDir, file);
      const suffix = asked.part === 'data' ? '' : '-programmes';
      cacheHeaders(reply, head, NO_CACHE, `/data/${asked.id}@${head.version}${suffix}.json`);
      if (matches(ifNoneMatch, etagOf(head))) return reply.code(304).send();
      const key = `${asked.id}@${head.version}@${head.publishedAt}${suffix}`;
      let text = cache.get(key);
      if (text === undefined) {
        const found = await store.version(asked.id, head.version, asked.part);
        if (!found) throw new Error(`published: ${key} is the latest but cannot be read`);
        text = found.text;
        cache.set(key, text);
      }
      return reply.type(JSON_TYPE).send(text);
    }
    const found = await store.version(asked.id, asked.version, asked.part);
    if (found) {
      cacheHeaders(reply, found, IMMUTABLE);
      if (matches(ifNoneMatch, etagOf(found))) return reply.code(304).send();
      return reply.type(JSON_TYPE).send(found.text);
    }
    // A version that does not exist of a compass that does: say so; of one that does not, the
    // site answers as for any file it lacks.
    if ((await store.head(asked.id)) === null) return builtFile(reply, staticDir, file);
    reply.header('cache-control', NO_CACHE);
    return sendCode(reply, 'no-such-version');
  });
};

/** The built site's file, as its static plugin serves it, or the site's not-found answer. */
function builtFile(reply: FastifyReply, staticDir: string | null, file: string): FastifyReply {
  if (staticDir !== null && !/[/\\]/.test(file) && !file.startsWith('.'))
    return reply.sendFile(`data/${file}`);
  reply.callNotFound();
  return reply;
}

/** A published file's cache, CORS and validator headers (its number in Content-Location for the latest). */
function cacheHeaders(
  reply: FastifyReply,
  head: PublishedHead,
  cacheControl: string,
  contentLocation?: string,
): void {
  reply.headers({
    'cache-control': cacheControl,
    'access-control-allow-origin': '*',
    etag: etagOf(head),
    ...(contentLocation === undefined ? {} : { 'content-location': contentLocation }),
  });
}

/** A version's ETag: versions are immutable, so a version and its time of publishing name its bytes. */
function etagOf(head: PublishedHead): string {
  return `"${head.version}-${head.publishedAt.toString(36)}"`;
}

/** Whether an If-None-Match header names this ETag (weakly, as RFC 9110 compares for it) or is `*`. */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

function sendCode(reply: FastifyReply, code: PublishedErrorCode): FastifyReply {
  return reply.code(PUBLISHED_STATUS[code]).type(JSON_TYPE).send(publishedErrorBody(code));
}

/** The plugin's error handler: a failed query check is 400, anything else a fault of ours. */
function answerErrors(app: FastifyInstance, log: PublishedOptions['log']): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const { statusCode: status, validation } = error as FastifyError;
    if (validation || (typeof status === 'number' && status >= 400 && status < 500))
      return sendCode(reply, 'invalid-query');
    log?.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: 'error', route: request.routeOptions.url, error: String(error) })}\n`,
    );
    return sendCode(reply, 'server-error');
  });
}
