import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSpace } from '../../domain/bank/quotes.ts';
import type {
  DraftCheckJson,
  ImportResult,
  PublishedVersion,
  WorkspaceView,
} from '../../domain/workbench/api.ts';
import { storeBackends } from '../../test/server/backends.ts';
import { loadBank } from '../../tools/load-bank.ts';
import { toOpenData } from '../../tools/open-data.ts';
import { WORKBENCH_MESSAGES, WORKBENCH_STATUS } from './messages.ts';
import {
  client,
  fixtureWorkspace,
  type MemoryPublisher,
  workbenchTestServer,
} from './test-server.ts';

// Import, export and publish over HTTP on SQLite (memory, file) and PostgreSQL, on the shipped
// compass (questions/socialpolitik, built into its open data as `npm run build` does).

const loaded = loadBank('questions/socialpolitik');
if (!loaded.ok) throw new Error('questions/socialpolitik does not load');
const OPEN_DATA = toOpenData(loaded.compass);
const PROGRAMMES = loaded.programmes;
// Half past midnight in Sweden: `coded` is the Swedish date, a day after the UTC one.
const TODAY = new Date('2026-12-07T23:30:00Z');
const collapsed = OPEN_DATA.statements.map((s) => ({
  ...s,
  stances: Object.fromEntries(
    Object.entries(s.stances).map(([party, stance]) => [
      party,
      { ...stance, quotes: stance.quotes.map(normalizeSpace) },
    ]),
  ),
}));

function refused(response: { statusCode: number; json(): unknown }, code: string) {
  expect(response.json()).toMatchObject({
    error: code,
    message: WORKBENCH_MESSAGES[code as keyof typeof WORKBENCH_MESSAGES],
  });
  expect(response.statusCode).toBe(WORKBENCH_STATUS[code as keyof typeof WORKBENCH_STATUS]);
}

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  'import, export and publish on %s',
  (_name, backend) => {
    let app: FastifyInstance;
    let publisher: MemoryPublisher;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, close, publisher } = await workbenchTestServer(await backend.start(), {
        now: () => TODAY,
      }));
    }, 60_000);
    afterAll(async () => {
      await close?.();
      await backend.stop();
    });
    const http = () => client(app);

    /** A workspace with the shipped compass imported. */
    async function imported() {
      const workspace = await fixtureWorkspace(app, true);
      const body = { compass: OPEN_DATA, programmes: PROGRAMMES };
      const response = await http().post(`${workspace.base}/import`, body, workspace.editorKey);
      expect(response.statusCode, response.body).toBe(201);
      return { ...workspace, result: response.json<ImportResult>() };
    }

    it('imports the shipped compass and exports the same open data', async () => {
      const { base, editorKey, a, result } = await imported();
      expect(result).toEqual({ statements: 32, parties: 5, issues: [] });
      const view = (await http().get(base, editorKey)).json<WorkspaceView>();
      expect(view.statements.map((s) => s.id)).toEqual(OPEN_DATA.statements.map((s) => s.id));
      expect(view.decisions).toHaveLength(32 * 5);
      expect(view.log).toHaveLength(32 * 5);
      expect(new Set(view.log.map((entry) => entry.reason))).toEqual(new Set(['Importerad']));
      expect((await http().get(`${base}/draft`, editorKey)).json<DraftCheckJson>()).toEqual({
        issues: [],
        undecided: [],
      });

      const exported = await http().get(`${base}/export`, editorKey);
      expect(exported.statusCode).toBe(200);
      const { compass, programmes } = exported.json<{
        compass: typeof OPEN_DATA;
        programmes: object;
      }>();
      // `version` and `coded` are the service's: the next publish's number and today; and a
      // quote's inner whitespace is collapsed, as draftToCompass publishes every quote.
      expect(compass).toEqual({
        ...OPEN_DATA,
        version: '1',
        coded: '2026-12-08',
        statements: collapsed,
      });
      expect(programmes).toEqual(PROGRAMMES);

      refused(await http().get(`${base}/export`, a.coderKey), 'editor-only');
      refused(
        await http().post(
          `${base}/import`,
          { compass: OPEN_DATA, programmes: PROGRAMMES },
          editorKey,
        ),
        'workspace-not-empty',
      );
    });

    it('refuses an import that is not a valid compass, or not from the editor', async () => {
      const { base, editorKey, a } = await fixtureWorkspace(app, true);
      const broken = { ...OPEN_DATA, statements: 'none' };
      const invalid = await http().post(
        `${base}/import`,
        { compass: broken, programmes: PROGRAMMES },
        editorKey,
      );
      refused(invalid, 'compass-invalid');
      expect(invalid.json<{ issues: unknown[] }>().issues.length).toBeGreaterThan(0);
      refused(
        await http().post(`${base}/import`, { compass: OPEN_DATA }, editorKey),
        'invalid-import',
      );
      refused(
        await http().post(
          `${base}/import`,
          { compass: OPEN_DATA, programmes: PROGRAMMES },
          a.coderKey,
        ),
        'editor-only',
      );
      // A quote no programme holds: the bank's parser refuses the whole compass.
      const elsewhere = { ...PROGRAMMES, s: 'Ett helt annat program utan citaten.' };
      refused(
        await http().post(
          `${base}/import`,
          { compass: OPEN_DATA, programmes: elsewhere },
          editorKey,
        ),
        'compass-invalid',
      );
      expect((await http().get(base, editorKey)).json<WorkspaceView>().parties).toEqual([]);
    });

    it('publishes numbered versions, and refuses a taken id, an invalid draft and a coder', async () => {
      const one = await imported();
      const publish = (
        w: { base: string; editorKey: string },
        compass: string,
        key = w.editorKey,
      ) => http().post(`${w.base}/publish`, { compass }, key);
      refused(await publish(one, 'socialpolitik'), 'compass-taken');
      const meta = (await http().get(one.base, one.editorKey)).json<WorkspaceView>().meta!;
      const id = `sp-${backend.kind}-${Math.random().toString(36).slice(2, 8)}`;
      const renamed = await http().put(`${one.base}/meta`, { ...meta.value, id }, one.editorKey, {
        'if-match': `"${meta.version}"`,
      });
      expect(renamed.statusCode).toBe(200);
      refused(await publish(one, 'socialpolitik'), 'invalid-publish');
      refused(await publish(one, id, one.a.coderKey), 'editor-only');
      const first = await publish(one, id);
      expect(first.statusCode).toBe(201);
      expect(first.json<PublishedVersion>()).toEqual({
        compass: id,
        version: 1,
        published: TODAY.toISOString(),
      });
      expect((await publish(one, id)).json<PublishedVersion>()).toMatchObject({ version: 2 });
      const input = publisher.inputs.filter((i) => i.id === id);
      expect(input.map((i) => [i.compass.version, i.compass.coded])).toEqual([
        ['1', '2026-12-08'],
        ['2', '2026-12-08'],
      ]);
      expect(input[0]!.workspace).toBe(one.workspace.id);
      expect(input[0]!.programmes).toEqual(PROGRAMMES);
      const view = (await http().get(one.base, one.editorKey)).json<WorkspaceView>();
      expect(view.published.map((v) => v.version)).toEqual([2, 1]);
      // Published: the id is the compass's address now.
      const ifMatch = { 'if-match': `"${view.meta!.version}"` };
      const moved = { ...view.meta!.value, id: `${id}-2` };
      refused(
        await http().put(`${one.base}/meta`, moved, one.editorKey, ifMatch),
        'compass-id-fixed',
      );
      const retitled = { ...view.meta!.value, municipality: 'Knivsta kommun' };
      expect(
        (await http().put(`${one.base}/meta`, retitled, one.editorKey, ifMatch)).statusCode,
      ).toBe(200);

      // Another workspace cannot publish under that id.
      const two = await imported();
      const twoMeta = (await http().get(two.base, two.editorKey)).json<WorkspaceView>().meta!;
      await http().put(`${two.base}/meta`, { ...twoMeta.value, id }, two.editorKey, {
        'if-match': '"1"',
      });
      refused(await publish(two, id), 'compass-taken');

      // An imported compass keeps its id, which publish checks as the settings' route does.
      const reserved = await fixtureWorkspace(app, true);
      const asApi = { compass: { ...OPEN_DATA, id: 'api' }, programmes: PROGRAMMES };
      expect(
        (await http().post(`${reserved.base}/import`, asApi, reserved.editorKey)).statusCode,
      ).toBe(201);
      refused(await publish(reserved, 'api'), 'reserved-id');

      // A draft with an uncoded cell is not published.
      const bare = await fixtureWorkspace(app);
      refused(await publish(bare, 'vaxjo'), 'invalid-publish');
      const vaxjo = { ...meta.value, id: 'vaxjo' };
      expect((await http().put(`${bare.base}/meta`, vaxjo, bare.editorKey)).statusCode).toBe(200);
      const invalid = await publish(bare, 'vaxjo');
      refused(invalid, 'draft-invalid');
      expect(invalid.json<DraftCheckJson>().issues.length).toBeGreaterThan(0);
      refused(await http().get(`${bare.base}/export`, bare.editorKey), 'draft-invalid');
      expect(publisher.inputs.some((i) => i.id === 'vaxjo')).toBe(false);
    });
  },
);
