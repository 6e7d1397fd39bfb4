import type { Compass, Statement } from '../../domain/bank/types.ts';
import type { SubmissionRequest } from '../../domain/classroom/http-contract.ts';
import type { VoterAnswer } from '../../domain/scoring/index.ts';

type SubmittedAnswer = SubmissionRequest['answers'][string];

/** One line of what is sent: the statement (for the pupil to read) and what is sent for it. */
export interface SubmissionRow {
  readonly statement: Statement;
  readonly sent: SubmittedAnswer;
}

/**
 * The body of a pupil's submission, exactly the contract's shape and nothing else: for each
 * statement of the compass the pupil has reached (answered or skipped), in the compass's order,
 * `{ answer, important }`; `important` is true only for an answered statement marked "Viktigt
 * för mig". No party filter, no percentages, no statement the compass does not have.
 */
export function submissionOf(
  compass: Compass,
  answers: Readonly<Record<string, VoterAnswer | undefined>>,
): { readonly body: SubmissionRequest; readonly rows: readonly SubmissionRow[] } {
  const rows: SubmissionRow[] = [];
  const body: Record<string, SubmittedAnswer> = {};
  for (const statement of compass.statements) {
    if (!Object.hasOwn(answers, statement.id)) continue;
    const given = answers[statement.id];
    if (!given) continue;
    const sent: SubmittedAnswer = {
      answer: given.answer,
      important: given.answer !== 'skip' && given.important === true,
    };
    body[statement.id] = sent;
    rows.push({ statement, sent });
  }
  return { body: { answers: body }, rows };
}
