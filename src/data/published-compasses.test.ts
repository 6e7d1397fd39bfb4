import { describe, expect, it } from 'vitest';
import { isCompassId, listPublished, readPublishedList } from './published-compasses.ts';

const row = {
  id: 'knivsta-2026',
  title: { sv: 'Valkompass Knivsta', en: 'Knivsta compass' },
  description: { sv: 'Om Knivsta.' },
  municipality: 'Knivsta',
  region: 'Uppsala län',
  version: 2,
  published: '2026-12-01T10:00:00.000Z',
  languages: ['sv', 'en'],
};

const answering =
  (body: string, status = 200): typeof fetch =>
  () =>
    Promise.resolve(new Response(body, { status }));

describe('readPublishedList', () => {
  it('reads the list, leaving out a row of another shape rather than showing it half', () => {
    const list = readPublishedList({
      compasses: [row, { ...row, id: 'Inte Ett Id' }, { ...row, title: 'Knivsta' }, null],
      total: 4,
    });
    expect(list).toEqual({ compasses: [row], total: 4 });
  });

  it('is null for anything that is not a list of compasses', () => {
    expect(readPublishedList([row])).toBeNull();
    expect(readPublishedList({ compasses: [row] })).toBeNull();
    expect(readPublishedList('<html>')).toBeNull();
  });
});

describe('listPublished', () => {
  it('asks the own origin for the search and the page', async () => {
    let asked = '';
    const fetchJson = ((url: string) => {
      asked = url;
      return Promise.resolve(new Response(JSON.stringify({ compasses: [row], total: 1 })));
    }) as typeof fetch;
    const result = await listPublished('Uppsala län', 50, undefined, fetchJson);
    expect(asked).toBe('/api/compasses?q=Uppsala+l%C3%A4n&offset=50');
    expect(result).toEqual({ status: 'ok', list: { compasses: [row], total: 1 } });
  });

  it.each([
    ['a 404', answering('{"error":"no-such-endpoint","message":"Finns inte"}', 404)],
    ['a page instead of JSON', answering('<!doctype html><title>app</title>')],
    ['JSON of another shape', answering('{"hello":"world"}')],
    ['no answer', (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch],
  ])('is "none" (no service here) on %s', async (_case, fetchJson) => {
    expect(await listPublished('', 0, undefined, fetchJson)).toEqual({ status: 'none' });
  });

  it('is "failed" when the service answers with an error', async () => {
    const fetchJson = answering('{"error":"internal","message":"Något gick fel"}', 500);
    expect(await listPublished('', 0, undefined, fetchJson)).toEqual({ status: 'failed' });
  });

  it('passes on the cancelling of a search a newer one replaced', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetchJson = (() =>
      Promise.reject(new DOMException('aborted', 'AbortError'))) as typeof fetch;
    await expect(listPublished('a', 0, controller.signal, fetchJson)).rejects.toThrow('aborted');
  });
});

describe('isCompassId', () => {
  it('takes the ids the bank allows, and nothing else', () => {
    expect(['socialpolitik', 'knivsta-2026', 'a1'].every(isCompassId)).toBe(true);
    expect(['', 'Knivsta', 'a--b', '-a', 'a_b', 'å', '../x'].some(isCompassId)).toBe(false);
  });
});
