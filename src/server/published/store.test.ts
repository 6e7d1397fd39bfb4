import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { storeBackends } from '../../test/server/backends.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { IMMUTABLE_MESSAGE } from './migration.ts';
import { openPublishedStore } from './open.ts';
import { openDataText } from './open-data.ts';
import { PAGE_SIZE, type PublishedStore, sortKey } from './store.ts';
import type { PublishInput } from './types.ts';

// The store of published compasses on SQLite in memory, SQLite in a file and a real PostgreSQL:
// numbering, taken ids, immutability (in the database too), the reads, and the list's search
// and paging.

const demo: Compass = loadValidBank('tests/fixtures/demo');
const AT = 1_800_000_000_000;
let names = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++names}`;

/** The demo compass under another id, title and municipality. */
function compassAs(id: string, title = `Kompass ${id}`, municipality = 'Demokommun'): Compass {
  return {
    ...demo,
    id,
    title: { sv: title, en: `Compass ${id}` },
    parties: demo.parties.map((p) => ({ ...p, municipality })),
  };
}

const input = (id: string, workspace: string, more: Partial<PublishInput> = {}): PublishInput => ({
  id,
  workspace,
  compass: compassAs(id),
  programmes: { a: `Program för ${id}` },
  at: AT,
  ...more,
});

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  'published store on %s',
  (_name, backend) => {
    let url: string;
    let store: PublishedStore;
    beforeAll(async () => {
      url = await backend.start();
      store = await openPublishedStore(url, { builtIds: ['byggd'] });
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await backend.stop();
    });

    it('numbers the versions of an id 1, 2, … and serves the latest and each one', async () => {
      const id = unique('kommun');
      const workspace = unique('ws');
      expect(await store.latest(id, 'data')).toBeNull();
      const first = await store.publish(input(id, workspace));
      expect(first).toEqual({
        published: true,
        version: { compass: id, version: 1, published: new Date(AT).toISOString() },
      });
      const changed = { ...compassAs(id), version: '2.0' };
      const second = await store.publish(
        input(id, workspace, { compass: changed, programmes: { a: 'Nytt' }, at: AT + 1000 }),
      );
      expect(second).toMatchObject({ published: true, version: { version: 2 } });

      expect(await store.latest(id, 'data')).toEqual({
        text: openDataText(changed),
        version: 2,
        publishedAt: AT + 1000,
      });
      expect((await store.latest(id, 'programmes'))?.text).toBe('{"a":"Nytt"}');
      expect((await store.version(id, 1, 'data'))?.text).toBe(openDataText(compassAs(id)));
      expect((await store.version(id, 1, 'programmes'))?.text).toBe(
        JSON.stringify({ a: `Program för ${id}` }),
      );
      expect(await store.version(id, 3, 'data')).toBeNull();
      expect((await store.versionsOf(workspace)).map((v) => [v.compass, v.version])).toEqual([
        [id, 2],
        [id, 1],
      ]);
      expect(await store.versionsOf(unique('nobody'))).toEqual([]);
    });

    it("refuses another workspace's id, a built compass's and a reserved name as taken", async () => {
      const id = unique('tagen');
      await store.publish(input(id, 'owner'));
      expect(await store.publish(input(id, 'other'))).toEqual({
        published: false,
        reason: 'taken',
      });
      expect(await store.publish(input('byggd', 'owner'))).toEqual({
        published: false,
        reason: 'taken',
      });
      const reserved = `${unique('x')}-programmes`;
      expect(await store.publish(input(reserved, 'owner'))).toEqual({
        published: false,
        reason: 'taken',
      });
      expect((await store.latest(id, 'data'))?.version).toBe(1);
      expect(await store.latest('byggd', 'data')).toBeNull();
      expect(await store.versionsOf('other')).toEqual([]);
    });

    it('refuses an input whose id is not the compass id', async () => {
      await expect(
        store.publish({ ...input(unique('a'), 'w'), compass: compassAs('annat') }),
      ).rejects.toThrow(TypeError);
    });

    it('gives two concurrent publishes of one new id the numbers 1 and 2', async () => {
      const id = unique('samtidigt');
      const other = backend.shared ? await openPublishedStore(url) : store;
      try {
        const outcomes = await Promise.all([
          store.publish(input(id, 'ws', { programmes: { a: 'ett' } })),
          other.publish(input(id, 'ws', { programmes: { a: 'två' } })),
        ]);
        const numbers = outcomes.map((o) => (o.published ? o.version.version : 0));
        expect([...numbers].sort()).toEqual([1, 2]);
        const latest = await store.latest(id, 'programmes');
        expect(latest?.version).toBe(2);
        // The version numbered 2 holds the programme of the publish that got 2.
        expect(latest?.text).toBe(numbers[0] === 2 ? '{"a":"ett"}' : '{"a":"två"}');
      } finally {
        if (other !== store) await other.close();
      }
    });

    it.skipIf(!backend.shared)('refuses in the database itself to change a version', async () => {
      const id = unique('fast');
      await store.publish(input(id, 'ws'));
      const update = `update published_versions set open_data = '{}' where id = '${id}'`;
      if (backend.kind === 'sqlite') {
        const db = new Database(url.slice('sqlite:'.length));
        try {
          expect(() => db.prepare(update).run()).toThrow(IMMUTABLE_MESSAGE);
        } finally {
          db.close();
        }
      } else {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await expect(client.query(update)).rejects.toThrow(IMMUTABLE_MESSAGE);
        } finally {
          await client.end();
        }
      }
      expect((await store.latest(id, 'data'))?.text).toBe(openDataText(compassAs(id)));
    });

    describe('the list', () => {
      let fresh: PublishedStore;
      beforeAll(async () => {
        fresh = await openPublishedStore(backend.shared ? await backend.another() : url);
        // Sixty compasses, published in an order unlike their titles'.
        for (let n = 59; n >= 0; n -= 1) {
          const id = `k${String(n).padStart(2, '0')}`;
          await fresh.publish(input(id, 'ws', { compass: compassAs(id, `Titel ${id}`) }));
        }
        const towns: [string, string, string][] = [
          ['malmo', 'Malmö väljer', 'Malmö'],
          ['orebro', 'Örebro 2026', 'Örebro'],
          ['angelholm', 'Ängelholm', 'Ängelholm'],
          ['alvkarleby', 'Älvkarleby', 'Älvkarleby'],
          ['zinkgruvan', 'Zinkgruvan', 'Askersund'],
          ['procent', 'Hundra 100_% säkert', 'Lund'],
        ];
        for (const [id, title, town] of towns)
          await fresh.publish(
            input(id, 'ws', {
              compass: compassAs(id, title, town),
              region: `Region ${town}`,
              electionDate: '2026-09-13',
            }),
          );
        // A second version of one: the list shows the latest.
        await fresh.publish(
          input('malmo', 'ws', { compass: compassAs('malmo', 'Malmö väljer igen', 'Malmö') }),
        );
      }, 60_000);
      afterAll(async () => {
        await fresh?.close();
      });

      it('pages fifty at a time in title order, å ä ö after z', async () => {
        const first = await fresh.list('', 0);
        expect(first.total).toBe(66);
        expect(first.compasses).toHaveLength(PAGE_SIZE);
        const second = await fresh.list('', PAGE_SIZE);
        expect(second.total).toBe(66);
        const titles = [...first.compasses, ...second.compasses].map((c) => c.title.sv);
        expect(titles.slice(0, 2)).toEqual(['Hundra 100_% säkert', 'Malmö väljer igen']);
        expect(titles.slice(-5)).toEqual([
          'Titel k59',
          'Zinkgruvan',
          'Älvkarleby',
          'Ängelholm',
          'Örebro 2026',
        ]);
        expect(titles).toEqual([...titles].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)));
        expect((await fresh.list('', 1000)).compasses).toEqual([]);
      });

      it('searches title, municipality, region and id, ignoring case and accents', async () => {
        const ids = async (q: string) => (await fresh.list(q, 0)).compasses.map((c) => c.id);
        expect(await ids('MALMO')).toEqual(['malmo']);
        expect(await ids('malmö')).toEqual(['malmo']);
        expect(await ids('orebro')).toEqual(['orebro']);
        expect(await ids('askersund')).toEqual(['zinkgruvan']);
        expect(await ids('region ängel')).toEqual(['angelholm']);
        expect(await ids('alvkarleby')).toEqual(['alvkarleby']);
        expect(await ids('k07')).toEqual(['k07']);
        expect(await ids('compass k0')).toHaveLength(10);
        // LIKE's wildcards are plain characters in a query.
        expect(await ids('0_%')).toEqual(['procent']);
        expect(await ids('%')).toEqual(['procent']);
        expect(await ids('_')).toEqual(['procent']);
        expect(await ids('ingenstans')).toEqual([]);
      });

      it('gives each entry the fields of the contract', async () => {
        const [entry] = (await fresh.list('malmö', 0)).compasses;
        expect(entry).toEqual({
          id: 'malmo',
          title: { sv: 'Malmö väljer igen', en: 'Compass malmo' },
          description: { sv: demo.description.sv, en: demo.description.en },
          municipality: 'Malmö',
          version: 2,
          published: new Date(AT).toISOString(),
          languages: ['sv', 'en'],
        });
        const [orebro] = (await fresh.list('örebro', 0)).compasses;
        expect(orebro).toMatchObject({ region: 'Region Örebro', electionDate: '2026-09-13' });
      });
    });
  },
);
