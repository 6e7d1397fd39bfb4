/**
 * The answer hand-over: one answer carried in a link's fragment, from the single-statement widget
 * to the whole quiz, so the reader does not have to answer the same statement twice.
 *
 * ## Format
 *
 * ```text
 * #svar=<statement>:<answer>
 * ```
 *
 * - `<statement>`: the statement id, written as `encodeURIComponent(id)` (so a `:` or `%` in an
 *   id cannot be mistaken for the separator or an escape).
 * - `<answer>`: a point on the answer scale written as JavaScript writes the number: `1`, `0.5`,
 *   `0`, `-0.5` or `-1`. "Skip" is not handed over (the widget has no skip).
 *
 * It lives in the fragment, which browsers never send to a server.
 *
 * ## Reading ({@link readHandover})
 *
 * 1. Drop one leading `#`. Text that does not start with `svar=` is not a hand-over (`none`).
 * 2. URL-decode the rest; a `%` not followed by two hex digits is taken literally. Text that does
 *    not decode (an escape that is not UTF-8) is `invalid`.
 * 3. Split at the last `:` (an answer never contains one, so an id may); no `:` or an empty id is
 *    `invalid`.
 * 4. The answer must be written exactly as the encoder writes it (`1.0`, `+1` or ` 1` are not)
 *    and must be a point on the answer scale, read by the domain's one answer parser
 *    (`readAnswer`); otherwise `invalid`.
 *
 * Whether the statement exists is up to the reader's compass, not this format.
 *
 * Pure: no DOM, no React, no Node; never throws on bad input.
 *
 * @module
 */

import { isPosition, readAnswer } from '../answer/answer.ts';
import type { Position } from '../bank/types.ts';

/** The key of the hand-over in a link's fragment: `#svar=…`. */
export const HANDOVER_KEY = 'svar';

const PREFIX = `${HANDOVER_KEY}=`;

/** What a fragment holds, as far as the hand-over is concerned. */
export type HandoverReading =
  /** Not a hand-over at all (no fragment, or another kind of fragment): leave it alone. */
  | { readonly kind: 'none' }
  /** A hand-over that cannot be read; `reason` is an English sentence fragment. */
  | { readonly kind: 'invalid'; readonly reason: string }
  /** An answer to a statement. */
  | { readonly kind: 'answer'; readonly statement: string; readonly answer: Position };

/** The fragment, with its `#`, that hands `answer` to `statement` over to the whole quiz. */
export function handoverFragment(statement: string, answer: Position): string {
  return `#${PREFIX}${encodeURIComponent(statement)}:${String(answer)}`;
}

/** Reads a hand-over from a URL fragment (with or without its `#`). Never throws. */
export function readHandover(fragment: string): HandoverReading {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!text.startsWith(PREFIX)) return { kind: 'none' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(text.slice(PREFIX.length).replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  } catch {
    return { kind: 'invalid', reason: 'is not valid URL encoding' };
  }
  const colon = decoded.lastIndexOf(':');
  if (colon < 0) return { kind: 'invalid', reason: 'has no ":" between statement and answer' };
  const statement = decoded.slice(0, colon);
  if (statement === '') return { kind: 'invalid', reason: 'has no statement id' };
  const written = decoded.slice(colon + 1);
  const number = Number(written);
  // Only the encoder's own spelling: "1.0", "+1", " 1" or "" are not answers.
  const reading = readAnswer({ answer: String(number) === written ? number : written });
  if (!reading.ok) return { kind: 'invalid', reason: `has an answer that ${reading.reason}` };
  const { answer } = reading.value;
  // readAnswer also accepts "skip", which is never handed over.
  if (!isPosition(answer))
    return { kind: 'invalid', reason: `has the answer "${written}", which is not a position` };
  return { kind: 'answer', statement, answer };
}
