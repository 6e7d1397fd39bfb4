/**
 * The live count (`GET /api/sessions/{code}/events`, Server-Sent Events): `event: count` with
 * `{"submissions": n, "open": bool}` on connect, after every counted submission (from the store's
 * `onSubmission`, which on PostgreSQL also hears other processes) and when the round closes; a
 * comment line every 20 s keeps proxies from closing the stream, and at the same time the round is
 * looked up again, so a close or delete made through another process reaches the stream too.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COUNT_EVENT, type CountEvent } from '../../domain/classroom/index.ts';
import type { ClassroomStore } from '../storage/index.ts';

/** What the stream needs to know about its round when it looks again. */
export type RoundState = { open: boolean; submissions: number } | null;

/** In-process news of rounds closed or deleted through this process, for their open streams. */
export class RoundNews {
  readonly #listeners = new Map<string, Set<(state: RoundState) => void>>();

  on(code: string, listener: (state: RoundState) => void): () => void {
    let set = this.#listeners.get(code);
    if (!set) this.#listeners.set(code, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(code) === set) this.#listeners.delete(code);
    };
  }

  emit(code: string, state: RoundState): void {
    for (const listener of [...(this.#listeners.get(code) ?? [])]) listener(state);
  }
}

export interface StreamOptions {
  readonly code: string;
  readonly initial: { open: boolean; submissions: number };
  readonly store: ClassroomStore;
  readonly news: RoundNews;
  /** Looks the round up again (null: gone or expired). */
  readonly lookup: () => Promise<RoundState>;
  readonly headers: Record<string, string>;
  readonly heartbeatMs: number;
  /** Every open stream, so that shutting down can end them. */
  readonly streams: Set<ServerResponse>;
}

export async function streamCount(
  request: FastifyRequest,
  reply: FastifyReply,
  options: StreamOptions,
): Promise<void> {
  const { code, store, news, streams } = options;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    ...options.headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  streams.add(res);

  let last: CountEvent | undefined;
  /** Sends the count unless it says nothing new; it never goes back, and a closed round stays closed. */
  const send = (event: CountEvent) => {
    if (res.writableEnded) return;
    const next: CountEvent = {
      submissions: Math.max(event.submissions, last?.submissions ?? 0),
      open: event.open && last?.open !== false,
    };
    if (last && last.submissions === next.submissions && last.open === next.open) return;
    last = next;
    res.write(`event: ${COUNT_EVENT}\ndata: ${JSON.stringify(next)}\n\n`);
  };

  const stopNews = news.on(code, (state) => {
    if (state === null) end();
    else send(state);
  });
  const unsubscribe = store.onSubmission(code, ({ submissions }) =>
    send({ submissions, open: true }),
  );
  const heartbeat = setInterval(() => {
    if (res.writableEnded) return;
    res.write(': heartbeat\n\n');
    options.lookup().then(
      (state) => (state === null ? end() : send(state)),
      () => undefined, // the next heartbeat tries again
    );
  }, options.heartbeatMs);
  heartbeat.unref();

  let ended = false;
  function end() {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    stopNews();
    unsubscribe();
    streams.delete(res);
    if (!res.writableEnded) res.end();
  }
  request.raw.on('close', end);
  res.on('close', end);

  send({ submissions: options.initial.submissions, open: options.initial.open });
  // The count may have moved between the lookup and the subscription: look once more.
  await unsubscribe.ready.catch(() => undefined);
  const now = await options.lookup().catch(() => undefined);
  if (now === null) end();
  else if (now !== undefined) send(now);
}
