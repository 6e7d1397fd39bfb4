// The browser's client against the real workbench service (its Fastify plugin over app.inject, on
// SQLite in memory): every route the client calls, with the shapes the pages read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetaBody, StatementBody } from '../../../domain/workbench/api.ts';
import { workbenchTestServer as workbenchServer } from '../../../server/workbench/test-server.ts';
import { injectedFetch } from '../../../test/server/inject-fetch.ts';
import { SyncQueue } from '../sync/queue.ts';
import { workbenchTransport } from '../sync/transport.ts';
import { type WorkbenchAccess, workbenchClient } from './client.ts';

let server: Awaited<ReturnType<typeof workbenchServer>>;
let client: ReturnType<typeof workbenchClient>;

/** fetch over app.inject: no socket, the service's real answers. */
const injected = injectedFetch(() => server.app);

const META: MetaBody = {
  id: 'vasteras-test',
  title: { sv: 'Västerås', en: 'Västerås' },
  description: { sv: 'Kommunvalet.', en: 'The municipal election.' },
  municipality: 'Västerås',
  themes: [{ id: 'skola', name: { sv: 'Skola', en: 'School' } }],
  glossary: [],
  rules: {
    minStatements: 1,
    maxStatements: 30,
    minThemes: 1,
    minCoverage: 0,
    minLessShare: 0,
    maxAgreeAllPercent: 100,
  },
};
const STATEMENT: StatementBody = {
  theme: 'skola',
  direction: 'more',
  text: { sv: 'Kommunen ska bygga fler förskolor.', en: 'More preschools.' },
  explainer: { sv: 'Förskolor byggs av kommunen.', en: 'The municipality builds them.' },
  terms: [],
  order: 1,
};
const PROGRAMME = 'Vi vill bygga fler förskolor i hela kommunen.';

let editor: WorkbenchAccess;

beforeAll(async () => {
  server = await workbenchServer('sqlite::memory:');
  client = workbenchClient(injected);
  const created = await client.createWorkspace('Västerås 2026');
  if (!created.ok) throw new Error(JSON.stringify(created));
  editor = { workspace: created.body.workspace.id, key: created.body.editorKey };
});
afterAll(() => server.close());

describe('the client against the real service', () => {
  it("writes the editor's items with versions and reads them back in the view", async () => {
    expect(await client.putMeta(editor, META, null)).toMatchObject({ ok: true, version: 1 });
    const party = {
      name: 'Socialdemokraterna',
      short: 'S',
      colour: '#e8112d',
      source: { url: 'https://example.org/s' },
    };
    expect(await client.putParty(editor, 's', party, null)).toMatchObject({ ok: true, version: 1 });
    const programme = await client.putProgramme(
      editor,
      's',
      { text: PROGRAMME, boilerplate: [] },
      null,
    );
    expect(programme).toMatchObject({ ok: true, version: 1, body: { reanchored: 0, lost: [] } });
    expect(await client.putStatement(editor, 'forskolor', STATEMENT, null)).toMatchObject({
      ok: true,
      version: 1,
    });
    const view = await client.workspace(editor);
    if (!view.ok) throw new Error(JSON.stringify(view));
    expect(view.body).toMatchObject({
      role: 'editor',
      meta: { version: 1, value: META },
      parties: [{ id: 's', version: 1, value: party }],
      programmes: [{ party: 's', version: 1, value: { text: PROGRAMME } }],
      statements: [{ id: 'forskolor', version: 1, value: STATEMENT }],
    });
  });

  it('answers a stale write with a conflict holding the stored item, which the queue shows', async () => {
    const stale = await client.putMeta(editor, { ...META, municipality: 'Annan' }, null);
    expect(stale).toMatchObject({
      ok: false,
      kind: 'conflict',
      storedVersion: 1,
      stored: { value: META },
    });

    const storage = {
      text: null as string | null,
      read: () => storage.text,
      write: (t: string | null) => void (storage.text = t),
    };
    const queue = new SyncQueue(workbenchTransport(client, editor), storage, {
      after: (_ms, run) => {
        queueMicrotask(run);
        return () => {};
      },
    });
    queue.put('meta', { ...META, municipality: 'Annan' });
    await expect.poll(() => queue.getSnapshot().blocked.length).toBe(1);
    queue.keepMine('meta');
    await expect.poll(() => queue.getSnapshot().pending).toBe(0);
    const view = await client.workspace(editor);
    expect(view.ok && view.body.meta).toMatchObject({
      version: 2,
      value: { municipality: 'Annan' },
    });
  });

  it('lets coders code, the editor compare and decide, and checks the draft before publishing', async () => {
    const anna = await client.addCoder(editor, 'Anna');
    const bo = await client.addCoder(editor, 'Bo');
    if (!anna.ok || !bo.ok) throw new Error('no coders');
    const as = (key: string) => ({ workspace: editor.workspace, key });
    const quote = { start: 0, end: PROGRAMME.length };
    expect(
      await client.putCoding(
        as(anna.body.coderKey),
        'forskolor',
        's',
        { position: 1, kind: 'stated', quote },
        null,
      ),
    ).toMatchObject({ ok: true, version: 1 });
    await client.putCoding(
      as(bo.body.coderKey),
      'forskolor',
      's',
      { position: 0.5, kind: 'stated', quote },
      null,
    );
    expect(await client.putMeta(as(anna.body.coderKey), META, 2)).toMatchObject({
      ok: false,
      kind: 'refused',
      error: 'editor-only',
    });

    const agreement = await client.agreement(editor);
    expect(agreement).toMatchObject({
      ok: true,
      body: { cells: 1, disagreements: [{ statement: 'forskolor', party: 's' }] },
    });

    const decision = await client.putDecision(
      editor,
      'forskolor',
      's',
      { position: 1, kind: 'stated', quotes: [quote], note: 'Ett löfte.', reason: 'Tydligt.' },
      null,
    );
    expect(decision).toMatchObject({ ok: true, version: 1 });

    const check = await client.draft(editor);
    expect(check).toMatchObject({ ok: true, body: { undecided: [] } });
    const published = await client.publish(editor, 'vasteras-test');
    if (published.ok)
      expect(published.body).toMatchObject({ compass: 'vasteras-test', version: 1 });
    else
      expect(published).toMatchObject({
        kind: 'refused',
        status: 422,
        error: 'draft-invalid',
        details: { issues: expect.any(Array) },
      });
  });

  it('deletes an item on its version, with 204', async () => {
    const party = {
      name: 'Moderaterna',
      short: 'M',
      colour: '#1b49dd',
      source: { url: 'https://example.org/m' },
    };
    await client.putParty(editor, 'm', party, null);
    expect(await client.deleteParty(editor, 'm', 1)).toMatchObject({ ok: true, status: 204 });
  });
});
