import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends } from '../../test/server/backends.ts';
import { WORKBENCH_MESSAGES, WORKBENCH_STATUS } from './messages.ts';
import { fixtureWorkspace, workbenchTestServer as workbenchServer } from './test-server.ts';

// The workbench's coding routes over HTTP (app.inject) on SQLite in memory, SQLite in a file and
// a real PostgreSQL: a workspace, two blind coders, their codings with versions, and every
// refusal as `{ error, message }` in Swedish.

const STATED = { position: 1, kind: 'stated', quote: { start: 10, end: 42 }, note: 'Sid 3' };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  'workbench on %s',
  (_name, backend) => {
    let app: FastifyInstance;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ app, close } = await workbenchServer(await backend.start()));
    }, 60_000);
    afterAll(async () => {
      await close?.();
      await backend.stop();
    });

    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, payload: payload as object, headers });
    const put = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'PUT', url, payload: payload as object, headers });
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.inject({ method: 'GET', url, headers });

    /** A workspace with two coders, three parties with programmes and three statements. */
    const newWorkspace = () => fixtureWorkspace(app);

    /** Status, code and the code's Swedish sentence. */
    function refused(response: { statusCode: number; json(): unknown }, code: string) {
      expect(response.json()).toMatchObject({
        error: code,
        message: WORKBENCH_MESSAGES[code as keyof typeof WORKBENCH_MESSAGES],
      });
      expect(response.statusCode).toBe(WORKBENCH_STATUS[code as keyof typeof WORKBENCH_STATUS]);
    }

    it('creates a workspace with a random id and a 256-bit editor key', async () => {
      const { workspace, editorKey, a, b } = await newWorkspace();
      expect(workspace.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(workspace.title).toBe('Kommunvalet i Växjö');
      expect(Buffer.from(editorKey, 'base64url')).toHaveLength(32);
      expect(Buffer.from(a.coderKey, 'base64url')).toHaveLength(32);
      expect(a.coder.label).toBe('Kodare A');
      expect(a.coder.id).not.toBe(b.coder.id);
      expect(a.coderKey).not.toBe(b.coderKey);
    });

    it('lets each coder write and read only its own coding', async () => {
      const { base, a, b, editorKey } = await newWorkspace();
      const path = `${base}/codings/skatt-01/s`;
      const written = await put(path, STATED, bearer(a.coderKey));
      expect(written.statusCode).toBe(200);
      expect(written.json()).toEqual({ version: 1 });
      expect(written.headers.etag).toBe('"1"');
      const silent = { position: null, kind: 'silent', quote: null, note: '' };
      expect((await put(path, silent, bearer(b.coderKey))).json()).toEqual({ version: 1 });

      const readA = await get(path, bearer(a.coderKey));
      expect(readA.statusCode).toBe(200);
      expect(readA.headers.etag).toBe('"1"');
      expect(readA.json()).toMatchObject({
        ...STATED,
        statement: 'skatt-01',
        party: 's',
        coder: a.coder.id,
        version: 1,
      });
      expect((await get(path, bearer(b.coderKey))).json()).toMatchObject({
        ...silent,
        coder: b.coder.id,
      });
      // Under the coder's own id: the coder and the editor read it, the other coder does not.
      const aPath = `${base}/coders/${a.coder.id}/codings/skatt-01/s`;
      expect((await get(aPath, bearer(a.coderKey))).statusCode).toBe(200);
      expect((await get(aPath, bearer(editorKey))).json()).toMatchObject({ kind: 'stated' });
      refused(await get(aPath, bearer(b.coderKey)), 'not-your-coding');
      refused(await get(`${base}/codings/skatt-01/v`, bearer(a.coderKey)), 'no-coding');
      refused(await get(path, bearer(editorKey)), 'coder-only');
    });

    it('refuses a stale or missing If-Match with 409 and the stored coding', async () => {
      const { base, a } = await newWorkspace();
      const path = `${base}/codings/skola-02/m`;
      expect((await put(path, STATED, bearer(a.coderKey))).json()).toEqual({ version: 1 });
      const second = { ...STATED, position: 0.5, note: 'Andra läsningen' };
      const v2 = await put(path, second, { ...bearer(a.coderKey), 'if-match': '"1"' });
      expect(v2.json()).toEqual({ version: 2 });
      const stale = await put(
        path,
        { ...STATED, position: -1 },
        { ...bearer(a.coderKey), 'if-match': '"1"' },
      );
      refused(stale, 'version-conflict');
      expect(stale.json()).toMatchObject({
        sentVersion: 1,
        storedVersion: 2,
        stored: { ...second, version: 2 },
      });
      expect(stale.headers.etag).toBe('"2"');
      // No If-Match on a coding that exists is no silent overwrite either.
      const blind = await put(path, STATED, bearer(a.coderKey));
      refused(blind, 'version-conflict');
      expect(blind.json()).toMatchObject({ sentVersion: null, storedVersion: 2 });
      // An If-Match for a coding that does not exist.
      const ghost = await put(`${base}/codings/skola-02/s`, STATED, {
        ...bearer(a.coderKey),
        'if-match': '"4"',
      });
      expect(ghost.json()).toMatchObject({ storedVersion: null, stored: null });
      expect((await get(path, bearer(a.coderKey))).json()).toMatchObject({ position: 0.5 });
      refused(
        await put(path, STATED, { ...bearer(a.coderKey), 'if-match': '*' }),
        'invalid-if-match',
      );
    });

    it('lets only one of two concurrent writes of the same version through', async () => {
      const { base, a } = await newWorkspace();
      const path = `${base}/codings/miljo-03/v`;
      const results = await Promise.all(
        [0, 0.5, 1].map((position) => put(path, { ...STATED, position }, bearer(a.coderKey))),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      const again = await Promise.all(
        [-1, -0.5].map((position) =>
          put(path, { ...STATED, position }, { ...bearer(a.coderKey), 'if-match': '1' }),
        ),
      );
      expect(again.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect((await get(path, bearer(a.coderKey))).json()).toMatchObject({ version: 2 });
    });

    it('answers bad bodies with 400 and a Swedish sentence', async () => {
      const { base, a, editorKey } = await newWorkspace();
      const path = `${base}/codings/skatt-01/s`;
      const key = bearer(a.coderKey);
      const cases: [unknown, string][] = [
        [{ ...STATED, position: 2 }, 'invalid-coding'],
        [{ ...STATED, kind: 'guessed' }, 'invalid-coding'],
        [{ ...STATED, extra: 1 }, 'invalid-coding'],
        [{ kind: 'silent', quote: null }, 'invalid-coding'],
        [{ ...STATED, quote: { start: -1, end: 4 } }, 'invalid-coding'],
        [{ ...STATED, quote: { start: 4, end: 4 } }, 'invalid-quote'],
        [{ ...STATED, quote: { start: 9, end: 4 } }, 'invalid-quote'],
        [{ ...STATED, quote: null }, 'inconsistent-coding'],
        [{ ...STATED, kind: 'silent' }, 'inconsistent-coding'],
        [{ position: null, kind: 'silent', quote: { start: 1, end: 2 } }, 'inconsistent-coding'],
        [{ position: null, kind: 'implied', quote: null }, 'inconsistent-coding'],
      ];
      for (const [body, code] of cases) refused(await put(path, body, key), code);
      expect(
        (await put(path, { position: -0.5, kind: 'implied', quote: null }, key)).statusCode,
      ).toBe(200);
      refused(await post('/api/workspaces', { title: '' }), 'invalid-title');
      refused(await post('/api/workspaces', { title: '   ' }), 'invalid-title');
      refused(await post('/api/workspaces', { name: 'x' }), 'invalid-title');
      refused(await post(`${base}/coders`, { label: 7 }, bearer(editorKey)), 'invalid-label');
      const garbled = await app.inject({
        method: 'POST',
        url: '/api/workspaces',
        payload: '{"title": ',
        headers: { 'content-type': 'application/json' },
      });
      refused(garbled, 'invalid-json');
      const text = await app.inject({
        method: 'POST',
        url: '/api/workspaces',
        payload: 'title',
        headers: { 'content-type': 'text/plain' },
      });
      refused(text, 'unsupported-media-type');
      refused(await put(path, { ...STATED, note: 'x'.repeat(20_000) }, key), 'body-too-large');
      refused(await put(`${base}/codings/%20bad/s`, STATED, key), 'invalid-id');
      refused(await put('/api/workspaces/short/codings/a/s', STATED, key), 'invalid-id');
      const huge = { ...STATED, quote: { start: 0, end: 2 ** 40 } };
      refused(await put(path, huge, key), 'invalid-coding');
    });

    it('refuses a missing key (401), another workspace key and wrong roles (403)', async () => {
      const one = await newWorkspace();
      const two = await newWorkspace();
      const path = `${one.base}/codings/skatt-01/s`;
      refused(await put(path, STATED), 'missing-key');
      refused(await put(path, STATED, { authorization: 'Bearer kort' }), 'missing-key');
      refused(await get(path), 'missing-key');
      refused(await post(`${one.base}/coders`, { label: 'C' }), 'missing-key');
      refused(await put(path, STATED, bearer(two.a.coderKey)), 'wrong-key');
      refused(await get(path, bearer(two.a.coderKey)), 'wrong-key');
      refused(await post(`${one.base}/coders`, { label: 'C' }, bearer(two.editorKey)), 'wrong-key');
      const unknown = Buffer.alloc(32, 7).toString('base64url');
      refused(await put(path, STATED, bearer(unknown)), 'wrong-key');
      refused(await put(path, STATED, bearer(one.editorKey)), 'coder-only');
      refused(
        await post(`${one.base}/coders`, { label: 'C' }, bearer(one.a.coderKey)),
        'editor-only',
      );
      const otherCoder = `${one.base}/coders/${two.a.coder.id}/codings/skatt-01/s`;
      refused(await get(otherCoder, bearer(one.editorKey)), 'unknown-coder');
      refused(await get(otherCoder, bearer(one.a.coderKey)), 'not-your-coding');
    });
  },
);
