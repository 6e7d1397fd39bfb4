/**
 * The live count (`GET /api/sessions/{code}/events`, Server-Sent Events): `event: count` with
 * `{"submissions": n, "open": bool}` on connect, after every counted submission (from the store's
 * `onSubmission`, which on PostgreSQL also hears other processes) and when the round closes; a
 * comment line every 20 s keeps proxies from closing the stream, and at the same time the round is
 * looked up again, so a close or delete made through another process reaches the stream too.
 * Streams are capped per client and in all (`StreamSeats`, 429 `too-many-streams`), and each is
 * ended after its lifetime (an EventSource would connect again; the teacher's page,
 * use-live-count.ts, takes any end of the stream as trouble and polls instead).
 */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { COUNT_EVENT, type CountEvent } from '../../domain/classroom/index.ts';
import { HttpError } from '../messages.ts';
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

/**
 * The open live-count streams counted per client (its pseudonym, never an address) and in all,
 * and how long one may stay open.
 */
export class StreamSeats {
  readonly #byClient = new Map<string, number>();
  #open = 0;

  constructor(
    readonly perClient: number,
    readonly overall: number,
    readonly lifetimeMs: number,
  ) {}

  /** A seat for one more stream of `client`, or null when it or everyone holds as many as allowed; calling the result frees the seat (once). */
  take(client: string): (() => void) | null {
    const held = this.#byClient.get(client) ?? 0;
    if (held >= this.perClient || this.#open >= this.overall) return null;
    this.#byClient.set(client, held + 1);
    this.#open += 1;
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      this.#open -= 1;
      const left = (this.#byClient.get(client) ?? 1) - 1;
      if (left > 0) this.#byClient.set(client, left);
      else this.#byClient.delete(client);
    };
  }

  /** Streams open now, in all. */
  get open(): number {
    return this.#open;
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
  /** The caps on open streams, and the client (pseudonym) asking. */
  readonly seats: StreamSeats;
  readonly client: string;
}

export async function streamCount(
  request: FastifyRequest,
  reply: FastifyReply,
  options: StreamOptions,
): Promise<void> {
  const { code, store, news, streams } = options;
  const seat = options.seats.take(options.client);
  if (!seat) throw new HttpError('too-many-streams');
  const free: () => void = seat;
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
  // A forgotten tab holds no socket (and no seat) for ever.
  const lifetime = setTimeout(end, options.seats.lifetimeMs);
  lifetime.unref();

  let ended = false;
  function end() {
    if (ended) return;
    ended = true;
    free();
    clearTimeout(lifetime);
    clearInterval(heartbeat);
    stopNews();
    unsubscribe();
    streams.delete(res);
    if (!res.writableEnded) res.end();
  }
  request.raw.on('close', end);
  res.on('close', end);
  // Gone while the round was looked up: its close came before anyone listened.
  if (request.raw.socket.destroyed) end();

  send({ submissions: options.initial.submissions, open: options.initial.open });
  // The count may have moved between the lookup and the subscription: look once more.
  await unsubscribe.ready.catch(() => undefined);
  const now = await options.lookup().catch(() => undefined);
  if (now === null) end();
  else if (now !== undefined) send(now);
}
