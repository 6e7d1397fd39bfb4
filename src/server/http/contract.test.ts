import { createHash, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import {
  CATEGORIES,
  type CategoryCounts,
  classroomApi,
  formatJoinCode,
  JOIN_ALPHABET,
  makeJoinCode,
  MIN_SUBMISSIONS,
  RANDOMIZATION_P,
  randomizedClassResult,
  type RandomizedSubmission,
  randomizedSubmission,
  uniformFromRandomValues,
} from '../../domain/classroom/index.ts';
import type { Voter } from '../../domain/scoring/index.ts';
import { seededRandomValues } from '../../test/seeded-words.ts';
import { storeBackends } from '../../test/server/backends.ts';
import {
  ASSET_PATH,
  INDEX_HTML,
  makeSite,
  PAGE_HTML,
  PAGE_PATH,
  SHELL_HTML,
  sseReader,
  type TestSite,
} from '../../test/server/site.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { DEFAULT_LIMITS, type RateLimits, readConfig } from '../config.ts';
import { MESSAGES } from '../messages.ts';
import { type RunningServer, startServer } from '../start.ts';

// The HTTP contract of src/domain/classroom/http-contract.ts over a real listening server on
// 127.0.0.1, on SQLite in a file and on a real PostgreSQL. Pupils' bodies are made as the
// browser makes them (`randomizedSubmission`, with a seeded source); the figures are checked
// against category counts summed here from the bodies sent, not by the counting code.

const compass: Compass = loadValidBank('tests/fixtures/demo');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *";
const SCALE = [-1, -0.5, 0, 0.5, 1] as const;

let keys = 0;
/** A fresh idempotency key, as a pupil's browser would make one. */
const idem = () => `test-key-${process.pid}-${++keys}-${Math.random().toString(36).slice(2)}`;

/** Pupil n's answers: every statement, some skipped, some marked important; different per pupil. */
function answersOf(n: number): Voter['answers'] {
  const answers: Record<string, { answer: number | 'skip'; important?: boolean }> = {};
  compass.statements.forEach((s, i) => {
    if ((n + i) % 5 === 4) answers[s.id] = { answer: 'skip' };
    else answers[s.id] = { answer: SCALE[(n * 3 + i) % 5]!, important: (n + i) % 3 === 0 };
  });
  return answers as Voter['answers'];
}

/** What pupil n's browser sends: the answers randomized with p (seeded: the same every run). */
function pupil(n: number): RandomizedSubmission {
  const random = uniformFromRandomValues(seededRandomValues(1000 + n));
  return randomizedSubmission(compass.statements, answersOf(n), RANDOMIZATION_P, random);
}

/** The figures the service must report for these bodies: their categories counted here. */
function expectedFigures(bodies: readonly RandomizedSubmission[]) {
  const statements: Record<string, Record<string, number>> = {};
  for (const s of compass.statements) {
    const counts: Record<string, number> = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
    for (const body of bodies) counts[body.categories[s.id]!]! += 1;
    statements[s.id] = counts;
  }
  const counters = {
    p: RANDOMIZATION_P,
    submissions: bodies.length,
    statements: statements as Record<string, CategoryCounts>,
  };
  return { counters, figures: randomizedClassResult(compass, counters, { open: false }) };
}

interface Call {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

function client(base: () => string) {
  const call = async (
    path: string,
    init: RequestInit & { json?: unknown; key?: string; idem?: string } = {},
  ): Promise<Call> => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    if (init.key !== undefined) headers.set('authorization', `Bearer ${init.key}`);
    if (init.idem !== undefined) headers.set('idempotency-key', init.idem);
    const response = await fetch(base() + path, {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body, text };
  };
  const create = async () => {
    const r = await call(classroomApi.sessions, { method: 'POST', json: { compass: compass.id } });
    expect(r.status).toBe(201);
    return r.body as { code: string; teacherKey: string; expiresAt: string };
  };
  const submit = (code: string, voter: unknown, key: string = idem()) =>
    call(classroomApi.submissions(code), { method: 'POST', json: voter, idem: key });
  return { call, create, submit };
}

const backends = storeBackends().filter((b) => b.name !== 'SQLite (:memory:)');

describe.each(backends.map((b) => [b.name, b] as const))(
  'classroom HTTP service on %s',
  (_, backend) => {
    describe.skipIf(backend.skip !== undefined)('the contract', () => {
      let site: TestSite;
      let server: RunningServer;
      let clock = new Date('2030-03-01T08:00:00Z');
      const log: string[] = [];
      const api = client(() => server.url);
      const { call, create, submit } = api;

      beforeAll(async () => {
        site = makeSite([compass]);
        server = await startServer({
          staticDir: site.dir,
          databaseUrl: await backend.start(),
          now: () => clock,
          heartbeatMs: 200,
          purgeIntervalMs: 0,
          // The suite starts many rounds from one address; submissions keep the default limits.
          limits: {
            ...DEFAULT_LIMITS,
            createRound: { ...DEFAULT_LIMITS.createRound, perClient: 1000 },
          },
          logStream: new Writable({
            write(chunk, _encoding, done) {
              log.push(String(chunk));
              done();
            },
          }),
        });
      }, 120_000);

      afterAll(async () => {
        await server?.close();
        await backend.stop();
        site?.remove();
      });

      it('says it is there', async () => {
        const r = await call(classroomApi.health);
        expect(r.status).toBe(200);
        expect(r.body).toEqual({ status: 'ok' });
      });

      it('starts a round with a join code and a 256-bit teacher key, keeping only its hash', async () => {
        const r = await call(classroomApi.sessions, {
          method: 'POST',
          json: { compass: compass.id },
        });
        expect(r.status).toBe(201);
        const body = r.body as Record<string, string>;
        expect(Object.keys(body).sort()).toEqual([
          'code',
          'compass',
          'expiresAt',
          'teacherKey',
          'version',
        ]);
        expect(body.code).toMatch(new RegExp(`^[${JOIN_ALPHABET}]{9}$`));
        expect(body.teacherKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(Buffer.from(body.teacherKey!, 'base64url')).toHaveLength(32);
        expect(body.compass).toBe(compass.id);
        expect(body.version).toBe(compass.version);
        expect(body.expiresAt).toBe(new Date(clock.getTime() + 24 * 3600_000).toISOString());
        const stored = await server.store.getRound(body.code!, clock);
        expect(stored!.teacherKeyHash).toBe(
          createHash('sha256').update(body.teacherKey!).digest('hex'),
        );
        expect(stored!.teacherKeyHash).not.toContain(body.teacherKey);
      });

      it('refuses to start a round of a compass it does not have, or with a wrong body', async () => {
        const unknown = await call(classroomApi.sessions, {
          method: 'POST',
          json: { compass: 'nope' },
        });
        expect([unknown.status, (unknown.body as { error: string }).error]).toEqual([
          404,
          'unknown-compass',
        ]);
        for (const json of [
          {},
          { compass: 1 },
          { compass: compass.id, extra: true },
          [compass.id],
          null,
          'x',
        ]) {
          const r = await call(classroomApi.sessions, { method: 'POST', json });
          expect([r.status, (r.body as { error: string }).error], JSON.stringify(json)).toEqual([
            400,
            'invalid-body',
          ]);
        }
        // A compass file in data/ that is not a compass (broken.json, demo-method.json) is not offered.
        for (const id of ['broken', 'demo-method', 'compass.schema']) {
          const r = await call(classroomApi.sessions, { method: 'POST', json: { compass: id } });
          expect(r.status).toBe(404);
        }
      });

      it('shows a round by its code in any typed form; garbage is 400, an unknown code 404', async () => {
        const { code, expiresAt } = await create();
        const expected = {
          compass: compass.id,
          version: compass.version,
          open: true,
          submissions: 0,
          expiresAt,
        };
        for (const form of [
          code,
          formatJoinCode(code),
          code.toLowerCase(),
          ` ${formatJoinCode(code)} `,
        ]) {
          const r = await call(`/api/sessions/${encodeURIComponent(form)}`);
          expect(r.status, form).toBe(200);
          expect(r.body).toEqual(expected);
        }
        const garbage = await call('/api/sessions/not-a-code');
        expect([garbage.status, (garbage.body as { error: string }).error]).toEqual([
          400,
          'invalid-code',
        ]);
        const long = await call(`/api/sessions/${'K'.repeat(150)}`);
        expect(long.status).toBe(400);
        const missing = await call(classroomApi.session('222222222'));
        expect([missing.status, (missing.body as { error: string }).error]).toEqual([
          404,
          'not-found',
        ]);
      });

      it('answers any malformed code, of any length or encoding, with 400 invalid-code', async () => {
        const { code, teacherKey } = await create();
        const bad = [
          'K'.repeat(65),
          'K'.repeat(199),
          'K'.repeat(201),
          'K'.repeat(1000),
          'x'.repeat(8000),
          '%zz',
          '%E0%A4%A',
          `${code}%`,
        ];
        for (const form of bad)
          for (const [method, path, init] of [
            ['GET', `/api/sessions/${form}`, {}],
            ['DELETE', `/api/sessions/${form}`, { key: teacherKey }],
            ['POST', `/api/sessions/${form}/submissions`, { json: pupil(1), idem: idem() }],
            ['POST', `/api/sessions/${form}/close`, { key: teacherKey }],
            ['GET', `/api/sessions/${form}/results`, { key: teacherKey }],
            ['GET', `/api/sessions/${form}/events`, {}],
          ] as const) {
            const r = await call(path, { method, ...init });
            expect(
              [r.status, (r.body as { error: string }).error],
              `${method} ${path.slice(0, 40)}… (${form.length})`,
            ).toEqual([400, 'invalid-code']);
          }
        // Another method on such a path is still 405 with Allow.
        const put = await call(`/api/sessions/${'K'.repeat(300)}`, { method: 'PUT', json: {} });
        expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, DELETE']);
      });

      it('refuses bodies nested 10 000 deep with a 4xx, never a 5xx', async () => {
        const { code } = await create();
        const first = compass.statements[0]!.id;
        const deep = (open: string, close: string) =>
          `${open.repeat(10_000)}${close.repeat(10_000)}`;
        const arrays = deep('[', ']');
        // 5 000 deep: 10 000 objects would be over the 32 KiB cap.
        const objects = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
        const cases: [string, string][] = [
          [`{"p":0.4,"categories":{"${first}":${arrays}}}`, 'invalid-answer'],
          [`{"p":0.4,"categories":{"${first}":${objects}}}`, 'invalid-answer'],
          [`{"p":0.4,"categories":${arrays}}`, 'invalid-voter'],
          [`{"p":${arrays},"categories":{}}`, 'invalid-voter'],
          [`{"p":0.4,"categories":{},"extra":${arrays}}`, 'invalid-voter'],
          [`{"answers":${arrays}}`, 'outdated-submission'],
          [arrays, 'invalid-voter'],
          [`{"p":0.4,"categories":{"__proto__":${arrays}}}`, 'invalid-body'],
        ];
        for (const [body, error] of cases) {
          const r = await call(classroomApi.submissions(code), {
            method: 'POST',
            idem: idem(),
            headers: { 'content-type': 'application/json' },
            body,
          });
          expect([r.status, (r.body as { error: string }).error], body.slice(0, 60)).toEqual([
            400,
            error,
          ]);
        }
      });

      it('runs a whole round: twelve pupils, a retry counted once, close, and the figures', async () => {
        const { code, teacherKey } = await create();
        const voters = Array.from({ length: 12 }, (_, n) => pupil(n));
        const keysUsed = voters.map(() => idem());
        const results = await Promise.all(voters.map((v, n) => submit(code, v, keysUsed[n])));
        expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
        expect(results[0]!.body).toEqual({ status: 'counted' });

        const retry = await submit(code, voters[2], keysUsed[2]);
        expect([retry.status, retry.body]).toEqual([200, { status: 'already-counted' }]);
        expect(
          ((await call(classroomApi.session(code))).body as { submissions: number }).submissions,
        ).toBe(12);

        const early = await call(classroomApi.results(code), { key: teacherKey });
        expect([early.status, (early.body as { error: string }).error]).toEqual([
          409,
          'still-open',
        ]);

        const closed = await call(classroomApi.close(code), { method: 'POST', key: teacherKey });
        expect([closed.status, closed.body]).toEqual([200, { open: false, submissions: 12 }]);
        const again = await call(classroomApi.close(code), { method: 'POST', key: teacherKey });
        expect([again.status, again.body]).toEqual([200, { open: false, submissions: 12 }]);

        const late = await submit(code, pupil(7));
        expect([late.status, (late.body as { error: string }).error]).toEqual([409, 'closed']);
        // The close deleted the idempotency keys: a retry of a counted one is closed too.
        const lateRetry = await submit(code, voters[0], keysUsed[0]);
        expect([lateRetry.status, (lateRetry.body as { error: string }).error]).toEqual([
          409,
          'closed',
        ]);

        const figures = await call(classroomApi.results(code), { key: teacherKey });
        expect(figures.status).toBe(200);
        const expected = expectedFigures(voters);
        expect(figures.body).toEqual(JSON.parse(JSON.stringify(expected.figures)));
        expect(figures.body).toMatchObject({ submissions: 12, p: RANDOMIZATION_P });
        // What is stored is the categories sent, nothing else.
        expect(await server.store.readCounters(code, clock)).toEqual(expected.counters);
        expect(((await call(classroomApi.session(code))).body as { open: boolean }).open).toBe(
          false,
        );
      });

      it(`withholds the figures of a closed round with fewer than ${MIN_SUBMISSIONS} pupils`, async () => {
        const { code, teacherKey } = await create();
        for (let n = 0; n < MIN_SUBMISSIONS - 1; n++)
          expect((await submit(code, pupil(n))).status).toBe(201);
        await call(classroomApi.close(code), { method: 'POST', key: teacherKey });
        const r = await call(classroomApi.results(code), { key: teacherKey });
        expect([r.status, r.body]).toEqual([200, { submissions: 9, withheld: 'too-few' }]);
      });

      it("counts at most the round's maxSubmissions: one more is 409 round-full", async () => {
        // A round as the service makes them, but with a cap of 3 (the service's is 500).
        const code = makeJoinCode((n) => randomBytes(n));
        await server.store.createRound({
          code,
          teacherKeyHash: 'unused',
          compass: compass.id,
          version: compass.version,
          createdAt: clock,
          expiresAt: new Date(clock.getTime() + 3600_000),
          statementIds: compass.statements.map((s) => s.id),
          p: RANDOMIZATION_P,
          maxSubmissions: 3,
        });
        const keysUsed = [0, 1, 2, 3].map(() => idem());
        for (const n of [0, 1, 2])
          expect((await submit(code, pupil(n), keysUsed[n])).status).toBe(201);
        const full = await submit(code, pupil(3), keysUsed[3]);
        expect([full.status, full.body]).toEqual([
          409,
          { error: 'round-full', message: MESSAGES['round-full'] },
        ]);
        // A retry of a counted pupil still learns that it was counted.
        expect((await submit(code, pupil(1), keysUsed[1])).status).toBe(200);
        expect((await server.store.getRound(code, clock))?.submissions).toBe(3);
      });

      it('needs the teacher key: 401 without (or malformed), 403 with another', async () => {
        const { code, teacherKey } = await create();
        const other = await create();
        for (const [method, path] of [
          ['POST', classroomApi.close(code)],
          ['GET', classroomApi.results(code)],
          ['DELETE', classroomApi.session(code)],
        ] as const) {
          const none = await call(path, { method });
          expect([none.status, (none.body as { error: string }).error]).toEqual([
            401,
            'missing-teacher-key',
          ]);
          for (const header of [
            'Basic abc',
            `Bearer ${teacherKey}x`,
            'Bearer',
            `bearer  ${'a'.repeat(10)}`,
          ]) {
            const r = await call(path, { method, headers: { authorization: header } });
            expect([r.status, (r.body as { error: string }).error], header).toEqual([
              401,
              'missing-teacher-key',
            ]);
          }
          const wrong = await call(path, { method, key: other.teacherKey });
          expect([wrong.status, (wrong.body as { error: string }).error]).toEqual([
            403,
            'wrong-teacher-key',
          ]);
        }
        expect(((await call(classroomApi.session(code))).body as { open: boolean }).open).toBe(
          true,
        );
      });

      it('deletes a round with everything in it', async () => {
        const { code, teacherKey } = await create();
        await submit(code, pupil(1));
        const r = await call(classroomApi.session(code), { method: 'DELETE', key: teacherKey });
        expect([r.status, r.text]).toEqual([204, '']);
        expect((await call(classroomApi.session(code))).status).toBe(404);
        expect((await call(classroomApi.results(code), { key: teacherKey })).status).toBe(404);
        expect((await submit(code, pupil(2))).status).toBe(404);
        expect(await server.store.readCounters(code, clock)).toBeNull();
        expect(
          (await call(classroomApi.session(code), { method: 'DELETE', key: teacherKey })).status,
        ).toBe(404);
      });

      it('expires a round: 410 while it is still stored, 404 once purged', async () => {
        const { code, teacherKey } = await create();
        const started = clock;
        try {
          clock = new Date(started.getTime() + 24 * 3600_000);
          for (const r of [
            await call(classroomApi.session(code)),
            await submit(code, pupil(1)),
            await call(classroomApi.close(code), { method: 'POST', key: teacherKey }),
            await call(classroomApi.results(code), { key: teacherKey }),
          ])
            expect([r.status, (r.body as { error: string }).error]).toEqual([410, 'expired']);
          expect(await server.store.purgeExpired(clock)).toBeGreaterThanOrEqual(1);
          expect((await call(classroomApi.session(code))).status).toBe(404);
        } finally {
          clock = started;
        }
      });

      it('refuses bad submissions with 4xx and the contract code, counting nothing', async () => {
        const { code } = await create();
        const first = compass.statements[0]!.id;
        const p = RANDOMIZATION_P;
        const all = pupil(1).categories;
        const rest = Object.fromEntries(Object.entries(all).filter(([id]) => id !== first));
        const cases: [string, () => Promise<Call>, number, string][] = [
          [
            'no key',
            () => call(classroomApi.submissions(code), { method: 'POST', json: pupil(1) }),
            400,
            'missing-idempotency-key',
          ],
          ['empty key', () => submit(code, pupil(1), ''), 400, 'missing-idempotency-key'],
          ['short key', () => submit(code, pupil(1), 'short'), 400, 'invalid-idempotency-key'],
          [
            'bad key',
            () => submit(code, pupil(1), 'x'.repeat(15) + '!'),
            400,
            'invalid-idempotency-key',
          ],
          [
            'long key',
            () => submit(code, pupil(1), 'x'.repeat(129)),
            400,
            'invalid-idempotency-key',
          ],
          [
            'unknown statement',
            () => submit(code, { p, categories: { ...all, nope: 'for' } }),
            400,
            'unknown-statement',
          ],
          [
            'not a category',
            () => submit(code, { p, categories: { ...all, [first]: 'helt-for' } }),
            400,
            'invalid-answer',
          ],
          [
            'a five-point answer as category',
            () => submit(code, { p, categories: { ...all, [first]: 1 } }),
            400,
            'invalid-answer',
          ],
          [
            'a statement missing',
            () => submit(code, { p, categories: rest }),
            400,
            'invalid-voter',
          ],
          [
            'another p',
            () => submit(code, { p: 0.5, categories: all }),
            400,
            'wrong-randomization',
          ],
          [
            'no randomization',
            () => submit(code, { p: 0, categories: all }),
            400,
            'wrong-randomization',
          ],
          ['p as text', () => submit(code, { p: '0.4', categories: all }), 400, 'invalid-voter'],
          ['no p', () => submit(code, { categories: all }), 400, 'invalid-voter'],
          [
            'the five-point shape of an older app',
            () => submit(code, { answers: { [first]: { answer: 1, important: true } } }),
            400,
            'outdated-submission',
          ],
          [
            'client percentages',
            () => submit(code, { p, categories: all, results: { s: 100 } }),
            400,
            'invalid-voter',
          ],
          ['no categories', () => submit(code, {}), 400, 'invalid-voter'],
          ['array', () => submit(code, []), 400, 'invalid-voter'],
          [
            'party filter',
            () => submit(code, { p, categories: all, parties: [compass.parties[0]!.id] }),
            400,
            'invalid-voter',
          ],
          [
            'prototype key',
            () =>
              call(classroomApi.submissions(code), {
                method: 'POST',
                idem: idem(),
                headers: { 'content-type': 'application/json' },
                body: '{"p":0.4,"categories":{"__proto__":"for"}}',
              }),
            400,
            'invalid-body',
          ],
          [
            'malformed JSON',
            () =>
              call(classroomApi.submissions(code), {
                method: 'POST',
                idem: idem(),
                headers: { 'content-type': 'application/json' },
                body: '{"p":0.4,"categories":',
              }),
            400,
            'invalid-json',
          ],
          [
            'empty body',
            () =>
              call(classroomApi.submissions(code), {
                method: 'POST',
                idem: idem(),
                headers: { 'content-type': 'application/json' },
                body: '',
              }),
            400,
            'invalid-voter',
          ],
          [
            'text/plain',
            () =>
              call(classroomApi.submissions(code), {
                method: 'POST',
                idem: idem(),
                headers: { 'content-type': 'text/plain' },
                body: '{}',
              }),
            415,
            'unsupported-media-type',
          ],
          [
            'form',
            () =>
              call(classroomApi.submissions(code), {
                method: 'POST',
                idem: idem(),
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: 'a=1',
              }),
            415,
            'unsupported-media-type',
          ],
          [
            'huge body',
            () => submit(code, { p, categories: all, pad: 'x'.repeat(40_000) }),
            413,
            'body-too-large',
          ],
        ];
        for (const [name, send, status, error] of cases) {
          const r = await send();
          expect([r.status, (r.body as { error: string }).error], name).toEqual([status, error]);
          expect((r.body as { message: string }).message, name).toBe(
            MESSAGES[error as keyof typeof MESSAGES],
          );
        }
        const big = await call(classroomApi.sessions, {
          method: 'POST',
          json: { compass: 'x'.repeat(2000) },
        });
        expect([big.status, (big.body as { error: string }).error]).toEqual([
          413,
          'body-too-large',
        ]);
        expect(
          ((await call(classroomApi.session(code))).body as { submissions: number }).submissions,
        ).toBe(0);
      });

      it('answers unknown endpoints with 404 and wrong methods with 405, in JSON', async () => {
        const unknown = await call('/api/nothing/here');
        expect([unknown.status, (unknown.body as { error: string }).error]).toEqual([
          404,
          'no-such-endpoint',
        ]);
        const post = await call('/api/nothing', { method: 'POST', json: {} });
        expect(post.status).toBe(404);
        const wrong = await call(classroomApi.health, { method: 'POST', json: {} });
        expect([
          wrong.status,
          (wrong.body as { error: string }).error,
          wrong.headers.get('allow'),
        ]).toEqual([405, 'method-not-allowed', 'GET']);
        const put = await call(classroomApi.session('222222222'), { method: 'PUT', json: {} });
        expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, DELETE']);
        const getSessions = await call(classroomApi.sessions);
        expect([getSessions.status, getSessions.headers.get('allow')]).toEqual([405, 'POST']);
      });

      it('streams the live count: on connect, after each submission, and when closed', async () => {
        const { code, teacherKey } = await create();
        const controller = new AbortController();
        const response = await fetch(server.url + classroomApi.events(code), {
          signal: controller.signal,
        });
        try {
          expect(response.status).toBe(200);
          expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
          expect(response.headers.get('content-security-policy')).toBe(CSP);
          const events = sseReader(response);
          expect(await events.next()).toEqual({
            event: 'count',
            data: '{"submissions":0,"open":true}',
          });
          await submit(code, pupil(1));
          expect(await events.next()).toEqual({
            event: 'count',
            data: '{"submissions":1,"open":true}',
          });
          await submit(code, pupil(2));
          expect(JSON.parse((await events.next())!.data)).toEqual({ submissions: 2, open: true });
          await call(classroomApi.close(code), { method: 'POST', key: teacherKey });
          expect(JSON.parse((await events.next())!.data)).toEqual({ submissions: 2, open: false });
          // The keep-alive comments arrive (every 200 ms in this test, 20 s by default).
          const before = events.comments();
          await call(classroomApi.session(code), { method: 'DELETE', key: teacherKey });
          // Deleting the round ends the stream.
          expect(await events.next()).toBeNull();
          expect(events.comments()).toBeGreaterThanOrEqual(before);
        } finally {
          controller.abort();
        }
        const gone = await call(classroomApi.events(code));
        expect(gone.status).toBe(404);
      });

      it('sends the security headers on every response and never a cookie', async () => {
        const { code, teacherKey } = await create();
        const responses = [
          await call(classroomApi.health),
          await call(classroomApi.session(code)),
          await submit(code, pupil(3)),
          await call(classroomApi.close(code), { method: 'POST', key: teacherKey }),
          await call(classroomApi.results(code), { key: teacherKey }),
          await call('/api/nope'),
          await call('/'),
          await call('/embed/demo'),
          await call(ASSET_PATH),
          await call('/embed.js'),
          await call(`/data/${compass.id}.json`),
          await call('/assets/missing-123.js'),
        ];
        for (const r of responses) {
          expect(r.headers.get('content-security-policy')).toBe(CSP);
          expect(r.headers.get('referrer-policy')).toBe('no-referrer');
          expect(r.headers.get('x-content-type-options')).toBe('nosniff');
          expect(r.headers.get('permissions-policy')).toContain('camera=()');
          expect(r.headers.get('x-frame-options')).toBeNull();
          expect(r.headers.get('strict-transport-security')).toBeNull();
          expect(r.headers.get('set-cookie')).toBeNull();
        }
        for (const r of responses.slice(0, 6))
          expect(r.headers.get('cache-control')).toBe('no-store');
      });

      it('lets only the site itself frame the classroom pages; the embed frame keeps its policy', async () => {
        const classroomCsp = CSP.replace(/frame-ancestors \*$/, "frame-ancestors 'self'");
        for (const path of [
          '/klass',
          '/klass/K7M-2XP-9DW',
          '/demo/klass',
          '/demo/klass/ny',
          '/demo/klass/K7M-2XP-9DW/larare',
          '/ar/demo/klass/K7M-2XP-9DW/larare',
          '/klass/K7M-2XP-9DW?x=1',
        ]) {
          const r = await call(path);
          expect([r.status, r.headers.get('content-security-policy')], path).toEqual([
            200,
            classroomCsp,
          ]);
        }
        for (const path of ['/', '/embed/demo', '/embed/demo/klass', '/demo/fraga/1', PAGE_PATH]) {
          const r = await call(path);
          expect(r.headers.get('content-security-policy'), path).toBe(CSP);
        }
      });

      it('serves the site: prerendered pages at their address, the app shell for other app routes, files with their cache and CORS headers', async () => {
        for (const [path, html] of [
          ['/', INDEX_HTML],
          [PAGE_PATH, PAGE_HTML],
          [`${PAGE_PATH}/`, PAGE_HTML],
          ['/klass', SHELL_HTML],
          ['/demo/klass/K7M-2XP-9DW/larare', SHELL_HTML],
          ['/embed/demo', SHELL_HTML],
          ['/resultat/parti/s', SHELL_HTML],
          ['/demo/fraga/1/../../../etc', SHELL_HTML],
        ] as const) {
          const r = await call(path);
          expect([r.status, r.text], path).toEqual([200, html]);
          expect(r.headers.get('content-type')).toMatch(/^text\/html/);
          expect(r.headers.get('cache-control')).toBe('public, max-age=300');
          expect(r.headers.get('access-control-allow-origin')).toBeNull();
        }
        const asset = await call(ASSET_PATH);
        expect([asset.status, asset.headers.get('cache-control')]).toEqual([
          200,
          'public, max-age=31536000, immutable',
        ]);
        for (const path of ['/embed.js', `/data/${compass.id}.json`]) {
          const r = await call(path);
          expect([
            r.status,
            r.headers.get('cache-control'),
            r.headers.get('access-control-allow-origin'),
          ]).toEqual([200, 'public, max-age=300', '*']);
        }
        expect((await call('/assets/missing-123.js')).status).toBe(404);
        expect((await call('/data/missing.json')).status).toBe(404);
        expect((await call('/../../etc/passwd')).text).not.toContain('root:');
        expect((await call('/%E0%A4%A')).status).toBe(400);
        expect((await call('/klass', { method: 'POST', json: {} })).status).toBe(405);
      });

      it('lets a whole class behind one address submit at once (NAT)', async () => {
        const { code } = await create();
        const results = await Promise.all(
          Array.from({ length: 35 }, (_, n) => submit(code, pupil(n))),
        );
        expect(results.map((r) => r.status)).toEqual(Array(35).fill(201));
        expect(
          ((await call(classroomApi.session(code))).body as { submissions: number }).submissions,
        ).toBe(35);
      });

      it('logs no address, key, body or Authorization header', async () => {
        const { code, teacherKey } = await create();
        await submit(code, pupil(4));
        await call(classroomApi.close(code), { method: 'POST', key: teacherKey });
        await call(classroomApi.results(code), { key: teacherKey });
        const text = log.join('');
        expect(log.length).toBeGreaterThan(5);
        expect(text).toContain('/api/sessions/:code/submissions');
        for (const secret of [
          '127.0.0.1',
          teacherKey,
          'Bearer',
          'authorization',
          code,
          '"categories"',
          'hoppade-over',
        ])
          expect(text, secret).not.toContain(secret);
      });
    });
  },
);

describe('configured headers and rate limits', () => {
  let site: TestSite;
  let server: RunningServer;
  const api = client(() => server.url);
  const tight: RateLimits = {
    createRound: { perClient: 3, overall: 100, windowMs: 60_000 },
    submit: { perClient: 100, overall: 5, windowMs: 60_000 },
    other: DEFAULT_LIMITS.other,
  };

  beforeAll(async () => {
    site = makeSite([compass]);
    server = await startServer({
      staticDir: site.dir,
      databaseUrl: 'sqlite::memory:',
      limits: tight,
      hsts: true,
      frameAncestors: "'self' https://tidningen.example",
    });
  });
  afterAll(async () => {
    await server?.close();
    site?.remove();
  });

  it('sends HSTS when enabled and the configured frame-ancestors', async () => {
    const r = await api.call('/');
    expect(r.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(r.headers.get('content-security-policy')).toMatch(
      /; frame-ancestors 'self' https:\/\/tidningen\.example$/,
    );
    // The classroom pages are framed by the site only, whatever the setting allows.
    const teacher = await api.call('/demo/klass/K7M-2XP-9DW/larare');
    expect(teacher.headers.get('content-security-policy')).toMatch(/; frame-ancestors 'self'$/);
    const embed = await api.call('/embed/demo');
    expect(embed.headers.get('content-security-policy')).toMatch(
      /; frame-ancestors 'self' https:\/\/tidningen\.example$/,
    );
  });

  it('limits starting rounds per client and submissions overall, with 429 and Retry-After', async () => {
    const created = [];
    for (let n = 0; n < 3; n++) created.push(await api.create());
    const refused = await api.call(classroomApi.sessions, {
      method: 'POST',
      json: { compass: compass.id },
    });
    expect([refused.status, (refused.body as { error: string }).error]).toEqual([
      429,
      'rate-limited',
    ]);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    const code = created[0]!.code;
    const statuses = [];
    for (let n = 0; n < 7; n++) statuses.push((await api.submit(code, pupil(n))).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    // Reading the round is limited separately.
    expect((await api.call(classroomApi.session(code))).status).toBe(200);
  });
});

describe('behind one proxy (TRUST_PROXY=1)', () => {
  let server: RunningServer;
  const api = client(() => server.url);

  beforeAll(async () => {
    server = await startServer({
      staticDir: null,
      compasses: new Map([[compass.id, compass]]),
      databaseUrl: 'sqlite::memory:',
      trustProxy: readConfig({ TRUST_PROXY: '1' }).trustProxy,
      limits: {
        ...DEFAULT_LIMITS,
        createRound: { perClient: 3, overall: 1000, windowMs: 60_000 },
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("keeps a client whatever X-Forwarded-For it makes up: the proxy's own entry decides", async () => {
    // The proxy appends the address it saw; everything before it is the client's to invent.
    const from = (forged: string) => ({ 'x-forwarded-for': `${forged}, 203.0.113.7` });
    const statuses = [];
    for (let n = 0; n < 5; n++) {
      const r = await api.call(classroomApi.sessions, {
        method: 'POST',
        json: { compass: compass.id },
        headers: from(`198.51.100.${n}`),
      });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    // Another client behind the same proxy has its own limit.
    const other = await api.call(classroomApi.sessions, {
      method: 'POST',
      json: { compass: compass.id },
      headers: { 'x-forwarded-for': '203.0.113.8' },
    });
    expect(other.status).toBe(201);
  });
});
