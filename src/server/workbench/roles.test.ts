import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../test/server/backends.ts';
import { WORKBENCH_MESSAGES, WORKBENCH_STATUS } from './messages.ts';
import {
  fixtureWorkspace,
  PARTY,
  PROGRAMME,
  statementBody,
  workbenchTestServer,
} from './test-server.ts';

// Every route of a workspace against the wrong keys, on SQLite (memory, file) and PostgreSQL: no
// key is 401, another workspace's key 403 `wrong-key`, a coder's key on an editor's route 403
// `editor-only`; and none of them changes anything.

const start = PROGRAMME.indexOf('Vi vill sänka');
const QUOTE = { start, end: start + 30 };
const META = {
  id: 'roller',
  title: { sv: 'T', en: 'T' },
  description: { sv: 'D', en: 'D' },
  municipality: 'M',
  themes: [],
  glossary: [],
  rules: {},
};

/** Each editor's route: method, path under the workspace, body. */
const EDITOR_ROUTES: readonly [string, string, unknown][] = [
  ['PUT', 'meta', META],
  ['PUT', 'parties/s', PARTY],
  ['DELETE', 'parties/s', undefined],
  ['PUT', 'programmes/s', { text: PROGRAMME, boilerplate: [] }],
  ['PUT', 'statements/skatt-01', statementBody(0)],
  ['DELETE', 'statements/skatt-01', undefined],
  ['GET', 'agreement', undefined],
  [
    'PUT',
    'decisions/skatt-01/s',
    { position: 1, kind: 'stated', quotes: [QUOTE], note: '', reason: 'R' },
  ],
  ['GET', 'draft', undefined],
  ['POST', 'import', { compass: {}, programmes: {} }],
  ['GET', 'export', undefined],
  ['POST', 'publish', { compass: 'roller' }],
];

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  'keys and roles on %s',
  (_name, backend) => {
    let app: FastifyInstance;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, close } = await workbenchTestServer(await backend.start()));
    }, 60_000);
    afterAll(async () => {
      await close?.();
      await backend.stop();
    });

    function refused(
      response: { statusCode: number; json(): unknown },
      code: string,
      what: string,
    ) {
      expect(response.json(), what).toMatchObject({
        error: code,
        message: WORKBENCH_MESSAGES[code as keyof typeof WORKBENCH_MESSAGES],
      });
      expect(response.statusCode, what).toBe(
        WORKBENCH_STATUS[code as keyof typeof WORKBENCH_STATUS],
      );
    }

    it('refuses a missing key, another workspace and a coder on every editor route', async () => {
      const one = await fixtureWorkspace(app);
      const two = await fixtureWorkspace(app);
      const before = await app.inject({
        method: 'GET',
        url: one.base,
        headers: { authorization: `Bearer ${one.editorKey}` },
      });
      for (const [method, path, body] of EDITOR_ROUTES) {
        const send = (key?: string) =>
          app.inject({
            method: method as 'GET',
            url: `${one.base}/${path}`,
            ...(body === undefined ? {} : { payload: body as object }),
            headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'if-match': '"1"' },
          });
        const what = `${method} ${path}`;
        refused(await send(), 'missing-key', what);
        refused(await send(two.editorKey), 'wrong-key', what);
        refused(await send(two.a.coderKey), 'wrong-key', what);
        refused(await send(one.a.coderKey), 'editor-only', what);
      }
      // The coders' own routes refuse the other workspace too.
      const coding = { position: 1, kind: 'stated', quote: QUOTE };
      const codingUrl = `${one.base}/codings/skatt-01/s`;
      for (const key of [two.a.coderKey, two.editorKey])
        refused(
          await app.inject({
            method: 'PUT',
            url: codingUrl,
            payload: coding,
            headers: { authorization: `Bearer ${key}` },
          }),
          'wrong-key',
          'PUT codings',
        );
      refused(
        await app.inject({
          method: 'GET',
          url: one.base,
          headers: { authorization: `Bearer ${two.a.coderKey}` },
        }),
        'wrong-key',
        'GET',
      );
      const after = await app.inject({
        method: 'GET',
        url: one.base,
        headers: { authorization: `Bearer ${one.editorKey}` },
      });
      expect(after.json()).toEqual(before.json());
    });
  },
);
