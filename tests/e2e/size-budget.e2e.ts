import { describe, expect, it } from 'vitest';
import { builtSiteDir } from '../../src/test/browser/browser.ts';
import { START_PAGE_BUDGET, startPageChunks } from '../../src/tools/size-budget.ts';

// Deterministic (sizes of the built files), so it may fail the build; speed itself is only benchmarked.
describe('the start page', () => {
  it.each(['sv', 'en', 'ar'] as const)(
    `loads at most ${START_PAGE_BUDGET / 1024} kB of JS (gzip) before anything lazy, in %s`,
    (language) => {
      const chunks = startPageChunks(builtSiteDir(), language);
      const total = chunks.reduce((sum, c) => sum + c.gzip, 0);
      expect(total, chunks.map((c) => `${c.file} ${c.gzip}`).join('\n')).toBeLessThanOrEqual(
        START_PAGE_BUDGET,
      );
    },
  );
});
