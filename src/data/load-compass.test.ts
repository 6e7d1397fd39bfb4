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

  it('reports a network failure or an HTTP error as "network", without throwing', async () => {
    const offline = (() => Promise.reject(new TypeError('offline'))) as typeof fetch;
    expect(await loadCompass('demo', offline)).toEqual({ status: 'network' });
    // An error status counts even when its body is valid open data.
    expect(await loadCompass('demo', respond(toOpenData(demo), 404))).toEqual({
      status: 'network',
    });
    expect(await loadCompass('demo', respond(toOpenData(demo), 500))).toEqual({
      status: 'network',
    });
  });

  it('reports a body that is not JSON as "unreadable", without throwing', async () => {
    const html = (() =>
      Promise.resolve(new Response('<!doctype html><title>Fel</title>'))) as typeof fetch;
    expect(await loadCompass('demo', html)).toEqual({ status: 'unreadable' });
    const cut = JSON.stringify(toOpenData(demo)).slice(0, 200);
    const truncated = (() => Promise.resolve(new Response(cut))) as typeof fetch;
    expect(await loadCompass('demo', truncated)).toEqual({ status: 'unreadable' });
  });

  it('asks for the compass by id under data/, escaped', async () => {
    const asked: string[] = [];
    const record = ((url: string) => {
      asked.push(url);
      return Promise.resolve(new Response(JSON.stringify(toOpenData(demo))));
    }) as typeof fetch;
    await loadCompass('demo', record);
    await loadCompass('a/b', record);
    const base = import.meta.env.BASE_URL;
    expect(asked).toEqual([`${base}data/demo.json`, `${base}data/a%2Fb.json`]);
  });
});
