import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { CATEGORIES, RANDOMIZATION_P } from '../../domain/classroom/index.ts';
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
  const category = fc.oneof(
    fc.constantFrom(...CATEGORIES),
    fc.constantFrom('helt-for', 'skip', 1, null),
    fc.jsonValue(),
  );
  const p = fc.oneof(fc.constant(RANDOMIZATION_P), fc.constantFrom(0.5, 0, 1, -1, '0.4'));
  /** Every statement with a category, as the browser sends it. */
  const complete = fc.record(
    Object.fromEntries(compass.statements.map((s) => [s.id, fc.constantFrom(...CATEGORIES)])),
  );
  const submission = fc.oneof(
    fc.record({ p, categories: complete }),
    fc.record({ p, categories: fc.dictionary(statementId, category) }),
    fc.record({ p, categories: complete, extra: fc.jsonValue() }),
    // The five-point shape of an older app.
    fc.record({ answers: fc.dictionary(statementId, fc.jsonValue()) }),
    fc.jsonValue(),
  );
  /**
   * JSON text nested up to 16 000 arrays or objects deep (written as text: a recursive walk of
   * such a value, JSON.stringify's included, overflows the stack), in each place of a submission;
   * half of them at least 10 000 deep.
   */
  const deep = fc
    .tuple(
      fc.oneof(
        fc.noBias(fc.integer({ min: 1, max: 16_000 })),
        fc.noBias(fc.integer({ min: 10_000, max: 16_000 })),
      ),
      fc.boolean(),
      fc.constantFrom('1', '"x"', '[]', '{}'),
    )
    .map(([depth, arrays, inner]) =>
      arrays
        ? `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`
        : `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`,
    );
  const first = compass.statements[0]!.id;
  /** Every other statement with a category, as JSON members. */
  const rest = compass.statements
    .slice(1)
    .map((s) => `${JSON.stringify(s.id)}:"for"`)
    .join(',');
  const deepSubmission = fc
    .tuple(
      fc.constantFrom(
        `{"p":0.4,"categories":{"${first}":DEEP}}`,
        `{"p":0.4,"categories":{${rest},"${first}":DEEP}}`,
        `{"p":0.4,"categories":{"nope":DEEP}}`,
        '{"p":0.4,"categories":DEEP}',
        '{"p":DEEP,"categories":{}}',
        '{"p":0.4,"categories":{},"extra":DEEP}',
        '{"p":0.4,"categories":{"__proto__":DEEP}}',
        `{"answers":{"${first}":{"answer":DEEP}}}`,
        '{"answers":DEEP}',
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
