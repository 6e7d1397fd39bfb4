import { describe, expect, it } from 'vitest';
import { fakeWorkbenchService } from '../../../test/fake-workbench-service.ts';
import { parseEtag, workbenchClient } from './client.ts';

const META = {
  id: 'vasteras',
  title: { sv: 'Västerås' },
  description: { sv: 'Kommunvalet.' },
  municipality: 'Västerås',
  themes: [],
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

async function setup() {
  const service = fakeWorkbenchService();
  const client = workbenchClient(service.fetch);
  const created = await client.createWorkspace('Västerås 2026');
  if (!created.ok) throw new Error('not created');
  const access = { workspace: created.body.workspace.id, key: created.body.editorKey };
  return { service, client, access };
}

describe('workbenchClient', () => {
  it('sends the key only as a Bearer header and the version as If-Match, and reads the ETag', async () => {
    const { service, client, access } = await setup();
    const first = await client.putMeta(access, META, null);
    expect(first).toMatchObject({ ok: true, version: 1 });
    await client.putMeta(access, { ...META, municipality: 'Västerås kommun' }, 1);
    const [a, b] = service.calls.slice(1);
    expect(a).toMatchObject({ authorization: `Bearer ${access.key}`, ifMatch: null });
    expect(b).toMatchObject({ ifMatch: '"1"', path: `/api/workspaces/${access.workspace}/meta` });
    expect(service.calls.every((c) => !c.path.includes(access.key))).toBe(true);
  });

  it('surfaces 409 version-conflict with the stored item, and other refusals with their message', async () => {
    const { client, access } = await setup();
    await client.putMeta(access, META, null);
    const stale = await client.putMeta(access, { ...META, id: 'annat' }, null);
    expect(stale).toMatchObject({
      ok: false,
      kind: 'conflict',
      storedVersion: 1,
      stored: { version: 1, value: META },
    });
    const refused = await client.workspace({ ...access, key: 'x'.repeat(43) });
    expect(refused).toMatchObject({
      ok: false,
      kind: 'refused',
      status: 403,
      error: 'wrong-key',
      message: 'Nyckeln hör inte till den här arbetsytan.',
    });
  });

  it('tells a network failure and an answer that is not the service from a refusal', async () => {
    const down = workbenchClient(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await down.createWorkspace('x')).toEqual({ ok: false, kind: 'network' });
    const html = workbenchClient(() =>
      Promise.resolve(new Response('<!doctype html>', { status: 404 })),
    );
    expect(await html.createWorkspace('x')).toEqual({ ok: false, kind: 'unexpected', status: 404 });
  });

  it('reads ETags as the service writes them', () => {
    expect([
      parseEtag('"3"'),
      parseEtag('W/"12"'),
      parseEtag('4'),
      parseEtag('*'),
      parseEtag(null),
    ]).toEqual([3, 12, 4, null, null]);
  });
});
