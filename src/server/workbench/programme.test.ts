import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodingJson, ProgrammePutResult, WorkspaceView } from '../../domain/workbench/api.ts';
import { sha256Hex } from '../../domain/workbench/programme-text.ts';
import { storeBackends } from '../../test/server/backends.ts';
import { WORKBENCH_MESSAGES, WORKBENCH_STATUS } from './messages.ts';
import { client, fixtureWorkspace, PARTY, PROGRAMME, workbenchTestServer } from './test-server.ts';

// Programme texts over HTTP on SQLite (memory, file) and PostgreSQL: normalized, hashed, limited
// in size, and every stored quote of the party found again (or flagged lost) when replaced.

const at = (text: string, from = 0) => {
  const start = PROGRAMME.indexOf(text, from);
  return { start, end: start + text.length };
};
const SKATT = 'Vi vill sänka skatten för alla i kommunen och bygga fler skolor.';
const BIBLIOTEK = 'Vi vill att biblioteken har öppet på söndagar.';

function refused(response: { statusCode: number; json(): unknown }, code: string) {
  expect(response.json()).toMatchObject({
    error: code,
    message: WORKBENCH_MESSAGES[code as keyof typeof WORKBENCH_MESSAGES],
  });
  expect(response.statusCode).toBe(WORKBENCH_STATUS[code as keyof typeof WORKBENCH_STATUS]);
}

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  'programme texts on %s',
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

    it('normalizes a programme and finds its quotes again when it is replaced', async () => {
      const { get, put } = http();
      const { base, editorKey, a, b } = await fixtureWorkspace(app);
      const stated = (text: string) => ({ position: 1, kind: 'stated', quote: at(text) });
      expect((await put(`${base}/codings/skatt-01/v`, stated(SKATT), a.coderKey)).statusCode).toBe(
        200,
      );
      expect(
        (await put(`${base}/codings/skatt-01/v`, stated(BIBLIOTEK), b.coderKey)).statusCode,
      ).toBe(200);
      const decision = {
        position: 1,
        kind: 'stated',
        quotes: [at(SKATT), at(BIBLIOTEK)],
        note: '',
        reason: 'R',
      };
      expect((await put(`${base}/decisions/skatt-01/v`, decision, editorKey)).statusCode).toBe(200);

      // The new text: a heading before it, Windows line endings, the library sentence gone.
      const text = `Vårt program 2026\r\n\r\n${SKATT}   \r\nDela på Facebook\r\n`;
      const replaced = await put(
        `${base}/programmes/v`,
        { text, boilerplate: ['Dela på Facebook'] },
        editorKey,
        {
          'if-match': '"1"',
        },
      );
      expect(replaced.statusCode).toBe(200);
      const normalized = `Vårt program 2026\n\n${SKATT}\nDela på Facebook`;
      expect(replaced.json<ProgrammePutResult>()).toEqual({
        version: 2,
        sha256: await sha256Hex(normalized),
        reanchored: 2,
        lost: expect.arrayContaining([
          { statement: 'skatt-01', coder: b.coder.id },
          { statement: 'skatt-01', coder: null },
        ]),
      });
      const start = normalized.indexOf(SKATT);
      const view = (await get(base, editorKey)).json<WorkspaceView>();
      expect(view.programmes.find((p) => p.party === 'v')?.value.text).toBe(normalized);
      const codings = view.codings.filter((c) => c.party === 'v');
      expect(codings.find((c) => c.coder === a.coder.id)).toMatchObject({
        quote: { start, end: start + SKATT.length },
        quoteText: SKATT,
        quoteLost: false,
        version: 2,
      });
      expect(codings.find((c) => c.coder === b.coder.id)).toMatchObject({
        quoteText: BIBLIOTEK,
        quoteLost: true,
      });
      expect(view.decisions[0]?.quotes).toEqual([
        { start, end: start + SKATT.length, text: SKATT, lost: false },
        { ...at(BIBLIOTEK), text: BIBLIOTEK, lost: true },
      ]);
      // The programme's other parties are untouched; a stale If-Match changes nothing.
      refused(
        await put(`${base}/programmes/v`, { text: 'x', boilerplate: [] }, editorKey, {
          'if-match': '"1"',
        }),
        'version-conflict',
      );
      refused(
        await put(`${base}/programmes/nej`, { text: 'x', boilerplate: [] }, editorKey),
        'unknown-party',
      );
      refused(await put(`${base}/programmes/v`, { text: 'x' }, editorKey), 'invalid-programme');
      refused(
        await put(`${base}/programmes/v`, { text: ' \n ', boilerplate: [] }, editorKey, {
          'if-match': '"2"',
        }),
        'invalid-programme',
      );
      refused(
        await put(`${base}/programmes/v`, { text: 'x', boilerplate: [] }, a.coderKey),
        'editor-only',
      );
    });

    it('takes a programme up to 2 MiB and refuses a larger one', async () => {
      const { put } = http();
      const { base, editorKey } = await fixtureWorkspace(app, true);
      expect((await put(`${base}/parties/s`, PARTY, editorKey)).statusCode).toBe(200);
      const line = 'Vi vill bygga fler förskolor i hela kommunen.\n';
      const big = line.repeat(Math.floor((2 * 1024 * 1024) / line.length));
      const written = await put(`${base}/programmes/s`, { text: big, boilerplate: [] }, editorKey);
      expect(written.statusCode).toBe(200);
      refused(
        await put(`${base}/programmes/s`, { text: big + big, boilerplate: [] }, editorKey, {
          'if-match': '"1"',
        }),
        'invalid-programme',
      );
      refused(
        await put(`${base}/programmes/s`, { text: big.repeat(3), boilerplate: [] }, editorKey, {
          'if-match': '"1"',
        }),
        'body-too-large',
      );
    });
  },
);

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  'a programme replaced while a quote is written, on %s',
  (_name, backend) => {
    let app: FastifyInstance;
    let close: () => Promise<void>;
    /** Run once, inside the next batch that checks a programme's version, before it is applied. */
    let interleave: (() => Promise<unknown>) | null = null;
    beforeAll(async () => {
      ({ app, close } = await workbenchTestServer(await backend.start(), {
        wrap: (store) => ({
          ...store,
          applyChanges: async (workspace, changes, at) => {
            const step = changes.some((c) => c.type === 'check') ? interleave : null;
            if (step) {
              interleave = null;
              await step();
            }
            return store.applyChanges(workspace, changes, at);
          },
        }),
      }));
    }, 60_000);
    afterAll(async () => {
      await close?.();
      await backend.stop();
    });

    it('checks a coding and a decision again on the new text', async () => {
      const { get, put } = client(app);
      const { base, editorKey, a } = await fixtureWorkspace(app);
      const moved = `Ny inledning\n\n${PROGRAMME}`;
      const replace = (version: number) => () =>
        put(`${base}/programmes/s`, { text: moved, boilerplate: [] }, editorKey, {
          'if-match': `"${version}"`,
        });
      interleave = replace(1);
      const written = await put(
        `${base}/codings/skatt-01/s`,
        { position: 1, kind: 'stated', quote: at(SKATT) },
        a.coderKey,
      );
      expect(written.statusCode).toBe(200);
      expect(interleave).toBeNull();
      const coding = (await get(`${base}/codings/skatt-01/s`, a.coderKey)).json<CodingJson>();
      // Checked again on the new text, where the same offsets select another passage (the
      // first check, on the old text, would have stored SKATT at offsets that are wrong now).
      expect(coding.quoteText).not.toBe(SKATT);
      expect(coding.quoteText).toBe(moved.slice(coding.quote!.start, coding.quote!.end));
      expect(coding.quoteLost).toBe(false);

      interleave = async () => {
        await put(`${base}/programmes/s`, { text: PROGRAMME, boilerplate: [] }, editorKey, {
          'if-match': '"2"',
        });
      };
      const decision = { position: 1, kind: 'stated', quotes: [at(SKATT)], note: '', reason: 'R' };
      expect((await put(`${base}/decisions/skatt-01/s`, decision, editorKey)).statusCode).toBe(200);
      expect(interleave).toBeNull();
      const view = (await get(base, editorKey)).json<WorkspaceView>();
      expect(view.decisions[0]?.quotes).toEqual([{ ...at(SKATT), text: SKATT, lost: false }]);
    });
  },
);
