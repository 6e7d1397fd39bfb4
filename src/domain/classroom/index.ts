/**
 * Classroom sessions, the pure part: join codes, the counters a round keeps (counters only, no
 * row per pupil), and what the teacher may see of them (the k ≥ 5 rule); and randomized
 * response, which is to replace the five-point counters (below). No UI, DOM, Node or
 * database imports; the service in src/server/ stores the counters and supplies randomness.
 * See README.md beside this file.
 */
export {
  formatJoinCode,
  JOIN_ALPHABET,
  JOIN_CODE_LENGTH,
  makeJoinCode,
  normaliseJoinCode,
} from './join-code.ts';
export {
  addCounters,
  ANSWER_KEYS,
  type AnswerKey,
  emptyCounters,
  type PartyCounters,
  type RoundCounters,
  type StatementCounts,
  submissionDelta,
} from './counters.ts';
export {
  type ClassFigures,
  type ClassParty,
  classResult,
  type ClassResult,
  MIN_SUBMISSIONS,
  type OpenRound,
  type WithheldResult,
} from './class-result.ts';
export { byDivisiveness, type Divisiveness, divisiveness } from './divisiveness.ts';
export {
  CLASSROOM_ERROR_CODES,
  ClassroomError,
  type ClassroomErrorCode,
} from './classroom-error.ts';
export * from './http-contract.ts';
// Randomized response: the pupil's browser randomizes each answer's category before sending
// (randomized-response.ts), the service counts categories (randomized-counters.ts) and estimates
// the class's shares and profile (randomized-estimate.ts, class-profile.ts). Not wired into the
// service yet, which still counts five-point answers with the k ≥ 5 rule above; until then its
// minimum is exported as MIN_RANDOMIZED_SUBMISSIONS beside the five-point MIN_SUBMISSIONS.
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
  MIN_SUBMISSIONS as MIN_RANDOMIZED_SUBMISSIONS,
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
