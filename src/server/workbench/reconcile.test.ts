import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { AgreementJson, DraftCheckJson, WorkspaceView } from '../../domain/workbench/api.ts';
import { storeBackends } from '../../test/server/backends.ts';
import { type Coding as BankCoding, codingAgreement } from '../../tools/agreement.ts';
import { WORKBENCH_MESSAGES, WORKBENCH_STATUS } from './messages.ts';
import { client, fixtureWorkspace, PROGRAMME, workbenchTestServer } from './test-server.ts';
import type { WorkbenchStore } from './types.ts';

// The editor's reconciliation over HTTP on SQLite (memory, file) and PostgreSQL: the coders'
// agreement (the same figures as `npm run bank:agreement`), decisions with their log, and the
// draft as publish would assemble it.

const read = (file: string) =>
  parse(readFileSync(`questions/socialpolitik/coding/${file}`, 'utf8')) as BankCoding;
const CODER_A = read('coder-a.yaml');
const CODER_B = read('coder-b.yaml');
const SKATT = 'Vi vill sänka skatten för alla i kommunen och bygga fler skolor.';
const quote = (text: string) => {
  const start = PROGRAMME.indexOf(text);
  return { start, end: start + text.length };
};

function refused(response: { statusCode: number; json(): unknown }, code: string) {
  expect(response.json()).toMatchObject({
    error: code,
    message: WORKBENCH_MESSAGES[code as keyof typeof WORKBENCH_MESSAGES],
  });
  expect(response.statusCode).toBe(WORKBENCH_STATUS[code as keyof typeof WORKBENCH_STATUS]);
}

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  'reconciliation on %s',
  (_name, backend) => {
    let app: FastifyInstance;
    let store: WorkbenchStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, store, close } = await workbenchTestServer(await backend.start()));
    }, 60_000);
    afterAll(async () => {
      await close?.();
      await backend.stop();
    });
    const http = () => client(app);

    it('gives the figures of npm run bank:agreement for the shipped coders', async () => {
      const { base, editorKey, workspace, a, b } = await fixtureWorkspace(app, true);
      // The shipped codings straight into the store: the agreement reads positions only, and
      // the bank's files hold quotes of programmes this workspace does not have.
      for (const [coder, coding] of [
        [a.coder.id, CODER_A],
        [b.coder.id, CODER_B],
      ] as const)
        for (const statement of coding)
          for (const [party, stance] of Object.entries(statement.stances)) {
            const key = { workspace: workspace.id, coder, statement: statement.id, party };
            const written = await store.writeCoding(
              key,
              {
                positionHalves: stance.position === null ? null : stance.position * 2,
                kind: stance.position === null ? 'silent' : 'implied',
                quoteStart: null,
                quoteEnd: null,
                note: '',
              },
              null,
              0,
            );
            expect(written.written).toBe(true);
          }
      const bank = codingAgreement(CODER_A, CODER_B);
      const response = await http().get(`${base}/agreement`, editorKey);
      expect(response.statusCode).toBe(200);
      const agreement = response.json<AgreementJson>();
      expect(agreement.coders).toEqual([a.coder, b.coder]);
      expect(agreement.cells).toBe(bank.cells);
      expect(agreement.onlyA + agreement.onlyB).toBe(0);
      expect(agreement.position.percent).toBeCloseTo((100 * bank.samePosition) / bank.cells, 10);
      expect(agreement.position.kappa).toBeCloseTo(bank.kappa, 10);
      expect(agreement.disagreements).toHaveLength(bank.disagreements.length);
      const swapped = await http().get(
        `${base}/agreement?coders=${b.coder.id},${a.coder.id}`,
        editorKey,
      );
      expect(swapped.json<AgreementJson>().position.kappa).toBeCloseTo(bank.kappa, 10);

      refused(await http().get(`${base}/agreement`, a.coderKey), 'editor-only');
      refused(
        await http().get(`${base}/agreement?coders=${a.coder.id},${a.coder.id}`, editorKey),
        'invalid-coders',
      );
      refused(await http().get(`${base}/agreement?coders=x`, editorKey), 'invalid-coders');
      refused(
        await http().get(`${base}/agreement?coders=${a.coder.id},AAAAAAAAAAAA`, editorKey),
        'unknown-coder',
      );
      const lonely = await fixtureWorkspace(app, true);
      const solo = await http().post(
        `/api/workspaces/${lonely.workspace.id}/coders`,
        { label: 'X' },
        lonely.editorKey,
      );
      expect(solo.statusCode).toBe(201);
      const empty = (
        await http().get(`${lonely.base}/agreement`, lonely.editorKey)
      ).json<AgreementJson>();
      expect(empty).toMatchObject({ cells: 0, position: { percent: null, kappa: null } });
    });

    it('writes decisions with If-Match, checks their quotes and logs every write', async () => {
      const { base, editorKey, a } = await fixtureWorkspace(app);
      const path = `${base}/decisions/skatt-01/s`;
      const decision = {
        position: 1,
        kind: 'stated',
        quotes: [quote(SKATT)],
        note: 'N',
        reason: 'A hade rätt',
      };
      const first = await http().put(path, decision, editorKey);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ version: 1 });
      expect(first.headers.etag).toBe('"1"');
      refused(await http().put(path, decision, editorKey), 'version-conflict');
      const second = { ...decision, position: 0.5, confidence: 'general', reason: 'Omprövat' };
      expect((await http().put(path, second, editorKey, { 'if-match': '"1"' })).json()).toEqual({
        version: 2,
      });
      refused(await http().put(path, decision, a.coderKey, { 'if-match': '"2"' }), 'editor-only');
      refused(await http().put(path, { ...decision, reason: ' ' }, editorKey), 'invalid-decision');
      refused(
        await http().put(path, { ...decision, quotes: [] }, editorKey),
        'inconsistent-decision',
      );
      refused(
        await http().put(path, { ...decision, kind: 'silent' }, editorKey),
        'inconsistent-decision',
      );
      refused(
        await http().put(path, { ...decision, quotes: [quote('Dela på Facebook')] }, editorKey),
        'quote-not-in-programme',
      );
      refused(
        await http().put(`${base}/decisions/nej/s`, decision, editorKey),
        'unknown-statement',
      );
      refused(
        await http().put(`${base}/decisions/skatt-01/nej`, decision, editorKey),
        'unknown-party',
      );

      const view = (await http().get(base, editorKey)).json<WorkspaceView>();
      expect(view.decisions).toEqual([
        expect.objectContaining({
          statement: 'skatt-01',
          party: 's',
          position: 0.5,
          confidence: 'general',
          quotes: [{ ...quote(SKATT), text: SKATT, lost: false }],
          reason: 'Omprövat',
          version: 2,
        }),
      ]);
      expect(view.log.map((entry) => [entry.reason, entry.position, entry.role])).toEqual([
        ['Omprövat', 0.5, 'editor'],
        ['A hade rätt', 1, 'editor'],
      ]);
    });

    it('assembles the draft from decisions, agreeing coders, and nothing else', async () => {
      const { base, editorKey, a, b } = await fixtureWorkspace(app);
      const stated = { position: 1, kind: 'stated', quote: quote(SKATT), note: 'Tydligt' };
      const silent = { position: null, kind: 'silent', quote: null };
      // skatt-01/s: both coders agree. skatt-01/v: they differ, no decision. skatt-01/m: only A.
      // skola-02/s: they differ, and the editor decides.
      for (const key of [a.coderKey, b.coderKey])
        await http().put(`${base}/codings/skatt-01/s`, stated, key);
      await http().put(`${base}/codings/skatt-01/v`, stated, a.coderKey);
      await http().put(`${base}/codings/skatt-01/v`, silent, b.coderKey);
      await http().put(`${base}/codings/skatt-01/m`, stated, a.coderKey);
      await http().put(`${base}/codings/skola-02/s`, stated, a.coderKey);
      await http().put(`${base}/codings/skola-02/s`, silent, b.coderKey);
      const decision = {
        position: null,
        kind: 'silent',
        quotes: [],
        note: 'Tyst',
        reason: 'B hade rätt',
      };
      expect(
        (await http().put(`${base}/decisions/skola-02/s`, decision, editorKey)).statusCode,
      ).toBe(200);

      const response = await http().get(`${base}/draft`, editorKey);
      expect(response.statusCode).toBe(200);
      const { issues, undecided } = response.json<DraftCheckJson>();
      const cells = (list: readonly { statement: string; party: string }[]) =>
        list.map((c) => `${c.statement}/${c.party}`).sort();
      expect(cells(undecided)).toEqual(
        [
          'skatt-01/m',
          'skatt-01/v',
          'skola-02/m',
          'skola-02/v',
          'miljo-03/s',
          'miljo-03/v',
          'miljo-03/m',
        ].sort(),
      );
      // Every undecided cell is an issue at the cell; the decided ones are not.
      const atCells = issues.filter((i) => 'party' in i.where && 'statement' in i.where);
      expect(cells(atCells.map((i) => i.where as { statement: string; party: string }))).toEqual(
        cells(undecided),
      );
      // No settings yet: the compass's id is an issue.
      expect(
        issues.some((i) => 'field' in i.where && i.where.field === 'id' && !('party' in i.where)),
      ).toBe(true);
      refused(await http().get(`${base}/draft`, a.coderKey), 'editor-only');
    });
  },
);
