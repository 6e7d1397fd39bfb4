import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, SERVICE_WORKER_FILE } from '../../features/offline/offline-files.ts';
import { ASSET_PATH, makeSite, type TestSite } from '../../test/server/site.ts';
import { type RunningServer, startServer } from '../start.ts';
import { IMMUTABLE, NO_CACHE, SHORT_CACHE, staticHeaders } from './headers.ts';

// The offline version's files as the service serves them (src/tools/pwa.ts builds them): the
// service worker must never be served from the browser's HTTP cache without asking, or a new
// deployment would go unnoticed for as long as the cached copy lives.

describe('cache headers of the offline version', () => {
  it('revalidates the service worker on every request, and only the service worker', () => {
    expect(staticHeaders(`/${SERVICE_WORKER_FILE}`)).toEqual({ 'cache-control': NO_CACHE });
    expect(staticHeaders('/workbox-5f3a1c2e.js')).toEqual({ 'cache-control': NO_CACHE });
    expect(staticHeaders('/assets/sw.js')).toEqual({ 'cache-control': IMMUTABLE });
    expect(staticHeaders('/sw.json')).toEqual({ 'cache-control': SHORT_CACHE });
    expect(staticHeaders(`/${MANIFEST_FILE}`)).toEqual({ 'cache-control': SHORT_CACHE });
  });

  describe('served by the classroom service', () => {
    let site: TestSite;
    let server: RunningServer;
    beforeAll(async () => {
      site = makeSite([]);
      writeFileSync(
        join(site.dir, SERVICE_WORKER_FILE),
        'self.addEventListener("fetch", () => {});',
      );
      writeFileSync(join(site.dir, MANIFEST_FILE), '{"name":"Valkompass"}');
      server = await startServer({
        staticDir: site.dir,
        databaseUrl: 'sqlite::memory:',
        compasses: new Map(),
        purgeIntervalMs: 0,
      });
    });
    afterAll(async () => {
      await server?.close();
      site?.remove();
    });

    it('sends sw.js as JavaScript with no-cache', async () => {
      const r = await fetch(`${server.url}/${SERVICE_WORKER_FILE}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(r.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
      expect(await r.text()).toContain('addEventListener');
    });

    it('sends the web app manifest with its own content type', async () => {
      const r = await fetch(`${server.url}/${MANIFEST_FILE}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
      expect(r.headers.get('cache-control')).toBe(SHORT_CACHE);
    });

    it('still keeps hashed assets forever', async () => {
      const r = await fetch(`${server.url}${ASSET_PATH}`);
      expect(r.headers.get('cache-control')).toBe(IMMUTABLE);
    });
  });
});
