import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { makeSite, type TestSite } from '../../test/server/site.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { builtIdsOf, openPublishedStore } from './open.ts';
import type { PublishedStore } from './store.ts';
import { publishedServer } from './test-server.ts';

// Random requests to the public routes (queries, file names, If-None-Match headers, methods):
// never a 5xx, every JSON refusal `{ error, message }`.

const demo: Compass = loadValidBank('tests/fixtures/demo');

describe('published routes under random requests', () => {
  let site: TestSite;
  let store: PublishedStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    site = makeSite([demo]);
    store = await openPublishedStore('sqlite::memory:', { builtIds: builtIdsOf(site.dir) });
    await store.publish({
      id: 'lokal',
      workspace: 'w',
      compass: { ...demo, id: 'lokal' },
      programmes: {},
      at: 1_800_000_000_000,
    });
    app = await publishedServer({ store, staticDir: site.dir });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    site?.remove();
  });

  it('never answers a 5xx', async () => {
    const text = fc.string({ maxLength: 40 }).map(encodeURIComponent);
    const file = fc.oneof(
      fc.constantFrom('lokal', 'demo', 'ingen', 'lokal@1', 'lokal@0', 'lokal@99999999999', ''),
      text,
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'HEAD', 'POST'),
      url: fc.oneof(
        fc
          .tuple(file, fc.constantFrom('.json', '-programmes.json', '.csv', ''))
          .map(([name, suffix]) => `/data/${name}${suffix}`),
        fc
          .tuple(fc.array(fc.tuple(fc.constantFrom('q', 'offset', 'x'), text), { maxLength: 3 }))
          .map(([pairs]) => `/api/compasses?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
      ),
      etag: fc.option(fc.oneof(fc.constantFrom('*', 'W/"1"', '"1-x"'), fc.string()), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, url, etag }) => {
        const response = await app.inject({
          method: method as 'GET',
          url,
          headers: etag === undefined ? {} : { 'if-none-match': etag },
        });
        expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
        if (response.statusCode >= 400 && method !== 'HEAD')
          expect(response.json(), `${method} ${url}`).toEqual({
            error: expect.any(String) as string,
            message: expect.any(String) as string,
          });
      }),
      { numRuns: 300 },
    );
  });
});
