/**
 * Which tier of the tests this run is: `npm test` (one case of every kind, within its time budget)
 * or `npm run test:sweep` (every case), as src/tools/test-gates.ts describes. Read by tests to
 * choose their cases; the runner sets the variable.
 */
import { SWEEP_ENV } from '../tools/test-gates.ts';

export const SWEEP = process.env[SWEEP_ENV] === '1';

/** `quick` in `npm test`, `all` in the sweep. */
export const tier = <T>(quick: T, all: T): T => (SWEEP ? all : quick);

/** A property test's number of runs: `quick` in `npm test`, `long` in the sweep. */
export const fuzzRuns = (quick: number, long: number): number => tier(quick, long);
