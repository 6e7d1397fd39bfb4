/**
 * Classroom sessions, the pure part: join codes, the counters a round keeps (counters only, no
 * row per pupil), and what the teacher may see of them (the k ≥ 5 rule). No UI, DOM, Node or
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
