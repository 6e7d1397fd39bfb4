/**
 * Classroom rounds, the pure part: join codes; randomized response, which the pupil's browser
 * applies before anything is sent (randomized-response.ts); the category counters the service
 * keeps (randomized-counters.ts); and what the teacher may see of them, the estimated shares and
 * the class profile's agreement with each party, after close and from ten submissions
 * (randomized-estimate.ts, class-profile.ts). No UI, DOM, Node or database imports; the service
 * in src/server/ stores the counters and the browser supplies the randomness. See README.md
 * beside this file and docs/method.md, "Classroom rounds with randomized response".
 */
export {
  formatJoinCode,
  JOIN_ALPHABET,
  JOIN_CODE_LENGTH,
  makeJoinCode,
  normaliseJoinCode,
} from './join-code.ts';
export {
  CLASSROOM_ERROR_CODES,
  ClassroomError,
  type ClassroomErrorCode,
} from './classroom-error.ts';
export * from './http-contract.ts';
export {
  CATEGORIES,
  type Category,
  categoryOf,
  privacyLoss,
  RANDOMIZATION_P,
  randomizeCategory,
  type RandomInt,
  randomizedSubmission,
  type RandomizedSubmission,
  truthfulProbability,
  uniformFromRandomValues,
} from './randomized-response.ts';
export {
  addRandomizedCounters,
  type CategoryCounts,
  emptyRandomizedCounters,
  type RandomizedCounters,
  randomizedDelta,
} from './randomized-counters.ts';
export {
  ANSWERED_THRESHOLD,
  CATEGORY_POSITIONS,
  type CategoryEstimate,
  estimateShare,
  estimateStatement,
  MIN_SUBMISSIONS,
  type OpenRound,
  type RandomizedClassFigures,
  randomizedClassResult,
  type RandomizedClassResult,
  type RandomizedWithheld,
  type ShareEstimate,
  type StatementEstimate,
} from './randomized-estimate.ts';
export {
  type ProfileParty,
  profileScores,
  type ProfileScores,
  type Ratio,
} from './class-profile.ts';
