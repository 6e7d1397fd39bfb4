import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POSITIONS } from '../src/domain/bank/types.ts';
import type { VoterAnswer } from '../src/domain/scoring/index.ts';
import { scoreVoter } from '../src/domain/scoring/index.ts';
import { fuzzRuns } from '../src/test/tier.ts';
import { loadValidBank } from '../src/tools/load-bank.ts';
import { measureRandomVoters } from '../src/tools/random-voters.ts';

// The eligibility rule on the real compass, as voters meet it.
const compass = loadValidBank('questions/socialpolitik');

const answerArb: fc.Arbitrary<VoterAnswer> = fc.record(
  { answer: fc.constantFrom(...POSITIONS), important: fc.boolean() },
  { requiredKeys: ['answer'] },
);

describe('the real compass', () => {
  it('ranks every party for a voter who answers every statement, whatever the answers', () => {
    fc.assert(
      fc.property(
        fc.array(answerArb, {
          minLength: compass.statements.length,
          maxLength: compass.statements.length,
        }),
        (given) => {
          const answers = Object.fromEntries(compass.statements.map((s, j) => [s.id, given[j]!]));
          const result = scoreVoter(compass, { answers });
          if (result.status !== 'ok') throw new Error('a full answer set must give a result');
          expect(result.parties.map((p) => [p.party, p.eligible, p.reason])).toEqual(
            result.parties.map((p) => [p.party, true, null]),
          );
          expect(result.parties.every((p) => p.rank !== null)).toBe(true);
        },
      ),
      { numRuns: fuzzRuns(50, 3000) },
    );
  });

  it('ranks every party for nearly all random voters who skip one statement in ten', () => {
    const figures = measureRandomVoters(compass, 0.1, 500);
    expect(figures.allRanked).toBeGreaterThan(0.9);
    expect(measureRandomVoters(compass, 0, 200).allRanked).toBe(1);
  });

  it('gives every party first place for some random voters, and none most of the time', () => {
    const { first, noneRanked } = measureRandomVoters(compass, 0, 1000);
    expect(noneRanked).toBe(0);
    const shares = Object.values(first);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // A fair bank: with five parties, no party comes first for more than a third of random
    // voters, and each comes first for at least a tenth.
    for (const share of shares) {
      expect(share).toBeGreaterThan(0.1);
      expect(share).toBeLessThan(1 / 3);
    }
  });
});
