/**
 * The voter's answer format and its one parser. Not part of the matching engine's entry on purpose:
 * the app's first page reads stored answers with it, and importing the engine's entry there would
 * put the whole engine into the start page's scripts.
 */
import { type Position, POSITIONS } from '../bank/types.ts';
import type { Answer, VoterAnswer } from '../scoring/index.ts';

/** The outcome of reading one answer from untrusted data. */
export type AnswerReading =
  | { readonly ok: true; readonly value: VoterAnswer }
  | { readonly ok: false; readonly reason: string };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** True for a point on the answer scale: −1, −0.5, 0, 0.5 or 1. */
export const isPosition = (x: unknown): x is Position => POSITIONS.includes(x as Position);

/** True for a point on the answer scale or "skip". */
export const isAnswer = (x: unknown): x is Answer => x === 'skip' || isPosition(x);

/** The longest text of a value `describeValue` shows. */
const SHOWN = 40;

/**
 * A short description of an untrusted value for a message. It never stringifies or walks into an
 * array or an object: those may be nested as deep as a body allows, and a recursive walk (as
 * JSON.stringify is) would overflow the stack. Other values are shown, cut at 40 characters.
 */
export function describeValue(x: unknown): string {
  if (x === undefined) return 'missing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object';
  if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean')
    return `a ${typeof x}`;
  const text = typeof x === 'string' ? JSON.stringify(x) : String(x);
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
}

/**
 * Reads one answer, `{ "answer": 1 | 0.5 | 0 | -0.5 | -1 | "skip", "important": true }`, from
 * untrusted data (a file, storage, a URL). The one answer parser: the CLI, the stored answers,
 * the share codec and the widget hand-over all read answers through it. "important" on a skipped
 * statement is dropped (a skip does not count, so it cannot weigh double). The reason is one
 * English sentence fragment for error messages.
 *
 * @param lenient for data the voter already gave (storage): keep a readable answer even when
 *   other fields are unknown or "important" is unreadable (then it counts as not important),
 *   rather than lose it.
 */
export function readAnswer(raw: unknown, { lenient = false } = {}): AnswerReading {
  if (!isRecord(raw)) return { ok: false, reason: 'must be an object like { "answer": 1 }' };
  if (!lenient)
    for (const key of Object.keys(raw))
      if (key !== 'answer' && key !== 'important')
        return { ok: false, reason: `has an unknown field "${key}"` };
  const { answer, important } = raw;
  if (!isAnswer(answer))
    return {
      ok: false,
      reason: `is ${describeValue(answer)}; use 1, 0.5, 0, -0.5, -1 or "skip"`,
    };
  if (!lenient && important !== undefined && typeof important !== 'boolean')
    return { ok: false, reason: 'has "important" that is not true or false' };
  return {
    ok: true,
    value: important === true && answer !== 'skip' ? { answer, important } : { answer },
  };
}
