import { describe, expect, it } from 'vitest';
import { NETWORK_NAVIGATIONS } from './pwa.ts';

const leftToNetwork = (path: string) => NETWORK_NAVIGATIONS.some((pattern) => pattern.test(path));

describe('the service worker’s navigations', () => {
  it('answers the app’s pages with the shell, with or without a query', () => {
    for (const path of [
      '/',
      '/fraga/3',
      '/resultat/parti/c',
      '/delat',
      '/embed',
      '/program/v',
      '/en/socialpolitik/fraga/3',
      '/klass/K7M-2XP-9DW/larare',
      '/apis',
      '/fraga/3?utm_source=a.b',
    ])
      expect(leftToNetwork(path), path).toBe(false);
  });

  it('leaves the classroom API, open data, embed frames and files to the network', () => {
    for (const path of [
      '/api',
      '/api/health',
      '/api/sessions/K7M2XP9DW/events',
      '/data/socialpolitik.json',
      '/data/socialpolitik.csv',
      '/embed.js',
      '/embed/socialpolitik',
      '/embed/socialpolitik?lang=en',
      '/favicon.svg',
      '/manifest.webmanifest',
    ])
      expect(leftToNetwork(path), path).toBe(true);
  });
});
