/** What was wrong with the input to the engine. */
export type ScoringErrorCode =
  'unknown-statement' | 'unknown-party' | 'invalid-answer' | 'invalid-voter' | 'invalid-compass';

/** Bad input to the engine, named precisely; the engine throws this rather than return NaN. */
export class ScoringError extends Error {
  override readonly name = 'ScoringError';
  constructor(
    readonly code: ScoringErrorCode,
    message: string,
  ) {
    super(message);
  }
}
