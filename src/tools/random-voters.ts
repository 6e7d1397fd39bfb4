import type { Compass } from '../domain/bank/types.ts';
import { scoreVoter } from '../domain/scoring/index.ts';
import { randomAnswers, seeded } from './robustness-report.ts';

/** What uniformly random voters see on the results page, for one share of skipped statements. */
export interface RandomVoterFigures {
  /** Share of statements each voter skips (each statement independently), 0..1. */
  readonly skipped: number;
  readonly voters: number;
  /**
   * Share of voters who see each party first, by party id; a first place shared by k parties
   * counts 1/k for each, so the shares add up to 1 minus `noneRanked`.
   */
  readonly first: Readonly<Record<string, number>>;
  /** Share of voters who see every party ranked. */
  readonly allRanked: number;
  /** Share of voters who see no party ranked (or get no result at all). */
  readonly noneRanked: number;
}

export const RANDOM_VOTER_SEED = 20261201;

/** Uniformly random voters (`randomAnswers`), deterministic for a seed. */
export function measureRandomVoters(
  compass: Compass,
  skipped: number,
  voters = 1000,
  seed = RANDOM_VOTER_SEED,
): RandomVoterFigures {
  const random = seeded(seed);
  const first = Object.fromEntries(compass.parties.map((p) => [p.id, 0]));
  let allRanked = 0;
  let noneRanked = 0;
  for (let n = 0; n < voters; n++) {
    const answers = randomAnswers(compass, skipped, random);
    const result = scoreVoter(compass, { answers });
    if (result.status !== 'ok' || result.stability.top.length === 0) {
      noneRanked++;
      continue;
    }
    for (const id of result.stability.top) first[id]! += 1 / result.stability.top.length;
    if (result.parties.every((p) => p.rank !== null)) allRanked++;
  }
  return {
    skipped,
    voters,
    first: Object.fromEntries(Object.entries(first).map(([id, k]) => [id, k / voters])),
    allRanked: allRanked / voters,
    noneRanked: noneRanked / voters,
  };
}
