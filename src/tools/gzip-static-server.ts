import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The file served for a path that names no file: the app shell when the build has one. */
const SHELL_CANDIDATES = ['app.html', 'index.html'] as const;

/** Hashed build output: safe to keep for a year, as a CDN would. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (pages, data, embed.js): revalidate on every visit. */
const REVALIDATE = 'no-cache';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Types worth compressing; images and fonts are compressed already. */
const isText = (type: string): boolean =>
  /^text\/|^application\/(json|manifest\+json|xml)|^image\/svg\+xml/.test(type);

/** A running static host. */
export interface StaticServer {
  /** The origin, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly origin: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

interface Body {
  readonly raw: Buffer;
  /** gzip level 9, as `src/tools/size-budget.ts` measures; null for binary types. */
  readonly gzip: Buffer | null;
  readonly type: string;
}

/**
 * Serves a built site from `root` on 127.0.0.1 (port 0 = a free one) the way a CDN in front of
 * `dist/` would: gzip for text when the request's Accept-Encoding allows it, `<path>/index.html`
 * for a directory, the app shell (`app.html`, else `index.html`) for any other path that does not
 * look like a file, a plain 404 for a missing file (never HTML in place of a script), and long
 * cache headers for `/assets/`. Compressed bodies are kept in memory, so a benchmark measures the
 * page and not this server's CPU. GET and HEAD only.
 */
export async function startGzipStaticServer(root: string, port = 0): Promise<StaticServer> {
  const base = resolve(root);
  const cache = new Map<string, Body>();

  const load = async (file: string): Promise<Body> => {
    const cached = cache.get(file);
    if (cached) return cached;
    const raw = await readFile(file);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const body = { raw, type, gzip: isText(type) ? gzipSync(raw, { level: 9 }) : null };
    cache.set(file, body);
    return body;
  };

  const isFile = async (file: string): Promise<boolean> => {
    try {
      return (await stat(file)).isFile();
    } catch {
      return false;
    }
  };

  /** The file for a URL path, or null for a 404. */
  const resolvePath = async (pathname: string): Promise<string | null> => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null;
    }
    const target = normalize(join(base, decoded));
    // Anything that climbs out of the site (`/../`) is simply not there.
    if (target !== base && !target.startsWith(base + sep)) return null;
    if (!decoded.endsWith('/') && (await isFile(target))) return target;
    const index = join(target, 'index.html');
    if (await isFile(index)) return index;
    // A path that looks like a file (`/assets/x.js`, `/embed.js`) is missing, not a route.
    if (/^\/(assets|data)\//.test(decoded) || extname(decoded) !== '') return null;
    for (const shell of SHELL_CANDIDATES) {
      const file = join(base, shell);
      if (await isFile(file)) return file;
    }
    return null;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = await resolvePath(pathname);
    if (file === null) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const body = await load(file);
    const gzip = body.gzip !== null && acceptsGzip(request.headers['accept-encoding']);
    const payload = gzip ? body.gzip! : body.raw;
    response.writeHead(200, {
      'content-type': body.type,
      'content-length': payload.length,
      'cache-control': pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      ...(body.gzip !== null ? { vary: 'accept-encoding' } : {}),
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : payload);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Whether an Accept-Encoding header allows gzip (`gzip`, `gzip;q=0.5`, `*`; not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
