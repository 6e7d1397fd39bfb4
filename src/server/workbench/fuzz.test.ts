import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKBENCH_MESSAGES } from './messages.ts';
import { fixtureWorkspace, workbenchTestServer as workbenchServer } from './test-server.ts';

// Random requests to the workbench's routes, with real and garbled keys, ids, If-Match headers
// and bodies: never a 5xx, every refusal `{ error, message }` with one of the workbench's codes.

describe('workbench under random requests', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let workspace: string;
  let keys: string[];
  let coder: string;

  beforeAll(async () => {
    ({ app, close } = await workbenchServer('sqlite::memory:'));
    const created = (
      await app.inject({ method: 'POST', url: '/api/workspaces', payload: { title: 'F' } })
    ).json<{ workspace: { id: string }; editorKey: string }>();
    workspace = created.workspace.id;
    const added = (
      await app.inject({
        method: 'POST',
        url: `/api/workspaces/${workspace}/coders`,
        payload: { label: 'A' },
        headers: { authorization: `Bearer ${created.editorKey}` },
      })
    ).json<{ coder: { id: string }; coderKey: string }>();
    coder = added.coder.id;
    keys = [created.editorKey, added.coderKey];
  });
  afterAll(async () => {
    await close?.();
  });

  it('never answers a 5xx on the items, reconciliation and publish routes', async () => {
    const fixture = await fixtureWorkspace(app);
    const itemKeys = [fixture.editorKey, fixture.a.coderKey];
    const shapes = [
      () => 'meta',
      (a: string) => `parties/${a}`,
      (a: string) => `programmes/${a}`,
      (a: string) => `statements/${a}`,
      (a: string, b: string) => `decisions/${a}/${b}`,
      (a: string, b: string) => `codings/${a}/${b}`,
      () => 'agreement?coders=x,y',
      () => 'draft',
      () => 'import',
      () => 'export',
      () => 'publish',
      () => '',
    ];
    const id = fc.oneof(
      fc.constantFrom('skatt-01', 'skola-02', 's', 'v', 'm', 'nej', 'a.b'),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
    );
    const quote = fc.oneof(
      fc.record({
        start: fc.integer({ min: -5, max: 200 }),
        end: fc.integer({ min: -5, max: 200 }),
      }),
      fc.constant(null),
    );
    const body = fc.oneof(
      fc.json(),
      fc
        .record(
          {
            position: fc.constantFrom(-1, 0.5, 1, null, 3),
            kind: fc.constantFrom('stated', 'implied', 'silent'),
            confidence: fc.constantFrom('explicit', 'general', 'x'),
            quote,
            quotes: fc.array(quote, { maxLength: 3 }),
            note: fc.string(),
            reason: fc.string(),
            text: fc.string(),
            boilerplate: fc.array(fc.string(), { maxLength: 3 }),
            compass: fc.oneof(fc.string(), fc.json()),
            programmes: fc.dictionary(fc.string(), fc.string()),
            id: fc.string(),
            order: fc.integer(),
          },
          { requiredKeys: [] },
        )
        .map((value) => JSON.stringify(value)),
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'PUT', 'POST', 'DELETE'),
      shape: fc.integer({ min: 0, max: shapes.length - 1 }),
      a: id,
      b: id,
      key: fc.constantFrom(0, 1, 2),
      ifMatch: fc.option(fc.constantFrom('"1"', '2', '*', 'W/"1"'), { nil: undefined }),
      body,
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, shape, a, b, key, ifMatch, body }) => {
        const url = `${fixture.base}/${shapes[shape]!(a, b)}`.replace(/\/$/, '');
        const response = await app.inject({
          method: method as 'GET',
          url,
          payload: method === 'GET' || method === 'DELETE' ? undefined : body,
          headers: {
            'content-type': 'application/json',
            ...(key < 2 ? { authorization: `Bearer ${itemKeys[key]}` } : {}),
            ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
          },
        });
        expect(response.statusCode, `${method} ${url} ${body}`).toBeLessThan(500);
        if (response.statusCode >= 400 && response.statusCode !== 404) {
          const { error } = response.json<{ error: string }>();
          expect(Object.keys(WORKBENCH_MESSAGES)).toContain(error);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never answers a 5xx', async () => {
    const segment = fc.oneof(
      fc.constantFrom('s1', 'p1', 'a.b', '-x', ''),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
    );
    const ws = fc.oneof(
      fc.constant(() => workspace),
      segment.map((s) => () => s),
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'PUT', 'POST'),
      path: fc.tuple(ws, segment, segment, fc.constantFrom('codings', 'coders', 'own')),
      key: fc.constantFrom(0, 1, 2, 3),
      ifMatch: fc.option(fc.oneof(fc.constantFrom('"1"', '1', '*', 'W/"2"'), fc.string()), {
        nil: undefined,
      }),
      body: fc.oneof(
        fc.json(),
        fc
          .record(
            {
              position: fc.constantFrom(-1, -0.5, 0, 0.5, 1, null, 2, '1'),
              kind: fc.constantFrom('stated', 'implied', 'silent', 'x'),
              quote: fc.oneof(
                fc.constant(null),
                fc.record({ start: fc.integer(), end: fc.integer() }),
                fc.record({ start: fc.double(), end: fc.nat() }),
              ),
              note: fc.oneof(fc.string(), fc.nat()),
              title: fc.string(),
              label: fc.string(),
            },
            { requiredKeys: [] },
          )
          .map((value) => JSON.stringify(value)),
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, key, ifMatch, body }) => {
        const [w, a, b, shape] = path;
        const url =
          shape === 'codings'
            ? `/api/workspaces/${w()}/codings/${a}/${b}`
            : shape === 'coders'
              ? `/api/workspaces/${w()}/coders/${key === 3 ? coder : a}/codings/${a}/${b}`
              : method === 'POST' && a === 's1'
                ? '/api/workspaces'
                : `/api/workspaces/${w()}/coders`;
        const authorization =
          key < 2 ? `Bearer ${keys[key]}` : key === 2 ? 'Bearer nope' : undefined;
        const response = await app.inject({
          method: method as 'GET',
          url,
          payload: method === 'GET' ? undefined : body,
          headers: {
            'content-type': 'application/json',
            ...(authorization ? { authorization } : {}),
            ...(ifMatch === undefined ? {} : { 'if-match': ifMatch.replace(/[^\x20-\x7e]/g, '') }),
          },
        });
        expect(response.statusCode, `${method} ${url} ${body}`).toBeLessThan(500);
        if (response.statusCode >= 400 && response.statusCode !== 404) {
          const { error } = response.json<{ error: string }>();
          expect(Object.keys(WORKBENCH_MESSAGES)).toContain(error);
        }
      }),
      { numRuns: 400 },
    );
  });
});
