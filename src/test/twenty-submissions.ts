import type { Compass } from '../domain/bank/types.ts';
import type { RandomizedCounters } from '../domain/classroom/randomized-counters.ts';
import {
  type RandomizedClassFigures,
  randomizedClassResult,
} from '../domain/classroom/randomized-estimate.ts';

/**
 * A closed randomized round of the demo compass (tests/fixtures/demo) for the teacher's views:
 * twenty submissions (p = 0.4), of which about 2 per category are noise and 12 sent their own, so
 * T̂ = (o − 2) / 12 (docs/method.md, the worked example of randomized rounds, has the same rows).
 */
export const TWENTY_SUBMISSIONS: RandomizedCounters = {
  p: 0.4,
  submissions: 20,
  statements: {
    // för 100 %: T̂ = 1, SE = √(0.7·0.3/20)/0.6 = 0.171; interval 1 ± 0.335 → 67–100 % (clamped)
    'fler-bibliotek': { emot: 2, varken: 2, for: 14, 'hoppade-over': 2 },
    // emot and för 50 % each: SE = √(0.4·0.6/20)/0.6 = 0.183, "50 % ± 18"
    'kulturskola-avgift': { emot: 8, varken: 2, for: 8, 'hoppade-over': 2 },
    // emot T̂ = −1/12 is shown as 0; varken and för 50 % each
    'balans-fore-satsningar': { emot: 1, varken: 9, for: 9, 'hoppade-over': 1 },
    // only 2 of 12 answered: the class is taken to have skipped it
    'foreningsdrivna-bibliotek': { emot: 3, varken: 2, for: 3, 'hoppade-over': 12 },
  },
};

/** The figures the service gives for a closed round with these counters (throws if withheld). */
export function closedFigures(
  compass: Compass,
  counters: RandomizedCounters,
): RandomizedClassFigures {
  const result = randomizedClassResult(compass, counters, { open: false });
  if (!('statements' in result)) throw new Error('expected figures');
  return result;
}
