/**
 * The service's limits as Fastify settings and hooks, from the configuration (config.ts): how
 * long a request may take to arrive, the request rates per client and overall, the submissions
 * per client and round, and the live-count seats. A client is a keyed hash of its address
 * (`clientPseudonym`), made here once per server and shared by every limit.
 */
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
} from 'fastify';
import { type Caps, DEFAULT_LIMITS, type RateLimits } from '../config.ts';
import type { ApiContext } from './api.ts';
import { sendError } from './errors.ts';
import { StreamSeats } from './live-count.ts';
import { clientPseudonym, limitHook, RoundSubmitters, submittersHook } from './rate-limits.ts';

type Hook = onRequestAsyncHookHandler;

/** What `buildServer` needs of the limits: the API's hooks, the live-count seats and the client. */
export interface ClientLimits {
  readonly hooks: ApiContext['limit'];
  readonly seats: StreamSeats;
  readonly client: (request: FastifyRequest) => string;
}

/**
 * The limits of one server. Needs @fastify/rate-limit registered.
 *
 * @param roundTtlMs a round's lifetime: how long a client's submissions to a round are remembered.
 */
export function clientLimits(
  app: FastifyInstance,
  limits: RateLimits,
  caps: Caps,
  roundTtlMs: number,
  now: () => Date,
): ClientLimits {
  const client = clientPseudonym();
  const submitters = new RoundSubmitters(caps.submissionsPerClient, roundTtlMs, () =>
    now().getTime(),
  );
  return {
    hooks: rateLimits(app, limits, client, submitters),
    seats: new StreamSeats(caps.streamsPerClient, caps.streamsOverall, caps.streamLifetimeMs),
    client,
  };
}

/**
 * How long a request may take to arrive: its headers and its whole body within `requestMs`
 * (a body trickled byte by byte is cut off with 408), checked four times per period. A response
 * may take longer (the live count is a long response to a short request). An idle kept-alive
 * connection is closed after 72 s, longer than a load balancer's usual 60 s, so the balancer
 * never sends on a connection the server is closing.
 */
export function requestTimeouts(requestMs: number) {
  return {
    requestTimeout: requestMs,
    keepAliveTimeout: 72_000,
    http: {
      headersTimeout: requestMs,
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.round(requestMs / 4))),
    },
  };
}

/**
 * The rate limits' hooks; a refused request gets 429 `rate-limited` with Retry-After. Starting a
 * round counts per hour and per day; a submission also needs a slot of its client's for the
 * round (429 `too-many-submissions`) unless its key was sent before.
 */
function rateLimits(
  app: FastifyInstance,
  limits: RateLimits,
  client: (request: FastifyRequest) => string,
  submitters: RoundSubmitters,
): ApiContext['limit'] {
  const refuse = (reply: FastifyReply, seconds: number) => {
    reply.header('retry-after', String(seconds));
    return sendError(reply, 'rate-limited');
  };
  const both = (first: Hook, second: Hook): Hook =>
    async function (request, reply) {
      return (await first.call(this, request, reply)) ?? second.call(this, request, reply);
    };
  const daily = limits.createRoundDaily ?? DEFAULT_LIMITS.createRoundDaily;
  return {
    create: both(
      limitHook(app, 'create', limits.createRound, client, refuse),
      limitHook(app, 'create-daily', daily, client, refuse),
    ),
    submit: both(
      limitHook(app, 'submit', limits.submit, client, refuse),
      submittersHook(submitters, client, (reply) => sendError(reply, 'too-many-submissions')),
    ),
    other: limitHook(app, 'other', limits.other, client, refuse),
  };
}
