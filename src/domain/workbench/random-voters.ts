/**
 * Uniformly random voters, as the bank report (`npm run bank:report`) and the workbench's balance
 * panel measure them: what such voters see first on the results page, and how often they see every
 * party ranked. Moved here from src/tools/random-voters.ts unchanged, so that the browser (in a
 * Web Worker) computes the same figures as the report; the tool re-exports it.
 */
import type { Compass } from '../bank/types.ts';
import { POSITIONS } from '../bank/types.ts';
import type { VoterAnswer } from '../scoring/index.ts';
import { scoreVoter } from '../scoring/index.ts';

/** mulberry32: a small seeded generator (0 ≤ x < 1), so that the figures are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

/**
 * A uniformly random voter's answers: each statement skipped with probability `skipped`,
 * otherwise one of the five answers with equal probability, marked important with probability
 * 0.2. Draws from `random` in exactly the order src/tools/robustness-report.ts does.
 */
export function randomAnswers(
  compass: Compass,
  skipped: number,
  random: () => number,
): Record<string, VoterAnswer> {
  const answers: Record<string, VoterAnswer> = {};
  for (const s of compass.statements)
    answers[s.id] =
      random() < skipped
        ? { answer: 'skip' }
        : { answer: pick(random, POSITIONS), important: random() < 0.2 };
  return answers;
}

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

/** The seed of the bank report's random voters. */
export const RANDOM_VOTER_SEED = 20261201;

/**
 * Uniformly random voters (`randomAnswers`), deterministic for a seed: each call starts the
 * generator afresh, so rows with different `skipped` use the same seed. With 0 voters every share
 * is NaN (nothing measured).
 */
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

/**
 * The standard error of a share measured over `voters` independent voters, 0..0.5:
 * √(p(1 − p)/N). With `share` omitted, the largest it can be (p = ½): 1/(2√N).
 */
export function shareStandardError(voters: number, share = 0.5): number {
  return Math.sqrt((share * (1 - share)) / voters);
}
