import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { openApiDoc, type Operation, pointer } from '../../test/server/openapi-doc.ts';
import { makeSite, type TestSite } from '../../test/server/site.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { PUBLISHED_STATUS } from './messages.ts';
import { builtIdsOf, openPublishedStore } from './open.ts';
import { ListQuery, parseDataFile, PUBLISHED_ROUTES } from './plugin.ts';
import type { PublishedStore } from './store.ts';
import { publishedServer } from './test-server.ts';

// docs/published-api.yaml against the plugin: every documented path is a registered route, the
// query's schemas are the ones Fastify checks, the error codes are the plugin's (and the site's
// not-found), and every real response fits what the file documents.

const { doc, ajv } = openApiDoc('docs/published-api.yaml');
const demo: Compass = loadValidBank('tests/fixtures/demo');

/** The documented path of a concrete one (the `/data/` names through the plugin's own parser). */
function templateOf(path: string): string {
  if (path === '/api/compasses') return path;
  const asked = parseDataFile(path.slice('/data/'.length));
  if (!path.startsWith('/data/') || !asked) throw new Error(`${path} is not documented`);
  return `/data/{id}${asked.version === null ? '' : '@{version}'}${asked.part === 'programmes' ? '-programmes' : ''}.json`;
}

/** Every documented path and header fits the response; its JSON body fits the schema. */
function check(url: string, response: LightMyRequestResponse): void {
  const template = templateOf(url.split('?')[0]!);
  const status = String(response.statusCode);
  const operation = doc.paths[template]?.get as Operation | undefined;
  expect(operation, template).toBeDefined();
  const documented = operation!.responses[status];
  expect(documented, `${template} documents ${status}`).toBeDefined();
  if (status === '304') return;
  const ref = documented!.$ref
    ? `openapi${documented!.$ref}/content/application~1json/schema`
    : `openapi#/${pointer('paths', template, 'get', 'responses', status)}/content/application~1json/schema`;
  const validate = ajv.getSchema(ref)!;
  expect(validate, ref).toBeDefined();
  expect(validate(response.json()), `${url} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(
    true,
  );
  const headers = (documented as { headers?: Record<string, { $ref: string }> }).headers ?? {};
  for (const [name, header] of Object.entries(headers)) {
    const schema = ajv.getSchema(`openapi${header.$ref}/schema`)!;
    expect(schema(response.headers[name.toLowerCase()]), `${url} ${name}`).toBe(true);
  }
}

describe('docs/published-api.yaml', () => {
  let site: TestSite;
  let store: PublishedStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    site = makeSite([demo]);
    store = await openPublishedStore('sqlite::memory:', { builtIds: builtIdsOf(site.dir) });
    app = await publishedServer({ store, staticDir: site.dir });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    site?.remove();
  });

  it('names the routes the plugin registers', () => {
    const documented = Object.keys(doc.paths).map((path) =>
      path.startsWith('/data/') ? 'GET /data/:file' : `GET ${path}`,
    );
    expect([...new Set(documented)].sort()).toEqual([...PUBLISHED_ROUTES].sort());
    for (const route of PUBLISHED_ROUTES) {
      const [method, url] = route.split(' ') as ['GET', string];
      expect(app.hasRoute({ method, url }), route).toBe(true);
    }
    for (const path of Object.keys(doc.paths).filter((p) => p.startsWith('/data/')))
      expect(templateOf(path.replace('{id}', 'x').replace('{version}', '2')), path).toBe(path);
  });

  it('holds the query schemas Fastify validates with, and the error codes', () => {
    const get = doc.paths['/api/compasses']!.get as {
      parameters: { name: string; schema: unknown }[];
    };
    expect(Object.fromEntries(get.parameters.map((p) => [p.name, p.schema]))).toEqual(
      JSON.parse(JSON.stringify(ListQuery.properties)),
    );
    const codes = (doc.components.schemas.ApiError as { properties: { error: { enum: string[] } } })
      .properties.error.enum;
    expect([...codes].sort()).toEqual(
      [...Object.keys(PUBLISHED_STATUS), 'no-such-endpoint'].sort(),
    );
  });

  it('documents every real response', async () => {
    const send = async (url: string, headers: Record<string, string> = {}) => {
      const response = await app.inject({ method: 'GET', url, headers });
      check(url, response);
      return response;
    };
    await send('/api/compasses');
    for (const version of ['1', '2'])
      await store.publish({
        id: 'lokal',
        workspace: 'w',
        compass: { ...demo, id: 'lokal', version },
        programmes: { a: 'Program' },
        region: 'Region Demo',
        electionDate: '2026-09-13',
        at: 1_800_000_000_000,
      });
    await send('/api/compasses?q=lokal&offset=0');
    await send('/api/compasses?offset=x');
    const latest = await send('/data/lokal.json');
    await send('/data/lokal.json', { 'if-none-match': latest.headers.etag! });
    await send('/data/lokal-programmes.json');
    await send('/data/lokal@1.json');
    await send('/data/lokal@1-programmes.json');
    await send('/data/lokal@9.json');
    await send('/data/lokal@9-programmes.json');
    await send('/data/ingen.json');
    await send('/data/ingen@1.json');
    await send('/data/ingen-programmes.json');
  });
});
