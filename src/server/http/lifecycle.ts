/**
 * What the service does around its requests: the security headers and no cookies on every
 * response, the minimal request log, the purge of expired rounds, and a clean shutdown.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { RoundService } from '../rounds.ts';
import { isApi } from './errors.ts';
import {
  CLASSROOM_FRAME_ANCESTORS,
  type HeaderOptions,
  isClassroomPage,
  NO_STORE,
  securityHeaders,
} from './headers.ts';

/**
 * Every response, whatever made it: security headers (the classroom pages' own frame-ancestors,
 * headers.ts), `no-store` on the API, and no cookie.
 */
export function everyResponse(app: FastifyInstance, options: HeaderOptions): void {
  const security = securityHeaders(options);
  const classroom = securityHeaders({ ...options, frameAncestors: CLASSROOM_FRAME_ANCESTORS });
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(isClassroomPage(request.url.split('?')[0]!) ? classroom : security);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.removeHeader('set-cookie');
    if (isApi(request.url)) reply.header('cache-control', NO_STORE);
    return payload;
  });
}

/** One line per request: time, method, route pattern, status, ms; never the address, the body, headers, the query or the join code. */
export function requestLog(app: FastifyInstance, log: Writable, now: () => Date): void {
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

/** Purges expired rounds now and every `everyMs` (0: only now); a failure is logged, not thrown. */
export async function purgeExpired(
  app: FastifyInstance,
  rounds: RoundService,
  everyMs: number,
  log: Writable | null,
  now: () => Date,
): Promise<void> {
  const purge = () =>
    rounds.purge().catch((error: unknown) => {
      log?.write(
        `${JSON.stringify({ time: now().toISOString(), level: 'error', error: `purge failed: ${String(error)}` })}\n`,
      );
      return 0;
    });
  await purge();
  if (everyMs <= 0) return;
  const timer = setInterval(() => void purge(), everyMs);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/**
 * Shutting down: end the live streams (they would keep the server open) and close the
 * connections that have not carried a request yet (a browser opens one ahead of need; Node does
 * not count them as idle, so closing would wait for its 60 s header timeout on them). Requests
 * under way are answered first.
 */
export function closeCleanly(app: FastifyInstance, streams: Set<ServerResponse>): void {
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  app.server.on('request', (request: IncomingMessage) => unused.delete(request.socket));
  app.addHook('preClose', async () => {
    for (const res of [...streams]) res.end();
    streams.clear();
    for (const socket of unused) socket.destroy();
    unused.clear();
  });
}
