import { POSITIONS } from '../bank/types.ts';
import { ScoringError } from './errors.ts';
import type { Answer, Voter, VoterAnswer } from './types.ts';

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Reads a voter from untrusted data (a file, a URL fragment):
 * `{ "answers": { "<id>": { "answer": 1 | 0.5 | 0 | -0.5 | -1 | "skip", "important": true } }, "parties": ["s"] }`.
 * Statement and party ids are checked against a compass by `scoreVoter`. Throws ScoringError.
 */
export function parseVoter(input: unknown): Voter {
  if (!isRecord(input))
    throw new ScoringError('invalid-voter', 'a voter must be an object with "answers"');
  for (const key of Object.keys(input))
    if (key !== 'answers' && key !== 'parties')
      throw new ScoringError(
        'invalid-voter',
        `unknown field "${key}" in the voter; use "answers" and "parties"`,
      );
  if (!isRecord(input.answers))
    throw new ScoringError('invalid-voter', '"answers" must be an object keyed by statement id');
  const answers: Record<string, VoterAnswer> = {};
  for (const [id, raw] of Object.entries(input.answers)) {
    if (!isRecord(raw))
      throw new ScoringError(
        'invalid-answer',
        `answer to "${id}" must be an object like { "answer": 1 }`,
      );
    const answer = raw.answer;
    if (answer !== 'skip' && !POSITIONS.includes(answer as never))
      throw new ScoringError(
        'invalid-answer',
        `answer to "${id}" is ${JSON.stringify(answer)}; use 1, 0.5, 0, -0.5, -1 or "skip"`,
      );
    if (raw.important !== undefined && typeof raw.important !== 'boolean')
      throw new ScoringError('invalid-answer', `"important" for "${id}" must be true or false`);
    for (const key of Object.keys(raw))
      if (key !== 'answer' && key !== 'important')
        throw new ScoringError('invalid-answer', `unknown field "${key}" in the answer to "${id}"`);
    answers[id] =
      raw.important === undefined
        ? { answer: answer as Answer }
        : { answer: answer as Answer, important: raw.important };
  }
  if (input.parties === undefined) return { answers };
  if (!Array.isArray(input.parties) || !input.parties.every((p) => typeof p === 'string'))
    throw new ScoringError('invalid-voter', '"parties" must be a list of party ids');
  return { answers, parties: input.parties as string[] };
}
