import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import {
  classroomApi,
  RANDOMIZATION_P,
  randomizedSubmission,
} from '../../domain/classroom/index.ts';
import { sseReader } from '../../test/server/site.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { type Caps, DEFAULT_LIMITS, type RateLimits, readConfig } from '../config.ts';
import { type RunningServer, startServer } from '../start.ts';
import { RoundSubmitters } from './rate-limits.ts';

// The limits an adversarial review found missing, over a real server on 127.0.0.1: submissions
// per client and round, open live-count streams, slow requests, and starting rounds per day.
// Behind TRUST_PROXY=1 the proxy's own X-Forwarded-For entry is the client, so a test can be
// several clients (and a client can try to pass itself off as several).

const compass: Compass = loadValidBank('tests/fixtures/demo');
let keys = 0;
/** A fresh idempotency key, as a pupil's browser would make one. */
const idem = () => `limits-key-${process.pid}-${++keys}-${Math.random().toString(36).slice(2)}`;
/** A pupil's submission; the limits are checked before the body is read. */
const body = (n: number) =>
  randomizedSubmission(compass.statements, {}, RANDOMIZATION_P, (bound) => (n * 7 + 3) % bound);
/** The headers of a request that reached the server through the proxy from `address`. */
const via = (address: string, forged?: string) => ({
  'x-forwarded-for': forged === undefined ? address : `${forged}, ${address}`,
});

async function serve(options: {
  caps?: Partial<Caps>;
  limits?: RateLimits;
  heartbeatMs?: number;
}): Promise<RunningServer> {
  return startServer({
    staticDir: null,
    compasses: new Map([[compass.id, compass]]),
    databaseUrl: 'sqlite::memory:',
    purgeIntervalMs: 0,
    trustProxy: readConfig({ TRUST_PROXY: '1' }).trustProxy,
    ...options,
  });
}

interface Answer {
  status: number;
  error?: string;
  retryAfter: string | null;
}

function client(server: () => RunningServer) {
  const call = async (path: string, init: RequestInit = {}): Promise<Answer> => {
    const response = await fetch(server().url + path, init);
    const text = await response.text();
    let error: string | undefined;
    try {
      error = (JSON.parse(text) as { error?: string }).error;
    } catch {
      // not JSON
    }
    return { status: response.status, error, retryAfter: response.headers.get('retry-after') };
  };
  const create = (headers: Record<string, string> = {}) =>
    call(classroomApi.sessions, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ compass: compass.id }),
    });
  const newRound = async () => {
    const response = await fetch(server().url + classroomApi.sessions, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ compass: compass.id }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { code: string }).code;
  };
  const submit = (code: string, key: string, headers: Record<string, string> = {}, n = 0) =>
    call(classroomApi.submissions(code), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers },
      body: JSON.stringify(body(n)),
    });
  return { call, create, newRound, submit };
}

/** What the limiter said: its 429's error code, or `passed` for whatever the route answered. */
const verdict = (answer: Answer) => (answer.status === 429 ? answer.error : 'passed');

describe('submissions per round', () => {
  let server: RunningServer;
  const api = client(() => server);
  beforeAll(async () => {
    server = await serve({ caps: { submissionsPerRound: 3 } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('counts the configured most (ROUND_MAX_SUBMISSIONS), then 409 round-full from every address', async () => {
    const code = await api.newRound();
    const statuses = [];
    for (let n = 0; n < 5; n++)
      statuses.push((await api.submit(code, idem(), via(`192.0.2.${n}`), n)).status);
    expect(statuses).toEqual([201, 201, 201, 409, 409]);
    const again = await api.submit(code, idem(), via('192.0.2.99'));
    expect([again.status, again.error]).toEqual([409, 'round-full']);
  });
});

describe('submissions per client and round', () => {
  let server: RunningServer;
  const api = client(() => server);
  beforeAll(async () => {
    // The default cap (36) is what is tested; the rate per minute is not in the way.
    server = await serve({});
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lets a class of 35 behind one address through and refuses new keys after 36', async () => {
    const code = await api.newRound();
    const sent: string[] = [];
    const verdicts: (string | undefined)[] = [];
    for (let n = 0; n < 40; n++) {
      const key = idem();
      sent.push(key);
      verdicts.push(verdict(await api.submit(code, key, {}, n)));
    }
    expect(verdicts).toEqual([
      ...Array(36).fill('passed'),
      ...Array(4).fill('too-many-submissions'),
    ]);
    const round = await fetch(server.url + classroomApi.session(code));
    expect(((await round.json()) as { submissions: number }).submissions).toBeLessThanOrEqual(36);
    // A retry with a key already sent is no new submission: it passes, even now.
    for (const key of sent.slice(0, 36))
      expect(verdict(await api.submit(code, key))).toBe('passed');
    expect(verdict(await api.submit(code, idem()))).toBe('too-many-submissions');
    // The cap is per round: the same address may send to another round.
    expect(verdict(await api.submit(await api.newRound(), idem()))).toBe('passed');
  });

  it('counts only distinct keys: retries use up no slot', async () => {
    const code = await api.newRound();
    const key = idem();
    for (let n = 0; n < 50; n++) expect(verdict(await api.submit(code, key))).toBe('passed');
    for (let n = 0; n < 35; n++) expect(verdict(await api.submit(code, idem()))).toBe('passed');
    expect(verdict(await api.submit(code, idem()))).toBe('too-many-submissions');
  });

  it('gives no fresh client for a made-up X-Forwarded-For (TRUST_PROXY=1, one real hop)', async () => {
    const code = await api.newRound();
    const proxy = '203.0.113.7';
    const verdicts = [];
    for (let n = 0; n < 40; n++)
      verdicts.push(verdict(await api.submit(code, idem(), via(proxy, `198.51.100.${n}`))));
    expect(verdicts).toEqual([
      ...Array(36).fill('passed'),
      ...Array(4).fill('too-many-submissions'),
    ]);
    // Another client behind the same proxy has slots of its own.
    expect(verdict(await api.submit(code, idem(), via('203.0.113.8')))).toBe('passed');
  });

  it('takes no slot for a request without a valid key (the route refuses it with 400)', async () => {
    const code = await api.newRound();
    for (let n = 0; n < 40; n++) expect((await api.submit(code, `short-${n}`)).status).toBe(400);
    for (let n = 0; n < 36; n++) expect(verdict(await api.submit(code, idem()))).toBe('passed');
  });
});

describe('RoundSubmitters (memory)', () => {
  it("forgets a client's keys a round's lifetime after its first", () => {
    let now = 0;
    const submitters = new RoundSubmitters(2, 1000, () => now);
    expect(submitters.admit('a', 'ROUND1', 'key-1')).toBe(true);
    expect(submitters.admit('a', 'ROUND1', 'key-2')).toBe(true);
    expect(submitters.admit('a', 'ROUND1', 'key-3')).toBe(false);
    expect(submitters.admit('b', 'ROUND1', 'key-3')).toBe(true);
    now = 999;
    expect(submitters.admit('a', 'ROUND1', 'key-4')).toBe(false);
    now = 1000;
    expect(submitters.admit('a', 'ROUND1', 'key-4')).toBe(true);
    expect(submitters.size).toBe(1);
  });

  it('holds at most maxKeys keys, forgetting the oldest clients first', () => {
    const submitters = new RoundSubmitters(3, 60_000, () => 0, 10);
    for (let n = 0; n < 100; n++) {
      expect(submitters.admit(`client-${n}`, 'ROUND1', 'k1')).toBe(true);
      expect(submitters.admit(`client-${n}`, 'ROUND1', 'k2')).toBe(true);
      expect(submitters.size).toBeLessThanOrEqual(10);
    }
    // The newest client is still remembered, with both keys.
    expect(submitters.admit('client-99', 'ROUND1', 'k3')).toBe(true);
    expect(submitters.admit('client-99', 'ROUND1', 'k4')).toBe(false);
  });
});

describe('open live-count streams', () => {
  let server: RunningServer;
  const api = client(() => server);
  const open: AbortController[] = [];
  /** Opens the live count as `address`; resolves the response (200 stream or the refusal). */
  const follow = async (code: string, address: string) => {
    const abort = new AbortController();
    open.push(abort);
    const response = await fetch(server.url + classroomApi.events(code), {
      headers: via(address),
      signal: abort.signal,
    });
    return { response, abort };
  };
  const refusal = async (response: Response) => [
    response.status,
    ((await response.json()) as { error: string }).error,
  ];

  beforeAll(async () => {
    server = await serve({ caps: { streamsPerClient: 2, streamsOverall: 3 } });
  });
  afterAll(async () => {
    for (const abort of open) abort.abort();
    await server?.close();
  });

  it('lets a client hold S streams and everyone T, then 429 too-many-streams; closing frees a seat', async () => {
    const code = await api.newRound();
    const first = await follow(code, '203.0.113.1');
    const second = await follow(code, '203.0.113.1');
    expect([first.response.status, second.response.status]).toEqual([200, 200]);
    const third = await follow(code, '203.0.113.1');
    expect(await refusal(third.response)).toEqual([429, 'too-many-streams']);

    // Another client gets the last of the three seats, then nobody gets one.
    expect((await follow(code, '203.0.113.2')).response.status).toBe(200);
    expect(await refusal((await follow(code, '203.0.113.3')).response)).toEqual([
      429,
      'too-many-streams',
    ]);

    // Ending a stream gives its seat back (the server hears the close a moment later).
    first.abort.abort();
    await vi.waitFor(async () => {
      const again = await follow(code, '203.0.113.1');
      expect(again.response.status).toBe(200);
    });
  });
});

describe('a live-count stream has a lifetime', () => {
  let server: RunningServer;
  const api = client(() => server);
  beforeAll(async () => {
    server = await serve({ caps: { streamLifetimeMs: 500, streamsPerClient: 1 } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is ended by the server after its lifetime, and its seat is free again', async () => {
    const code = await api.newRound();
    const response = await fetch(server.url + classroomApi.events(code));
    expect(response.status).toBe(200);
    const events = sseReader(response);
    expect((await events.next())?.event).toBe('count');
    expect(await events.next()).toBeNull(); // ended by the server, not by us
    await vi.waitFor(async () => {
      const again = await fetch(server.url + classroomApi.events(code));
      expect(again.status).toBe(200);
      await again.body?.cancel();
    });
  });
});

/** A raw connection; resolves when the server closes it, with what it answered. */
function rawRequest(
  url: string,
  head: string,
  trickle: string,
): Promise<{ answer: string; trickled: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(Number(port), hostname);
    let answer = '';
    let trickled = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined); // a reset is a close too
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, trickled });
    });
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (trickled >= trickle.length) return reject(new Error('the whole request got through'));
        socket.write(trickle[trickled++]!);
      }, 1000);
    });
  });
}

describe('slow requests', () => {
  let server: RunningServer;
  const api = client(() => server);
  beforeAll(async () => {
    server = await serve({ caps: { requestTimeoutMs: 2000 }, heartbeatMs: 300 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('cuts off a body trickled a byte a second (408 or closed)', async () => {
    const code = await api.newRound();
    const { host } = new URL(server.url);
    const head =
      `POST ${classroomApi.submissions(code)} HTTP/1.1\r\nHost: ${host}\r\n` +
      `Content-Type: application/json\r\nIdempotency-Key: ${idem()}\r\nContent-Length: 100\r\n\r\n`;
    const { answer, trickled } = await rawRequest(server.url, head, 'x'.repeat(100));
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(trickled).toBeLessThan(100);
  }, 30_000);

  it('cuts off headers trickled a byte a second', async () => {
    const { answer, trickled } = await rawRequest(
      server.url,
      'GET /api/health HTTP/1.1\r\n',
      'X-Slow: ' + 'a'.repeat(200),
    );
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);
    expect(trickled).toBeLessThan(208);
  }, 30_000);

  it('keeps a live stream open longer than the request timeout', async () => {
    const code = await api.newRound();
    const abort = new AbortController();
    const response = await fetch(server.url + classroomApi.events(code), { signal: abort.signal });
    const events = sseReader(response);
    const started = Date.now();
    expect((await events.next())?.event).toBe('count');
    // Heartbeats every 300 ms: well past the 2 s request timeout, the stream still speaks.
    while (Date.now() - started < 3000)
      expect((await events.next({ comments: true }))?.event).toBe(':');
    abort.abort();
  }, 30_000);
});

describe('starting rounds per day', () => {
  let server: RunningServer;
  const api = client(() => server);
  const day = 24 * 60 * 60 * 1000;
  beforeAll(async () => {
    server = await serve({
      limits: {
        ...DEFAULT_LIMITS,
        createRound: { perClient: 100, overall: 1000, windowMs: 60 * 60 * 1000 },
        createRoundDaily: { perClient: 3, overall: 5, windowMs: day },
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('limits a client per day and everyone per day, with 429 rate-limited and Retry-After', async () => {
    const a = [];
    for (let n = 0; n < 4; n++) a.push(await api.create(via('203.0.113.1')));
    expect(a.map((r) => r.status)).toEqual([201, 201, 201, 429]);
    expect(a[3]!.error).toBe('rate-limited');
    // Within the hour's limit, so it is the day's: wait until tomorrow, not the next hour.
    expect(Number(a[3]!.retryAfter)).toBeGreaterThan(60 * 60);

    const b = [];
    for (let n = 0; n < 3; n++) b.push(await api.create(via('203.0.113.2')));
    expect(b.map((r) => r.status)).toEqual([201, 201, 429]);
    const c = await api.create(via('203.0.113.3'));
    expect([c.status, c.error]).toEqual([429, 'rate-limited']);
    expect(Number(c.retryAfter)).toBeGreaterThan(0);
  });
});

describe("the workbench's routes", () => {
  let server: RunningServer;
  const api = client(() => server);
  beforeAll(async () => {
    server = await serve({
      limits: {
        ...DEFAULT_LIMITS,
        createRound: { perClient: 2, overall: 100, windowMs: 60 * 60 * 1000 },
        other: { perClient: 3, overall: 100, windowMs: 60 * 1000 },
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const json = (headers: Record<string, string>, body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

  it('count a new workspace like a new round, and every other request like the API’s others', async () => {
    const from = via('203.0.113.20');
    const made = await fetch(`${server.url}/api/workspaces`, json(from, { title: 'Knivsta' }));
    expect(made.status).toBe(201);
    const { workspace } = (await made.json()) as { workspace: { id: string } };
    // The second creation is a round: the two share one limit per address.
    expect((await api.create(from)).status).toBe(201);
    const third = await api.call('/api/workspaces', json(from, { title: 'Umeå' }));
    expect([third.status, third.error]).toEqual([429, 'rate-limited']);
    expect(Number(third.retryAfter)).toBeGreaterThan(0);
    // Reading a workspace (with no key: 401) counts against the other requests' limit.
    const reads = [];
    for (let n = 0; n < 4; n++)
      reads.push(await api.call(`/api/workspaces/${workspace.id}`, { headers: from }));
    expect(reads.map((r) => r.status)).toEqual([401, 401, 401, 429]);
  });
});
