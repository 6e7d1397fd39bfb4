/**
 * What can be wrong with a pupil's submission, by a stable name. The server maps each code to a
 * 4xx response with a Swedish message, so a code is never renamed or reused for another fault
 * (the contract's `party-filter`, for a filter the five-point shape could carry, is no longer sent).
 *
 * - `invalid-voter`: not `{ "p": <number>, "categories": { … } }` with nothing else (a client
 *   cannot send its own percentages or anything alongside), or a statement missing.
 * - `invalid-answer`: a category that is not one of the four.
 * - `unknown-statement`: a category for a statement id the round's compass does not have.
 * - `outdated-submission`: the five-point shape `{ "answers": … }` of an older app, which would
 *   send the pupil's true answers; the message says to reload the page, which sends
 *   `{ "p", "categories" }`.
 * - `wrong-randomization`: `"p"` is not the round's p: counts randomized with different p cannot
 *   be estimated together, and p = 0 would be the true answers.
 */
export const CLASSROOM_ERROR_CODES = [
  'invalid-voter',
  'invalid-answer',
  'unknown-statement',
  'outdated-submission',
  'wrong-randomization',
] as const;

/** One of {@link CLASSROOM_ERROR_CODES}. */
export type ClassroomErrorCode = (typeof CLASSROOM_ERROR_CODES)[number];

/**
 * A submission the classroom domain refuses, always the sender's fault (a 4xx). The message is
 * one English sentence for logs; what a pupil sees comes from `code`. The codes shared with the
 * engine's `ScoringError` mean the same thing there.
 */
export class ClassroomError extends Error {
  override readonly name = 'ClassroomError';
  constructor(
    /** Stable name of the fault, one of {@link CLASSROOM_ERROR_CODES}. */
    readonly code: ClassroomErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
