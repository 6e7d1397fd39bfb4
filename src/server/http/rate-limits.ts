/**
 * Rate limits per client and overall (@fastify/rate-limit, in memory). A client is its address,
 * and even that only as a keyed hash with a key made at start and never stored: the limiter's
 * memory holds no address, and nothing of it is logged or written anywhere.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Limit } from '../config.ts';

type Check = ReturnType<FastifyInstance['createRateLimit']>;

/** IPv6 clients are counted per /56 (one household or school), as the plugin does by default. */
const IPV6_SUBNET = 56;

/** `(request) => pseudonym`: the same client gives the same string while the process runs. */
export function clientPseudonym(): (request: FastifyRequest) => string {
  const key = randomBytes(32);
  return (request) =>
    createHmac('sha256', key)
      .update(normalizeIP(request.ip, IPV6_SUBNET))
      .digest('base64url')
      .slice(0, 22);
}

/**
 * An onRequest hook that counts the request against the client's and the overall limit and
 * answers 429 with Retry-After when either is exceeded. Needs @fastify/rate-limit registered.
 */
export function limitHook(
  app: FastifyInstance,
  name: string,
  limit: Limit,
  client: (request: FastifyRequest) => string,
  refuse: (reply: FastifyReply, retryAfterSeconds: number) => FastifyReply,
) {
  const checks: Check[] = [
    app.createRateLimit({
      max: limit.perClient,
      timeWindow: limit.windowMs,
      keyGenerator: (request) => `${name}:${client(request)}`,
    }),
    app.createRateLimit({
      max: limit.overall,
      timeWindow: limit.windowMs,
      keyGenerator: () => `${name}:all`,
    }),
  ];
  return async (request: FastifyRequest, reply: FastifyReply) => {
    for (const check of checks) {
      const outcome = await check(request);
      if (!outcome.isAllowed && outcome.isExceeded)
        return refuse(reply, Math.max(1, outcome.ttlInSeconds));
    }
    return undefined;
  };
}

/**
 * Fastify's `trustProxy` for ours: a hop count as a function trusting that many proxies nearest
 * the server (Fastify itself trusts nothing for a bare number, and everything for `true`, which
 * would let a client pick its address with a made-up X-Forwarded-For).
 */
export function trustedProxies(
  trust: false | number | string,
): false | string | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  return trust > 0 ? (_address, hop) => hop < trust : false;
}
