import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RANDOMIZATION_P, truthfulProbability } from '../domain/classroom/index.ts';
import { markdownTableRows, measureIsolatedPupil, privacyTable } from './classroom-privacy.ts';
import { loadValidBank } from './load-bank.ts';

const compass = loadValidBank('questions/socialpolitik');
const figures = measureIsolatedPupil(compass);

describe('what a teacher reads of one isolated pupil', () => {
  it('reads each answer at the randomized-response rate, 0.7, and almost never all of them', () => {
    const q = truthfulProbability(RANDOMIZATION_P);
    for (const f of figures) {
      const trials = f.pupils * compass.statements.length;
      // 4.5 standard errors: seeded, so never flaky; a wrong randomization is far outside.
      expect(Math.abs(f.statementRead - q)).toBeLessThan(4.5 * Math.sqrt((q * (1 - q)) / trials));
      expect(f.allRead).toBeLessThan(0.005); // 0.7³² ≈ 1 in 90 000
    }
  });

  it('names the first party better than chance: the docs must say so, and they do', () => {
    for (const f of figures) expect(f.topPartyRead).toBeGreaterThan(f.topPartyChance);
    const docs = markdownTableRows(readFileSync('docs/klassrum.md', 'utf8'));
    for (const row of privacyTable(figures)) expect(docs).toContainEqual(row);
  });
});
