import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDoc, type Operation, pointer } from '../../test/server/openapi-doc.ts';
import { workbenchServer } from '../../test/server/workbench-server.ts';
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
    const coding = { position: 0.5, kind: 'stated', quote: { start: 0, end: 5 }, note: '' };
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
});
