import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, startGzipStaticServer, type StaticServer } from './gzip-static-server.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET (fetch would decompress and hide Content-Encoding). */
function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request(`${origin}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        done({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

const SCRIPT = `export const text = '${'lorem ipsum '.repeat(200)}';\n`;

function makeSite(shell: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'gzip-static-'));
  mkdirSync(join(root, 'assets'));
  mkdirSync(join(root, 'en'));
  writeFileSync(join(root, 'index.html'), '<p>start</p>');
  writeFileSync(join(root, 'en', 'index.html'), '<p>english start</p>');
  writeFileSync(join(root, 'assets', 'app-abc123.js'), SCRIPT);
  if (shell) writeFileSync(join(root, 'app.html'), '<p>shell</p>');
  return root;
}

describe('startGzipStaticServer', () => {
  let root: string;
  let server: StaticServer;
  beforeAll(async () => {
    root = makeSite(true);
    server = await startGzipStaticServer(root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('gzips a text response when Accept-Encoding allows it, with a year of cache for assets', async () => {
    const reply = await get(server.origin, '/assets/app-abc123.js', {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('gzip');
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/);
    expect(reply.headers['cache-control']).toContain('immutable');
    expect(reply.headers.vary).toBe('accept-encoding');
    expect(reply.body.length).toBeLessThan(SCRIPT.length);
    expect(gunzipSync(reply.body).toString()).toBe(SCRIPT);
  });

  it('sends the plain bytes when the client does not accept gzip', async () => {
    const reply = await get(server.origin, '/assets/app-abc123.js');
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(reply.body.toString()).toBe(SCRIPT);
  });

  it("serves a directory's index.html, with or without the trailing slash", async () => {
    for (const path of ['/en/', '/en']) {
      const reply = await get(server.origin, path);
      expect(reply.status).toBe(200);
      expect(reply.body.toString()).toBe('<p>english start</p>');
      expect(reply.headers['cache-control']).toBe('no-cache');
    }
    expect((await get(server.origin, '/')).body.toString()).toBe('<p>start</p>');
  });

  it('falls back to the app shell for a path that names no file', async () => {
    const reply = await get(server.origin, '/resultat?x=1');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body.toString()).toBe('<p>shell</p>');
  });

  it('answers 404 for a missing asset or file, and for a path out of the site', async () => {
    for (const path of [
      '/assets/gone-123.js',
      '/assets/',
      '/missing.js',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      expect((await get(server.origin, path)).status, path).toBe(404);
    }
  });
});

it('falls back to index.html when the build has no app shell', async () => {
  const root = makeSite(false);
  const server = await startGzipStaticServer(root);
  try {
    expect((await get(server.origin, '/fraga/3')).body.toString()).toBe('<p>start</p>');
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});

describe('acceptsGzip', () => {
  it('reads the header as a browser or a CDN would', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br, identity')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
