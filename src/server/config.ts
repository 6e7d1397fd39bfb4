/**
 * The service's settings from the environment (main.ts), with the defaults a newcomer's
 * `npm start` needs. Every value is checked: a typo stops the start with a sentence saying what
 * is accepted, rather than running with a setting nobody chose.
 */

/** How many requests a window allows, per client (by address, kept in memory only) and in all. */
export interface Limit {
  /** Requests per client in one window. */
  readonly perClient: number;
  /** Requests from all clients together in one window. */
  readonly overall: number;
  /** The window, in milliseconds. */
  readonly windowMs: number;
}

export interface RateLimits {
  /** `POST /api/sessions`: starting rounds, per hour. */
  readonly createRound: Limit;
  /** Starting rounds again, per day (default {@link DEFAULT_LIMITS}`.createRoundDaily`): a client may not spread a flood over the hours. */
  readonly createRoundDaily?: Limit;
  /** `POST /api/sessions/{code}/submissions`: a whole class behind one school address must get through. */
  readonly submit: Limit;
  /** Every other `/api` request (reading a round, the live count, results, close, delete). */
  readonly other: Limit;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEFAULT_LIMITS = {
  createRound: { perClient: 20, overall: 500, windowMs: HOUR },
  // 60 a day per address: a school's teachers behind one address start three hours' worth of
  // rounds; overall a day is the hourly cap times 24, so by default only the per-client part binds.
  createRoundDaily: { perClient: 60, overall: 12_000, windowMs: DAY },
  // 300 a minute per address: a class of 40 behind one NAT address, each retrying a few times,
  // fits many times over; the overall cap protects the database from a flood.
  submit: { perClient: 300, overall: 20_000, windowMs: MINUTE },
  other: { perClient: 600, overall: 60_000, windowMs: MINUTE },
} as const satisfies Required<RateLimits>;

/** Caps that are not request rates: what one client may hold, and how long a request may take. */
export interface Caps {
  /** Submissions one round counts in all; the next gets 409 `round-full`. */
  readonly submissionsPerRound: number;
  /** Distinct Idempotency-Keys one client (address) may send to one round; a retry with a key already sent is free. */
  readonly submissionsPerClient: number;
  /** Live-count streams one client may hold open at once. */
  readonly streamsPerClient: number;
  /** Live-count streams open at once in all (this process). */
  readonly streamsOverall: number;
  /** After this a live-count stream is ended by the server (the browser reconnects), in milliseconds. */
  readonly streamLifetimeMs: number;
  /** A request (headers and body) must arrive within this, in milliseconds; a response may take longer. */
  readonly requestTimeoutMs: number;
}

export const DEFAULT_CAPS: Caps = {
  // Ten times a large class, retries aside: room for a whole year group in one round, and a bound
  // on what one round's counters can be flooded with.
  submissionsPerRound: 500,
  // A class of 35 behind one school NAT address gets through, with one to spare for a pupil who
  // starts over; a script making up keys is stopped after 36.
  submissionsPerClient: 36,
  // A teacher with a few tabs or devices behind one address; 2 000 open streams are 2 000 sockets.
  streamsPerClient: 10,
  streamsOverall: 2_000,
  streamLifetimeMs: HOUR,
  // A submission is at most 32 KiB: 15 s is ample on a slow school network, and a client that
  // trickles a body (slowloris) holds a socket for no longer.
  requestTimeoutMs: 15 * SECOND,
};

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly staticDir: string;
  readonly roundTtlHours: number;
  /** The CSP `frame-ancestors` sources: `*` (any site may embed) or a list of origins. */
  readonly frameAncestors: string;
  readonly hsts: boolean;
  /** Fastify's `trustProxy`: false, a hop count (how many proxies in front) or a list of proxy addresses; never true. */
  readonly trustProxy: false | number | string;
  readonly limits: Required<RateLimits>;
  readonly caps: Caps;
  /** One line per request (method, route, status, time) on stderr; never an address, body or key. */
  readonly log: boolean;
}

export const DEFAULTS = {
  port: 4173,
  host: '127.0.0.1',
  databaseUrl: 'sqlite:data/classroom.sqlite',
  staticDir: 'dist',
  roundTtlHours: 24,
  frameAncestors: '*',
} as const;

type Env = Readonly<Record<string, string | undefined>>;
type Integer = (name: string, fallback: number, min: number, max: number) => number;

/** `integer(name, fallback, min, max)`: the variable as a whole number in range, or an Error saying so. */
function integers(env: Env): Integer {
  return (name, fallback, min, max) => {
    const value = env[name]?.trim();
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${value}".`);
    return n;
  };
}

/** The caps of {@link Caps}; durations are set in minutes and seconds, kept in milliseconds. */
function readCaps(integer: Integer): Caps {
  const base = DEFAULT_CAPS;
  return {
    submissionsPerRound: integer('ROUND_MAX_SUBMISSIONS', base.submissionsPerRound, 1, 1_000_000),
    submissionsPerClient: integer(
      'ROUND_SUBMISSIONS_PER_CLIENT',
      base.submissionsPerClient,
      1,
      1_000_000,
    ),
    streamsPerClient: integer('STREAMS_PER_CLIENT', base.streamsPerClient, 1, 100_000),
    streamsOverall: integer('STREAMS_OVERALL', base.streamsOverall, 1, 1_000_000),
    streamLifetimeMs:
      MINUTE * integer('STREAM_LIFETIME_MINUTES', base.streamLifetimeMs / MINUTE, 1, 24 * 60),
    requestTimeoutMs:
      SECOND * integer('REQUEST_TIMEOUT_SECONDS', base.requestTimeoutMs / SECOND, 1, 600),
  };
}

/** Reads the configuration; throws an Error naming the variable and what it accepts. */
export function readConfig(env: Env = process.env): ServerConfig {
  const text = (name: string, fallback: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? fallback : value;
  };
  const integer = integers(env);
  const flag = (name: string, fallback: boolean) => {
    const value = env[name]?.trim().toLowerCase();
    if (value === undefined || value === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    throw new Error(`${name} must be 1/true/yes/on or 0/false/no/off, not "${value}".`);
  };
  const limit = (prefix: string, base: Limit): Limit => ({
    perClient: integer(`${prefix}_PER_CLIENT`, base.perClient, 1, 1_000_000_000),
    overall: integer(`${prefix}_OVERALL`, base.overall, 1, 1_000_000_000),
    windowMs: base.windowMs,
  });

  const frameAncestors = text('FRAME_ANCESTORS', DEFAULTS.frameAncestors);
  if (!/^[\w\s*:/.\-'[\]]+$/.test(frameAncestors) || /;|,/.test(frameAncestors))
    throw new Error(
      `FRAME_ANCESTORS must be CSP sources separated by spaces, e.g. "*" or "'self' https://tidningen.se", not "${frameAncestors}".`,
    );

  // A number is how many proxies stand in front (1: one load balancer), never "trust every
  // hop": that would let a client pick its own address with a made-up X-Forwarded-For and so
  // its own rate limit. "true" (yes, on) means one proxy too.
  const proxy = text('TRUST_PROXY', 'false');
  let trustProxy: false | number | string;
  if (/^(true|yes|on)$/i.test(proxy)) trustProxy = 1;
  else if (/^(0|false|no|off)$/i.test(proxy)) trustProxy = false;
  else if (/^\d+$/.test(proxy) && Number(proxy) <= 100) trustProxy = Number(proxy);
  else if (/^\d+$/.test(proxy))
    throw new Error(`TRUST_PROXY must be a hop count from 0 to 100, not "${proxy}".`);
  else trustProxy = proxy; // addresses or CIDR ranges, comma-separated (Fastify's syntax)

  return {
    port: integer('PORT', DEFAULTS.port, 0, 65_535),
    host: text('HOST', DEFAULTS.host),
    databaseUrl: text('DATABASE_URL', DEFAULTS.databaseUrl),
    staticDir: text('STATIC_DIR', DEFAULTS.staticDir),
    roundTtlHours: integer('ROUND_TTL_HOURS', DEFAULTS.roundTtlHours, 1, 24 * 365),
    frameAncestors,
    hsts: flag('HSTS', false),
    trustProxy,
    limits: {
      createRound: limit('RATE_CREATE', DEFAULT_LIMITS.createRound),
      createRoundDaily: limit('RATE_CREATE_DAILY', DEFAULT_LIMITS.createRoundDaily),
      submit: limit('RATE_SUBMIT', DEFAULT_LIMITS.submit),
      other: limit('RATE_OTHER', DEFAULT_LIMITS.other),
    },
    caps: readCaps(integer),
    log: flag('LOG', false),
  };
}
