import { readAnswer } from '../answer/answer.ts';
import { ScoringError } from './errors.ts';
import type { Voter, VoterAnswer } from './types.ts';

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Reads a voter from untrusted data (a file, a URL fragment):
 * `{ "answers": { "<id>": { "answer": 1 | 0.5 | 0 | -0.5 | -1 | "skip", "important": true } }, "parties": ["s"] }`.
 * Each answer goes through `readAnswer`. Statement and party ids are checked against a compass
 * by `scoreVoter`. Throws ScoringError.
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
  const answers: [string, VoterAnswer][] = [];
  for (const [id, raw] of Object.entries(input.answers)) {
    const reading = readAnswer(raw);
    if (!reading.ok)
      throw new ScoringError('invalid-answer', `answer to "${id}" ${reading.reason}`);
    answers.push([id, reading.value]);
  }
  // fromEntries defines own properties, so a key "__proto__" stays a key (and is then rejected
  // as an unknown statement) instead of replacing the object's prototype.
  const byId: Record<string, VoterAnswer> = Object.fromEntries(answers);
  if (input.parties === undefined) return { answers: byId };
  if (!Array.isArray(input.parties) || !input.parties.every((p) => typeof p === 'string'))
    throw new ScoringError('invalid-voter', '"parties" must be a list of party ids');
  return { answers: byId, parties: input.parties as string[] };
}
