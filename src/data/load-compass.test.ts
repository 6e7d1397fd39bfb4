import { describe, expect, it } from 'vitest';
import { loadValidBank } from '../tools/load-bank.ts';
import { toOpenData } from '../tools/open-data.ts';
import { loadCompass } from './load-compass.ts';

const demo = loadValidBank('tests/fixtures/demo');

const respond = (body: unknown, status = 200): typeof fetch =>
  (() => Promise.resolve(new Response(JSON.stringify(body), { status }))) as typeof fetch;

describe('loadCompass', () => {
  it('accepts the published open data of a valid compass', async () => {
    const result = await loadCompass('demo', respond(toOpenData(demo)));
    expect(result.status).toBe('ok');
    if (result.status === 'ok') expect(result.compass.statements).toHaveLength(4);
  });

  it('refuses data that fails validation, naming the problem', async () => {
    const data = toOpenData(demo);
    (data.statements[0]!.stances.a as { position: number }).position = 2;
    const result = await loadCompass('demo', respond(data));
    expect(result).toMatchObject({ status: 'invalid' });
    if (result.status === 'invalid') expect(result.issues[0]!.message).toMatch(/not on the scale/);
  });

  it('reports a network failure or a missing file without throwing', async () => {
    expect(await loadCompass('demo', respond({}, 404))).toEqual({ status: 'network' });
    const offline = (() => Promise.reject(new TypeError('offline'))) as typeof fetch;
    expect(await loadCompass('demo', offline)).toEqual({ status: 'network' });
    const garbage = (() => Promise.resolve(new Response('<html>'))) as typeof fetch;
    expect(await loadCompass('demo', garbage)).toEqual({ status: 'network' });
  });
});
