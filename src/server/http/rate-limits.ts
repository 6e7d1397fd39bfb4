/**
 * Rate limits per client and overall (@fastify/rate-limit, in memory), and how many submissions
 * one client may make to one round (`RoundSubmitters`). A client is its address, and even that
 * only as a keyed hash with a key made at start and never stored: the limiter's memory holds no
 * address, and nothing of it is logged or written anywhere.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IDEMPOTENCY_KEY_PATTERN, normaliseJoinCode } from '../../domain/classroom/index.ts';
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

/** How many idempotency keys `RoundSubmitters` holds at most (about 100 bytes each in memory). */
export const MAX_TRACKED_KEYS = 200_000;

/**
 * At most `perClient` distinct idempotency keys per client and round: a class behind one school
 * address gets through, a script making up keys does not. A key already seen is always let
 * through (a retry uses no slot). Held in memory only as hashes: one entry per client and round
 * (a hash of the client's pseudonym and the join code) with the hashes of its keys (HMAC with a
 * key made here and never stored). An entry is forgotten a round's lifetime after its first key
 * (a round started before it, so it has expired by then); when more than `maxKeys` keys are held
 * the oldest entries are forgotten first.
 */
export class RoundSubmitters {
  readonly #secret = randomBytes(32);
  readonly #entries = new Map<string, { readonly until: number; readonly keys: Set<string> }>();
  #keys = 0;

  constructor(
    private readonly perClient: number,
    private readonly lifetimeMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys: number = MAX_TRACKED_KEYS,
  ) {}

  /** Whether `client` may send `key` to round `code`; a new key takes one of the client's slots. */
  admit(client: string, code: string, key: string): boolean {
    const now = this.now();
    this.#forget((entry) => entry.until <= now);
    const id = createHash('sha256').update(`${client}\n${code}`).digest('base64url').slice(0, 22);
    const hashed = createHmac('sha256', this.#secret).update(key).digest('base64url').slice(0, 16);
    let entry = this.#entries.get(id);
    if (entry?.keys.has(hashed)) return true;
    if (entry && entry.keys.size >= this.perClient) return false;
    if (!entry) this.#entries.set(id, (entry = { until: now + this.lifetimeMs, keys: new Set() }));
    entry.keys.add(hashed);
    this.#keys += 1;
    if (this.#keys > this.maxKeys) this.#forget(() => this.#keys > this.maxKeys);
    return true;
  }

  /** How many keys are held (for tests). */
  get size(): number {
    return this.#keys;
  }

  /** Forgets entries from the oldest on while `stale` says so (entries are kept oldest first). */
  #forget(stale: (entry: { until: number }) => boolean): void {
    for (const [id, entry] of this.#entries) {
      if (!stale(entry)) return;
      this.#entries.delete(id);
      this.#keys -= entry.keys.size;
    }
  }
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

/**
 * An onRequest hook for submissions: refuses (`refuse`) a new idempotency key from a client that
 * has used its slots for the round. A request without a valid key or code passes: the route
 * refuses it with 400 itself, and it takes no slot.
 */
export function submittersHook(
  submitters: RoundSubmitters,
  client: (request: FastifyRequest) => string,
  refuse: (reply: FastifyReply) => FastifyReply,
) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    const code = normaliseJoinCode((request.params as { code?: unknown } | undefined)?.code);
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key) || code === null)
      return undefined;
    return submitters.admit(client(request), code, key) ? undefined : refuse(reply);
  };
}
