/**
 * The matching engine (docs/method.md): pure TypeScript, no UI, DOM or Node imports.
 * See README.md beside this file for the maths, a worked example and a glossary.
 */
export { scoreVoter, answersNeeded, stabilityLabel } from './score-voter.ts';
export { parseVoter } from './voter.ts';
export { isAnswer, isPosition, readAnswer, type AnswerReading } from '../answer/answer.ts';
export { ScoringError, type ScoringErrorCode } from './errors.ts';
export { percentHalfUp } from './exact.ts';
export type * from './types.ts';
