import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import type { PublishedList } from '../../domain/workbench/api.ts';
import { storeBackends } from '../../test/server/backends.ts';
import { makeSite, type TestSite } from '../../test/server/site.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { toOpenData } from '../../tools/open-data.ts';
import { IMMUTABLE, NO_CACHE } from '../http/headers.ts';
import { PUBLISHED_MESSAGES } from './messages.ts';
import { builtIdsOf, openPublishedStore } from './open.ts';
import { openDataText } from './open-data.ts';
import type { PublishedStore } from './store.ts';
import { publishedServer } from './test-server.ts';

// The public routes over a real store on each database, beside a built site: the published
// files with their cache, CORS and security headers, the list, and the site's own data files
// served exactly as without the plugin.

const demo: Compass = loadValidBank('tests/fixtures/demo');
const shipped: Compass = loadValidBank('questions/socialpolitik');
const AT = 1_800_000_000_000;

const local = (version: string): Compass => ({
  ...demo,
  id: 'lokal',
  version,
  title: { sv: 'Lokalvalet i Å', en: 'The local election' },
});

/** Response headers that differ between two requests for the same thing. */
const VARYING = new Set(['date', 'connection', 'keep-alive']);
const stable = (response: LightMyRequestResponse) =>
  Object.fromEntries(Object.entries(response.headers).filter(([name]) => !VARYING.has(name)));

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  'published routes on %s',
  (_name, backend) => {
    let site: TestSite;
    let store: PublishedStore;
    let app: FastifyInstance;
    let plain: FastifyInstance;
    let bare: FastifyInstance;
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url, headers });

    beforeAll(async () => {
      site = makeSite([demo]);
      // The shipped compass's files as the build writes them.
      writeFileSync(
        join(site.dir, 'data', 'socialpolitik.json'),
        `${JSON.stringify(toOpenData(shipped), null, 2)}\n`,
      );
      writeFileSync(join(site.dir, 'data', 'socialpolitik-programmes.json'), '{"s":"Program"}');
      writeFileSync(join(site.dir, 'data', 'socialpolitik.csv'), 'statement_id\r\n');
      store = await openPublishedStore(await backend.start(), { builtIds: builtIdsOf(site.dir) });
      app = await publishedServer({ store, staticDir: site.dir });
      plain = await publishedServer({ store: null, staticDir: site.dir });
      bare = await publishedServer({ store, staticDir: null });
    }, 60_000);
    afterAll(async () => {
      await Promise.all([app?.close(), plain?.close(), bare?.close()]);
      await store?.close();
      await backend.stop();
      site?.remove();
    });

    it('serves the built site’s data files byte for byte with the same headers', async () => {
      for (const file of [
        'socialpolitik.json',
        'socialpolitik-programmes.json',
        'socialpolitik.csv',
        'demo.json',
        'demo-method.json',
        'compass.schema.json',
      ]) {
        for (const method of ['GET', 'HEAD'] as const) {
          const url = `/data/${file}`;
          const [withPlugin, without] = await Promise.all([
            app.inject({ method, url }),
            plain.inject({ method, url }),
          ]);
          expect(withPlugin.statusCode, url).toBe(200);
          expect(withPlugin.rawPayload.equals(without.rawPayload), url).toBe(true);
          expect(stable(withPlugin), url).toEqual(stable(without));
          expect(withPlugin.headers['access-control-allow-origin']).toBe('*');
        }
      }
      const built = await get('/data/socialpolitik.json');
      expect(built.body).toBe(`${JSON.stringify(toOpenData(shipped), null, 2)}\n`);
      const again = await get('/data/socialpolitik.json', { 'if-none-match': built.headers.etag! });
      expect(again.statusCode).toBe(304);
    });

    it('refuses to publish under a name the built site has', async () => {
      for (const id of ['socialpolitik', 'demo', 'demo-method'])
        expect(
          await store.publish({
            id,
            workspace: 'w',
            compass: { ...demo, id },
            programmes: {},
            at: AT,
          }),
        ).toEqual({ published: false, reason: 'taken' });
    });

    it('answers a file nobody published as the site does: 404 JSON', async () => {
      for (const url of [
        '/data/ingen.json',
        '/data/ingen@2.json',
        '/data/ingen-programmes.json',
        '/data/..%2fpackage.json',
      ]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.json(), url).toMatchObject({ error: 'no-such-endpoint' });
        expect((await plain.inject({ method: 'GET', url })).statusCode).toBe(404);
      }
      expect((await bare.inject({ method: 'GET', url: '/data/demo.json' })).statusCode).toBe(404);
    });

    it('serves the latest version at once, revalidated, and each version for good', async () => {
      expect(
        await store.publish({
          id: 'lokal',
          workspace: 'w',
          compass: local('1'),
          programmes: { a: 'Ett' },
          at: AT,
        }),
      ).toMatchObject({ published: true, version: { version: 1 } });
      const first = await get('/data/lokal.json');
      expect(first.statusCode).toBe(200);
      expect(first.body).toBe(openDataText(local('1')));
      expect(first.headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'cache-control': NO_CACHE,
        'access-control-allow-origin': '*',
        'content-location': '/data/lokal@1.json',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      // The same security headers as the site's own data files.
      const built = (await get('/data/demo.json')).headers;
      for (const name of ['content-security-policy', 'permissions-policy'])
        expect(first.headers[name], name).toBe(built[name]);
      expect(first.headers['set-cookie']).toBeUndefined();
      const etag = first.headers.etag!;
      expect(etag).toMatch(/^"1-[0-9a-z]+"$/);
      expect((await get('/data/lokal.json', { 'if-none-match': etag })).statusCode).toBe(304);
      expect((await get('/data/lokal.json', { 'if-none-match': `W/${etag}` })).statusCode).toBe(
        304,
      );
      const head = await app.inject({ method: 'HEAD', url: '/data/lokal.json' });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');

      await store.publish({
        id: 'lokal',
        workspace: 'w',
        compass: local('2'),
        programmes: { a: 'Två' },
        at: AT + 60_000,
      });
      const second = await get('/data/lokal.json', { 'if-none-match': etag });
      expect(second.statusCode).toBe(200);
      expect(second.body).toBe(openDataText(local('2')));
      expect(second.headers['content-location']).toBe('/data/lokal@2.json');
      expect(second.headers.etag).not.toBe(etag);
      expect((await get('/data/lokal-programmes.json')).json()).toEqual({ a: 'Två' });

      const old = await get('/data/lokal@1.json');
      expect(old.statusCode).toBe(200);
      expect(old.body).toBe(openDataText(local('1')));
      expect(old.headers).toMatchObject({
        'cache-control': IMMUTABLE,
        'access-control-allow-origin': '*',
        etag,
      });
      expect(old.headers['content-location']).toBeUndefined();
      expect((await get('/data/lokal@1-programmes.json')).json()).toEqual({ a: 'Ett' });
      expect((await get('/data/lokal@1.json', { 'if-none-match': etag })).statusCode).toBe(304);
      // Read again (this time from the process's memory): the same bytes.
      expect((await get('/data/lokal.json')).body).toBe(openDataText(local('2')));
      const none = await get('/data/lokal@3.json');
      expect(none.statusCode).toBe(404);
      expect(none.json()).toEqual({
        error: 'no-such-version',
        message: PUBLISHED_MESSAGES['no-such-version'],
      });
      // Without a built site, published files are still served.
      expect((await bare.inject({ method: 'GET', url: '/data/lokal@2.json' })).body).toBe(
        openDataText(local('2')),
      );
    });

    it('lists the published compasses, searched and paged', async () => {
      const response = await get('/api/compasses?q=LOKALVALET%20I%20A');
      expect(response.statusCode).toBe(200);
      expect(response.headers).toMatchObject({
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
      });
      const list = response.json<PublishedList>();
      expect(list.total).toBe(1);
      expect(list.compasses[0]).toMatchObject({ id: 'lokal', version: 2 });
      expect((await get('/api/compasses')).json<PublishedList>().total).toBe(1);
      expect((await get('/api/compasses?offset=50&extra=1')).json()).toEqual({
        compasses: [],
        total: 1,
      });
    });

    it('refuses a malformed query with 400 invalid-query', async () => {
      for (const query of [
        'offset=-1',
        'offset=1.5',
        'offset=abc',
        'offset=01',
        'offset=9999999',
        'q=a&q=b',
        `q=${'x'.repeat(201)}`,
      ]) {
        const response = await get(`/api/compasses?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.json(), query).toEqual({
          error: 'invalid-query',
          message: PUBLISHED_MESSAGES['invalid-query'],
        });
      }
    });
  },
);

describe('published routes when the database fails', () => {
  it('answer 500 server-error as JSON, and log it without the request', async () => {
    const store = await openPublishedStore('sqlite::memory:');
    const lines: string[] = [];
    const app = await publishedServer({
      store,
      staticDir: null,
      log: { write: (l) => lines.push(l) },
    });
    try {
      await store.close();
      for (const url of ['/data/lokal.json', '/api/compasses']) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(500);
        expect(response.json(), url).toEqual({
          error: 'server-error',
          message: PUBLISHED_MESSAGES['server-error'],
        });
      }
      expect(lines).toHaveLength(2);
      expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', route: '/data/:file' });
    } finally {
      await app.close();
    }
  });
});
