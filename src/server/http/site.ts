/**
 * The built site beside the API, on the same origin: its files with their cache and CORS headers
 * (headers.ts), each page's prerendered HTML at its address, the app shell for every other app
 * route, and the answer for an address nothing matched (errors.ts for the API's).
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { apiNotFound, isApi, sendError } from './errors.ts';
import { staticHeaders } from './headers.ts';

/** The app shell the build writes beside the prerendered pages (src/tools/vite-plugin-prerender.ts). */
const SHELL = 'app.html';

/**
 * Serves `staticDir` (null: no files, API only) and answers every unmatched request; on an API
 * path with the methods `methodsOn` gives (the server's routes, known once all are registered).
 */
export async function registerSite(
  app: FastifyInstance,
  staticDir: string | null,
  methodsOn?: (path: string) => string[] | null,
): Promise<void> {
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (isApi(path)) return apiNotFound(request, reply, methodsOn);
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
  if (staticDir === null) return;
  const root = resolve(staticDir);
  await app.register(fastifyStatic, {
    root,
    cacheControl: false,
    dotfiles: 'ignore',
    index: ['index.html'],
    redirect: false,
    setHeaders: (response, path) => {
      const relative = path.slice(root.length).replaceAll('\\', '/');
      for (const [name, value] of Object.entries(staticHeaders(relative)))
        response.setHeader(name, value);
    },
  });
}

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
