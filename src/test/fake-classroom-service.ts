/**
 * A fake classroom service for the classroom pages' component tests: the HTTP contract of
 * src/domain/classroom/http-contract.ts (randomized response: submissions `{ p, categories }`,
 * results the estimates or withheld below ten) answered from memory with the domain's own
 * functions, as a `fetch` function, plus a fake EventSource. The real service is tested in
 * src/server; this only lets the pages talk to something that behaves like it. Not imported by
 * the app.
 */
import type { Compass } from '../domain/bank/types.ts';
import { ClassroomError } from '../domain/classroom/classroom-error.ts';
import {
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  type ResultsResponse,
} from '../domain/classroom/http-contract.ts';
import {
  addRandomizedCounters,
  emptyRandomizedCounters,
  type RandomizedCounters,
  randomizedDelta,
} from '../domain/classroom/randomized-counters.ts';
import { randomizedClassResult } from '../domain/classroom/randomized-estimate.ts';

export interface FakeRound {
  compass: string;
  version: string;
  open: boolean;
  /** Submissions counted; kept equal to `counters.submissions` once there are counters. */
  submissions: number;
  key: string;
  expiresAt: string;
  /**
   * The round's counters (the sum of its submissions' `randomizedDelta`s): set by a test, or
   * made by the submissions the fake receives. Without them a closed round is withheld.
   */
  counters?: RandomizedCounters;
  /** The idempotency keys counted. */
  keys?: Set<string>;
}

export interface FakeCall {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
const error = (status: number, code: string) => json(status, { error: code, message: 'Fel.' });

/**
 * @param compass the compass the rounds are of: needed to count submissions and to estimate the
 *   results (the domain's `randomizedDelta` and `randomizedClassResult`); without it a submission
 *   is refused (500) and a closed round with counters cannot be estimated.
 */
export function fakeService({
  present = true,
  newCode = 'K7M2XP9DW',
  newKey = 'tEaChErKeY_0123456789-abcdefghijklmnopqrstu',
  compass,
}: { present?: boolean; newCode?: string; newKey?: string; compass?: Compass } = {}) {
  const rounds = new Map<string, FakeRound>();
  const calls: FakeCall[] = [];
  let down = false;
  const fetcher = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path = String(input);
    const method = init.method ?? 'GET';
    const authorization = new Headers(init.headers).get('Authorization');
    calls.push({ method, path, authorization });
    if (down) return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(answer(method, path, authorization, init));
  };
  const answer = (
    method: string,
    path: string,
    authorization: string | null,
    init: RequestInit,
  ): Response => {
    if (!present)
      return new Response('<!doctype html><title>app</title>', {
        status: path === '/api/health' ? 200 : 404,
        headers: { 'Content-Type': 'text/html' },
      });
    if (path === '/api/health') return json(200, { status: 'ok' });
    if (path === '/api/sessions' && method === 'POST') {
      const { compass } = JSON.parse(String(init.body)) as { compass: string };
      const round: FakeRound = {
        compass,
        version: '1.0.0',
        open: true,
        submissions: 0,
        key: newKey,
        expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      };
      rounds.set(newCode, round);
      return json(201, {
        code: newCode,
        teacherKey: newKey,
        compass,
        version: round.version,
        expiresAt: round.expiresAt,
      });
    }
    const match = /^\/api\/sessions\/([^/]+)(?:\/(close|results|submissions))?$/.exec(path);
    if (!match) return error(404, 'no-such-endpoint');
    const code = decodeURIComponent(match[1]!);
    const round = rounds.get(code);
    if (!round) return error(404, 'not-found');
    const action = match[2];
    if (!action && method === 'GET')
      return json(200, {
        compass: round.compass,
        version: round.version,
        open: round.open,
        submissions: round.submissions,
        expiresAt: round.expiresAt,
      });
    if (action === 'submissions' && method === 'POST') return submit(round, init);
    if (authorization === null) return error(401, 'missing-teacher-key');
    if (authorization !== `Bearer ${round.key}`) return error(403, 'wrong-teacher-key');
    if (!action && method === 'DELETE') {
      rounds.delete(code);
      return new Response(null, { status: 204 });
    }
    if (action === 'close' && method === 'POST') {
      round.open = false;
      return json(200, { open: false, submissions: round.submissions });
    }
    if (action === 'results' && method === 'GET') {
      if (round.open) return error(409, 'still-open');
      if (!round.counters || !compass)
        return json(200, { submissions: round.submissions, withheld: 'too-few' });
      const body = randomizedClassResult(compass, round.counters, { open: false });
      return json(200, body as ResultsResponse);
    }
    return error(405, 'method-not-allowed');
  };
  /** `POST …/submissions`: counted once per idempotency key, as the service does. */
  const submit = (round: FakeRound, init: RequestInit): Response => {
    const key = new Headers(init.headers).get(IDEMPOTENCY_HEADER);
    if (key === null) return error(400, 'missing-idempotency-key');
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) return error(400, 'invalid-idempotency-key');
    if (!round.open) return error(409, 'closed');
    if (!compass) return error(500, 'server-error');
    let delta: RandomizedCounters;
    try {
      delta = randomizedDelta(compass, JSON.parse(String(init.body)));
    } catch (e) {
      if (e instanceof ClassroomError) return error(400, e.code);
      return error(400, 'invalid-json');
    }
    round.keys ??= new Set();
    if (round.keys.has(key)) return json(200, { status: 'already-counted' });
    round.keys.add(key);
    round.counters = addRandomizedCounters(
      round.counters ?? emptyRandomizedCounters(compass),
      delta,
    );
    round.submissions = round.counters.submissions;
    return json(201, { status: 'counted' });
  };
  return {
    rounds,
    calls,
    fetch: fetcher as typeof fetch,
    /** From now on every request fails as with no network. */
    goDown: () => {
      down = true;
    },
  };
}

/** A stand-in for the browser's EventSource: tests push events with `emit`. */
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  closed = false;
  private readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data?: unknown) {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}
