import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { fuzzRuns } from '../../test/tier.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { buildServer } from '../app.ts';
import type { RateLimits } from '../config.ts';
import { openStore } from '../storage/index.ts';
import type { ClassroomStore } from '../storage/types.ts';

// Bad input is never a 5xx: random methods, paths, headers and bodies (valid rounds and keys
// mixed in, so that requests also get past the first checks) always give a 2xx-4xx, and every
// API error is `{ error, message }`.

const compass: Compass = loadValidBank('tests/fixtures/demo');
const unlimited = { perClient: 1e9, overall: 1e9, windowMs: 60_000 };
const limits: RateLimits = { createRound: unlimited, submit: unlimited, other: unlimited };

describe('the service under random requests', () => {
  let store: ClassroomStore;
  let app: FastifyInstance;
  let code = '';
  let teacherKey = '';

  beforeAll(async () => {
    store = await openStore('sqlite::memory:');
    app = await buildServer({
      store,
      compasses: new Map([[compass.id, compass]]),
      staticDir: null,
      limits,
    });
    const created = await app.inject({
      method: 'POST',
      url: '/api/sessions',
      payload: { compass: compass.id },
    });
    ({ code, teacherKey } = created.json<{ code: string; teacherKey: string }>());
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  const statementId = fc.oneof(
    fc.constantFrom(...compass.statements.map((s) => s.id)),
    fc.constantFrom('__proto__', 'constructor', 'toString', ''),
    fc.string(),
  );
  const answer = fc.record(
    {
      answer: fc.oneof(fc.constantFrom(-1, -0.5, 0, 0.5, 1, 'skip'), fc.jsonValue()),
      important: fc.oneof(fc.boolean(), fc.jsonValue()),
    },
    { requiredKeys: [] },
  );
  const submission = fc.oneof(
    fc.record({ answers: fc.dictionary(statementId, answer) }),
    fc.record({ answers: fc.dictionary(statementId, answer), parties: fc.jsonValue() }),
    fc.jsonValue(),
  );
  /**
   * JSON text nested up to 16 000 arrays or objects deep (written as text: a recursive walk of
   * such a value, JSON.stringify's included, overflows the stack), in each place of a submission.
   */
  const deep = fc
    .tuple(
      fc.noBias(fc.integer({ min: 1, max: 16_000 })),
      fc.boolean(),
      fc.constantFrom('1', '"x"', '[]', '{}'),
    )
    .map(([depth, arrays, inner]) =>
      arrays
        ? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`
        : `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`,
    );
  const first = compass.statements[0]!.id;
  const deepSubmission = fc
    .tuple(
      fc.constantFrom(
        `{"answers":{"${first}":{"answer":DEEP}}}`,
        `{"answers":{"${first}":{"answer":1,"important":DEEP}}}`,
        '{"answers":DEEP}',
        '{"answers":{},"parties":DEEP}',
        '{"answers":{"__proto__":DEEP}}',
        'DEEP',
      ),
      deep,
    )
    .map(([template, value]) => template.replace('DEEP', value));
  const body = fc.oneof(
    submission.map((value) => JSON.stringify(value)),
    deepSubmission,
    fc.string(),
    fc.constantFrom(
      '{"__proto__":{"x":1}}',
      '{"constructor":{"prototype":{}}}',
      '{',
      '',
      'null',
      '[]',
    ),
    fc.constantFrom('x'.repeat(40_000)),
  );
  const codePart = fc.oneof(
    fc.constant(() => code),
    fc
      .constantFrom('K7M-2XP-9DW', 'k7m2xp9dw', '%zz', '..', '%2e%2e', 'A'.repeat(300))
      .map((c) => () => c),
    fc.string().map((s) => () => encodeURIComponent(s)),
  );
  const path = fc.oneof(
    fc
      .tuple(
        codePart,
        fc.constantFrom('', '/submissions', '/close', '/results', '/events', '/x', '/'),
      )
      .map(
        ([c, tail]) =>
          () =>
            `/api/sessions/${c()}${tail}`,
      ),
    fc
      .constantFrom(
        '/api/health',
        '/api/sessions',
        '/api',
        '/api/',
        '/api/health?x=1',
        '/api//sessions',
      )
      .map((p) => () => p),
    fc.webPath().map((p) => () => `/api${p}`),
  );
  const headers = fc.record(
    {
      'content-type': fc.constantFrom(
        'application/json',
        'text/plain',
        'application/json; charset=utf-8',
        'multipart/form-data',
        'application/x-www-form-urlencoded',
        '',
      ),
      'idempotency-key': fc.oneof(
        fc.string(),
        fc.uuid(),
        fc.constantFrom('a'.repeat(16), 'a'.repeat(129)),
      ),
      authorization: fc.oneof(
        fc.string(),
        fc.constant('teacher'),
        fc.constantFrom('Bearer ', 'Bearer x', `Bearer ${'A'.repeat(43)}`),
      ),
      'x-forwarded-for': fc.ipV4(),
    },
    { requiredKeys: [] },
  );

  it('never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD'),
        path,
        headers,
        fc.option(body),
        async (method, url, rawHeaders, payload) => {
          const sent: Record<string, string> = {};
          for (const [name, value] of Object.entries(rawHeaders)) {
            if (value === undefined) continue;
            sent[name] =
              name === 'authorization' && value === 'teacher' ? `Bearer ${teacherKey}` : value;
          }
          const target = url();
          if (
            /[^\x21-\x7e]/.test(target) ||
            Object.values(sent).some((v) => /[^\x20-\x7e]/.test(v))
          )
            return;
          // A live-count stream never ends by itself (tested over real connections elsewhere).
          if (method === 'GET' && /\/events\/?(\?|$)/.test(target)) return;
          const response = await app.inject({
            method: method as 'GET',
            url: target,
            headers: sent,
            ...(payload !== null && method !== 'GET' && method !== 'HEAD' ? { payload } : {}),
          });
          expect(response.statusCode, `${method} ${target} → ${response.body}`).toBeLessThan(500);
          if (response.statusCode >= 400 && method !== 'HEAD') {
            const parsed = response.json<{ error: unknown; message: unknown }>();
            expect(typeof parsed.error).toBe('string');
            expect(typeof parsed.message).toBe('string');
          }
        },
      ),
      { numRuns: fuzzRuns(150, 3000) },
    );
  });

  it('never answers 5xx to a deeply nested submission to a live round', async () => {
    await fc.assert(
      fc.asyncProperty(deepSubmission, fc.uuid(), async (payload, key) => {
        const response = await app.inject({
          method: 'POST',
          url: `/api/sessions/${code}/submissions`,
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          payload,
        });
        expect(response.statusCode, payload.slice(0, 60)).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, payload.slice(0, 60)).toBeLessThan(500);
      }),
      { numRuns: fuzzRuns(60, 600) },
    );
  });
});
