import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Newer npm skips a dependency's install script unless package.json's `allowScripts` approves it.
 * better-sqlite3 builds its native module in one, so a skipped script would leave `npm start` broken
 * on a fresh machine: every package of the lockfile that has an install script must be named.
 */
describe('install scripts', () => {
  it('are approved in package.json for every package of the lockfile that has one', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { hasInstallScript?: boolean }>;
    };
    const { allowScripts = {} } = JSON.parse(readFileSync('package.json', 'utf8')) as {
      allowScripts?: Record<string, boolean>;
    };
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path.split('node_modules/').at(-1)!);
    expect(withScripts).toContain('better-sqlite3');
    for (const name of withScripts)
      expect(allowScripts[name], `${name} runs an install script`).toBe(true);
  });
});
