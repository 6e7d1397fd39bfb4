/**
 * The bank report's random voters. The figures are pure and computed in src/domain (the
 * workbench's balance panel computes the same ones in the browser); re-exported here for the
 * tools and tests that import them from this file.
 */
export {
  measureRandomVoters,
  RANDOM_VOTER_SEED,
  type RandomVoterFigures,
} from '../domain/workbench/random-voters.ts';
