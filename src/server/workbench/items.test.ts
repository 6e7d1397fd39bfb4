import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESERVED_SEGMENTS } from '../../config/paths.ts';
import type { CodingJson, WorkspaceView } from '../../domain/workbench/api.ts';
import { storeBackends } from '../../test/server/backends.ts';
import { RESERVED_IDS } from './items.ts';
import { WORKBENCH_MESSAGES, WORKBENCH_STATUS } from './messages.ts';
import {
  client,
  fixtureWorkspace,
  PARTY,
  PROGRAMME,
  statementBody,
  workbenchTestServer,
} from './test-server.ts';

// A workspace's items over HTTP on SQLite (memory, file) and PostgreSQL: settings, parties,
// programmes and statements with versions; what each key may see; quotes checked against the
// stored programme (programme.test.ts: the programmes themselves).

const META = {
  id: 'vaxjo-2026',
  title: { sv: 'Valkompass Växjö', en: 'Växjö' },
  description: { sv: 'Kommunvalet', en: 'The municipal election' },
  municipality: 'Växjö',
  themes: [{ id: 'ekonomi', name: { sv: 'Ekonomi', en: 'Economy' } }],
  glossary: [],
  rules: { minStatements: 1 },
};
const at = (text: string, from = 0) => {
  const start = PROGRAMME.indexOf(text, from);
  return { start, end: start + text.length };
};
const SKATT = 'Vi vill sänka skatten för alla i kommunen och bygga fler skolor.';

function refused(response: { statusCode: number; json(): unknown }, code: string) {
  expect(response.json()).toMatchObject({
    error: code,
    message: WORKBENCH_MESSAGES[code as keyof typeof WORKBENCH_MESSAGES],
  });
  expect(response.statusCode).toBe(WORKBENCH_STATUS[code as keyof typeof WORKBENCH_STATUS]);
}

it('refuses every compass id the site uses for a page (src/config/paths.ts)', () => {
  for (const segment of RESERVED_SEGMENTS) expect(RESERVED_IDS.has(segment), segment).toBe(true);
  for (const own of ['redaktion', 'embed', 'klassrum']) expect(RESERVED_IDS.has(own)).toBe(true);
});

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  'workspace items on %s',
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
    const http = () => client(app);

    it('writes settings, parties and statements with versions, editor only', async () => {
      const { get, put, del } = http();
      const { base, editorKey, a } = await fixtureWorkspace(app, true);
      const other = await fixtureWorkspace(app, true);
      const meta = await put(`${base}/meta`, META, editorKey);
      expect(meta.statusCode).toBe(200);
      expect(meta.json()).toEqual({ version: 1 });
      expect(meta.headers.etag).toBe('"1"');
      refused(await put(`${base}/meta`, META, a.coderKey), 'editor-only');
      refused(await put(`${base}/meta`, META, other.editorKey), 'wrong-key');
      refused(await put(`${base}/meta`, { ...META, id: 'Versaler' }, editorKey), 'invalid-meta');
      for (const id of ['redaktion', 'embed', 'klassrum', 'api', 'fraga'])
        refused(
          await put(`${base}/meta`, { ...META, id }, editorKey, { 'if-match': '"1"' }),
          'reserved-id',
        );
      // A second write without If-Match, or with an old one: 409 with the stored item.
      const blind = await put(`${base}/meta`, { ...META, municipality: 'Alvesta' }, editorKey);
      refused(blind, 'version-conflict');
      expect(blind.json()).toMatchObject({
        sentVersion: null,
        storedVersion: 1,
        stored: { version: 1, value: { municipality: 'Växjö' } },
      });
      const v2 = await put(`${base}/meta`, { ...META, region: 'Kronoberg' }, editorKey, {
        'if-match': '"1"',
      });
      expect(v2.json()).toEqual({ version: 2 });

      expect((await put(`${base}/parties/s`, PARTY, editorKey)).json()).toEqual({ version: 1 });
      refused(
        await put(`${base}/parties/s`, { ...PARTY, colour: 'red' }, editorKey),
        'invalid-party',
      );
      refused(await put(`${base}/parties/s`, PARTY, a.coderKey), 'editor-only');
      const stale = await put(`${base}/parties/s`, PARTY, editorKey, { 'if-match': '"7"' });
      refused(stale, 'version-conflict');
      expect(stale.json()).toMatchObject({ stored: { id: 's', version: 1, value: PARTY } });
      expect(
        (await put(`${base}/statements/skatt-01`, statementBody(2), editorKey)).statusCode,
      ).toBe(200);
      expect(
        (await put(`${base}/statements/skola-02`, statementBody(1), editorKey)).statusCode,
      ).toBe(200);
      refused(
        await put(`${base}/statements/x`, { ...statementBody(1), direction: 'up' }, editorKey),
        'invalid-statement',
      );

      const view = (await get(base, editorKey)).json<WorkspaceView>();
      expect(view.meta).toMatchObject({ version: 2, value: { region: 'Kronoberg' } });
      expect(view.parties).toEqual([
        expect.objectContaining({ id: 's', version: 1, value: PARTY }),
      ]);
      // By `order`, not by id.
      expect(view.statements.map((s) => s.id)).toEqual(['skola-02', 'skatt-01']);

      refused(await del(`${base}/statements/skola-02`, editorKey), 'version-conflict');
      refused(await del(`${base}/statements/nej`, editorKey), 'no-item');
      const gone = await del(`${base}/statements/skola-02`, editorKey, {
        'if-match': '"1"',
      });
      expect(gone.statusCode).toBe(204);
      refused(await del(`${base}/parties/s`, a.coderKey, { 'if-match': '"1"' }), 'editor-only');
      expect((await del(`${base}/parties/s`, editorKey, { 'if-match': '"1"' })).statusCode).toBe(
        204,
      );
      const after = (await get(base, editorKey)).json<WorkspaceView>();
      expect(after.statements.map((s) => s.id)).toEqual(['skatt-01']);
      expect(after.parties).toEqual([]);
    });

    it('shows a coder only its own codings, never the decisions or the log', async () => {
      const { get, put } = http();
      const { base, editorKey, a, b } = await fixtureWorkspace(app);
      const other = await fixtureWorkspace(app);
      const coding = { position: 1, kind: 'stated', quote: at(SKATT), note: '' };
      expect((await put(`${base}/codings/skatt-01/s`, coding, a.coderKey)).statusCode).toBe(200);
      expect((await put(`${base}/codings/skatt-01/s`, coding, b.coderKey)).statusCode).toBe(200);
      const decision = { ...coding, quotes: [at(SKATT)], reason: 'Båda', quote: undefined };
      expect((await put(`${base}/decisions/skatt-01/s`, decision, editorKey)).statusCode).toBe(200);

      const mine = (await get(base, a.coderKey)).json<WorkspaceView>();
      expect(mine.role).toBe('coder');
      expect(mine.coder).toEqual(a.coder);
      expect(mine.coders).toEqual([a.coder]);
      expect(mine.codings.map((c) => c.coder)).toEqual([a.coder.id]);
      expect(mine.decisions).toEqual([]);
      expect(mine.log).toEqual([]);
      expect(mine.programmes).toHaveLength(3);
      const editor = (await get(base, editorKey)).json<WorkspaceView>();
      expect(editor.role).toBe('editor');
      expect(editor.coders).toEqual([a.coder, b.coder]);
      expect(editor.codings).toHaveLength(2);
      expect(editor.decisions).toMatchObject([
        { statement: 'skatt-01', party: 's', reason: 'Båda' },
      ]);
      expect(editor.log).toMatchObject([
        { role: 'editor', reason: 'Båda', position: 1, kind: 'stated' },
      ]);
      refused(await get(base, other.editorKey), 'wrong-key');
      refused(await get(base, other.a.coderKey), 'wrong-key');
      refused(await get(base), 'missing-key');
    });

    it('accepts only a verbatim quote of the stored programme, trimmed', async () => {
      const { get, put } = http();
      const { base, editorKey, a } = await fixtureWorkspace(app);
      const path = `${base}/codings/skatt-01/s`;
      const stated = (quote: { start: number; end: number }) => ({
        position: 1,
        kind: 'stated',
        confidence: 'general',
        quote,
      });
      const boilerplate = at('Dela på Facebook');
      const space = PROGRAMME.indexOf('\n\n');
      for (const quote of [
        boilerplate,
        { start: space, end: space + 2 },
        { start: 0, end: PROGRAMME.length + 5 },
        at('Vi vill'),
        { start: boilerplate.start - 20, end: boilerplate.end + 5 },
      ])
        refused(await put(path, stated(quote), a.coderKey), 'quote-not-in-programme');
      refused(
        await put(`${base}/codings/nej/s`, stated(at(SKATT)), a.coderKey),
        'unknown-statement',
      );
      refused(
        await put(`${base}/codings/skatt-01/x`, stated(at(SKATT)), a.coderKey),
        'unknown-party',
      );
      // A party without a programme can be coded, but not with a quote.
      expect((await put(`${base}/parties/x`, PARTY, editorKey)).statusCode).toBe(200);
      refused(
        await put(`${base}/codings/skatt-01/x`, stated(at(SKATT)), a.coderKey),
        'quote-not-in-programme',
      );
      const implied = { position: -0.5, kind: 'implied', quote: null };
      expect((await put(`${base}/codings/skatt-01/x`, implied, a.coderKey)).statusCode).toBe(200);

      // A selection with the whitespace around it is stored without it.
      const { start, end } = at(SKATT);
      expect(
        (await put(path, stated({ start: start - 1, end: end + 2 }), a.coderKey)).statusCode,
      ).toBe(200);
      expect((await get(path, a.coderKey)).json<CodingJson>()).toMatchObject({
        quote: { start, end },
        quoteText: SKATT,
        quoteLost: false,
        confidence: 'general',
      });
    });
  },
);
