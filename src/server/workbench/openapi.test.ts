import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDoc, type Operation, pointer } from '../../test/server/openapi-doc.ts';
import { WORKBENCH_STATUS } from './messages.ts';
import { WORKBENCH_ROUTES } from './plugin.ts';
import {
  AddCoderRequest,
  CoderId,
  CodingRequest,
  CreateWorkspaceRequest,
  ItemId,
  WorkspaceId,
} from './schemas.ts';
import * as itemSchemas from './schemas-items.ts';
import {
  BOILERPLATE,
  client,
  fixtureWorkspace,
  PARTY,
  PROGRAMME,
  statementBody,
} from './test-server.ts';
import { workbenchTestServer as workbenchServer } from './test-server.ts';

// docs/workbench-api.yaml against the plugin: the same routes, the same request schemas, the same
// error codes, and every real response of a whole session fits what the file documents.

const { doc, ajv, templateOf, routes: documentedRoutes } = openApiDoc('docs/workbench-api.yaml');

/** The response fits the schema the file gives for its route and status. */
function check(method: string, path: string, response: LightMyRequestResponse): void {
  const template = templateOf(path);
  const status = String(response.statusCode);
  const operation = doc.paths[template]![method.toLowerCase()] as Operation;
  const documented = operation.responses[status];
  expect(documented, `${method} ${template} documents ${status}`).toBeDefined();
  const ref = documented!.$ref
    ? `openapi${documented!.$ref}/content/application~1json/schema`
    : `openapi#/${pointer('paths', template, method.toLowerCase(), 'responses', status)}/content/application~1json/schema`;
  const validate = ajv.getSchema(ref)!;
  expect(validate, ref).toBeDefined();
  const body: unknown = response.json();
  expect(validate(body), `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(
    true,
  );
}

describe('docs/workbench-api.yaml', () => {
  let app: FastifyInstance;
  let routes: string[];
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, routes, close } = await workbenchServer('sqlite::memory:'));
  });
  afterAll(async () => {
    await close?.();
  });

  it('names exactly the routes the plugin registers', () => {
    expect(documentedRoutes()).toEqual([...WORKBENCH_ROUTES].sort());
    expect(routes).toEqual([...WORKBENCH_ROUTES].sort());
  });

  it('holds the request schemas Fastify validates with', () => {
    const { schemas } = doc.components;
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    expect(schemas.CreateWorkspaceRequest).toEqual(plain(CreateWorkspaceRequest));
    expect(schemas.AddCoderRequest).toEqual(plain(AddCoderRequest));
    expect(schemas.CodingRequest).toEqual(plain(CodingRequest));
    expect(schemas.WorkspaceId).toEqual(plain(WorkspaceId));
    expect(schemas.CoderId).toEqual(plain(CoderId));
    expect(schemas.ItemId).toEqual(plain(ItemId));
    for (const name of [
      'MetaRequest',
      'PartyRequest',
      'ProgrammeRequest',
      'StatementRequest',
      'DecisionRequest',
      'ImportRequest',
      'PublishRequest',
    ] as const)
      expect(schemas[name], name).toEqual(plain(itemSchemas[name]));
    const codes = (schemas.ApiError as { properties: { error: { enum: string[] } } }).properties
      .error.enum;
    expect([...codes].sort()).toEqual(Object.keys(WORKBENCH_STATUS).sort());
  });

  it('documents every real response of a session', async () => {
    const send = async (
      method: string,
      url: string,
      payload?: unknown,
      key?: string,
      more = {},
    ) => {
      const headers = { ...(key ? { authorization: `Bearer ${key}` } : {}), ...more };
      const response = await app.inject({
        method: method as 'GET',
        url,
        payload: payload as object,
        headers,
      });
      check(method, url, response);
      return response;
    };
    const created = (await send('POST', '/api/workspaces', { title: 'Lokalvalet' })).json<{
      workspace: { id: string };
      editorKey: string;
    }>();
    const base = `/api/workspaces/${created.workspace.id}`;
    const coder = (await send('POST', `${base}/coders`, { label: 'A' }, created.editorKey)).json<{
      coder: { id: string };
      coderKey: string;
    }>();
    const path = `${base}/codings/s1/p1`;
    const coding = { position: 0.5, kind: 'silent', quote: null, note: '' };
    await send('GET', path, undefined, coder.coderKey);
    await send('PUT', path, coding, coder.coderKey);
    await send('PUT', path, coding, coder.coderKey);
    await send('PUT', path, { ...coding, kind: 'x' }, coder.coderKey);
    await send('PUT', path, coding);
    await send('PUT', path, coding, created.editorKey);
    await send('GET', path, undefined, coder.coderKey);
    await send(
      'GET',
      `${base}/coders/${coder.coder.id}/codings/s1/p1`,
      undefined,
      created.editorKey,
    );
    await send('POST', `${base}/coders`, { label: '' }, created.editorKey);
    await send('POST', `${base}/coders`, { label: 'B' }, coder.coderKey);
  });

  it('documents every real response of the items, reconciliation and publish routes', async () => {
    const send = async (
      method: string,
      url: string,
      payload?: unknown,
      key?: string,
      more: Record<string, string> = {},
    ) => {
      const { get, del, put, post } = client(app);
      const response =
        method === 'GET'
          ? await get(url, key, more)
          : method === 'DELETE'
            ? await del(url, key, more)
            : await (method === 'PUT' ? put : post)(url, payload, key, more);
      if (response.statusCode !== 204) check(method, url.split('?')[0]!, response);
      return response;
    };
    const { base, editorKey: e, a, b } = await fixtureWorkspace(app);
    const skatt = PROGRAMME.indexOf('Vi vill sänka');
    const quote = { start: skatt, end: skatt + 30 };
    const meta = {
      id: 'lokalvalet',
      title: { sv: 'Lokalvalet', en: 'Local' },
      description: { sv: 'Om valet', en: 'About' },
      municipality: 'Växjö',
      themes: [{ id: 'ekonomi', name: { sv: 'Ekonomi', en: 'Economy' } }],
      glossary: [],
      rules: { minStatements: 1 },
    };
    await send('PUT', `${base}/meta`, meta, e);
    await send('PUT', `${base}/meta`, meta, e);
    await send('PUT', `${base}/meta`, { ...meta, id: 'api' }, e, { 'if-match': '"1"' });
    await send('PUT', `${base}/meta`, meta, a.coderKey);
    await send('PUT', `${base}/parties/x`, PARTY, e);
    await send('PUT', `${base}/parties/x`, PARTY, e);
    await send('DELETE', `${base}/parties/x`, undefined, e);
    await send('DELETE', `${base}/parties/x`, undefined, e, { 'if-match': '"1"' });
    await send('DELETE', `${base}/parties/x`, undefined, e);
    await send('PUT', `${base}/statements/x`, statementBody(9), e);
    await send('PUT', `${base}/statements/x`, { order: 1 }, e);
    await send('DELETE', `${base}/statements/x`, undefined, e, { 'if-match': '"1"' });
    for (const key of [a.coderKey, b.coderKey])
      await send('PUT', `${base}/codings/skatt-01/s`, { position: 1, kind: 'stated', quote }, key);
    await send(
      'PUT',
      `${base}/codings/skatt-01/v`,
      { position: 1, kind: 'stated', quote },
      a.coderKey,
    );
    await send(
      'PUT',
      `${base}/codings/skatt-01/v`,
      { position: -1, kind: 'implied', quote: null },
      b.coderKey,
    );
    const outside = { position: 1, kind: 'stated', quote: { start: 0, end: 3 } };
    await send('PUT', `${base}/codings/skatt-01/m`, outside, a.coderKey);
    await send('PUT', `${base}/codings/nej/m`, outside, a.coderKey);
    await send('GET', `${base}/agreement`, undefined, e);
    await send('GET', `${base}/agreement?coders=x`, undefined, e);
    await send('GET', `${base}/agreement`, undefined, a.coderKey);
    const decision = { position: 1, kind: 'stated', quotes: [quote], note: '', reason: 'A' };
    await send('PUT', `${base}/decisions/skatt-01/v`, decision, e);
    await send('PUT', `${base}/decisions/skatt-01/v`, decision, e);
    await send('PUT', `${base}/decisions/skatt-01/v`, { ...decision, quotes: [] }, e);
    await send(
      'PUT',
      `${base}/programmes/s`,
      { text: `Rubrik\n${PROGRAMME}`, boilerplate: BOILERPLATE },
      e,
      {
        'if-match': '"1"',
      },
    );
    await send(
      'PUT',
      `${base}/programmes/v`,
      { text: 'Ett nytt program helt utan citaten.', boilerplate: [] },
      e,
      {
        'if-match': '"1"',
      },
    );
    await send('PUT', `${base}/programmes/v`, { text: 'x', boilerplate: [] }, e);
    await send('GET', base, undefined, e);
    await send('GET', base, undefined, a.coderKey);
    await send('GET', `${base}/draft`, undefined, e);
    await send('GET', `${base}/export`, undefined, e);
    await send('POST', `${base}/publish`, { compass: 'lokalvalet' }, e);
    await send('POST', `${base}/publish`, { compass: 'annat' }, e);
    await send('POST', `${base}/publish`, { compass: 'lokalvalet' }, a.coderKey);
    await send('POST', `${base}/import`, { compass: {}, programmes: {} }, e);
    const fresh = await fixtureWorkspace(app, true);
    await send(
      'POST',
      `${fresh.base}/import`,
      { compass: { id: 'x' }, programmes: {} },
      fresh.editorKey,
    );
  });
});
