/**
 * A fake classroom service for the teacher pages' component tests: the HTTP contract of
 * src/domain/classroom/http-contract.ts answered from memory, as a `fetch` function, plus a fake
 * EventSource. The real service is tested in src/server; this only lets the pages talk to
 * something that behaves like it. Not imported by the app.
 */
import type { ClassFigures, ResultsResponse } from '../domain/classroom/index.ts';
import { MIN_SUBMISSIONS } from '../domain/classroom/index.ts';

export interface FakeRound {
  compass: string;
  version: string;
  open: boolean;
  submissions: number;
  key: string;
  expiresAt: string;
  /** The figures once closed with ≥ 5 submissions. */
  figures?: ClassFigures;
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

export function fakeService({
  present = true,
  newCode = 'K7M2XP9DW',
  newKey = 'tEaChErKeY_0123456789-abcdefghijklmnopqrstu',
}: { present?: boolean; newCode?: string; newKey?: string } = {}) {
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
    const match = /^\/api\/sessions\/([^/]+)(?:\/(close|results))?$/.exec(path);
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
      const body: ResultsResponse =
        round.submissions < MIN_SUBMISSIONS || !round.figures
          ? { submissions: round.submissions, withheld: 'too-few' }
          : round.figures;
      return json(200, body);
    }
    return error(405, 'method-not-allowed');
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
