/**
 * Share codes: a voter's answers as a short, versioned URL fragment, and back.
 *
 * ## Format, version 1
 *
 * ```text
 * 1.<compassId>.<compassVersion>.<data>
 * ```
 *
 * - `1`: the format version ({@link SHARE_FORMAT_VERSION}), decimal digits.
 * - `<compassId>`: the compass id, verbatim. It must be non-empty and use only `A-Z a-z 0-9 - _`
 *   (valid compass ids are `a-z 0-9 -`), so it never contains a dot.
 * - `<compassVersion>`: the compass version, non-empty, written as
 *   `encodeURIComponent(version)`, then every `~` replaced by `%7E`, then every `.` replaced by
 *   `~`. So `1.0.0` is written `1~0~0` and `v~2 beta` is written `v%7E2%20beta`. A reader does
 *   not need to decode it: it compares it with the same encoding of its own compass's version.
 * - `<data>`: base64url (RFC 4648 §5: `A-Z a-z 0-9 - _`, no padding, unused low bits of the last
 *   character zero) of these bytes:
 *
 *   | bytes        | content                                                                 |
 *   | ------------ | ----------------------------------------------------------------------- |
 *   | 1            | N, the number of statements in the compass, 1..255                       |
 *   | ⌈N/2⌉        | one nibble per statement in compass order, high nibble first; an unused  |
 *   |              | last low nibble (odd N) is 0                                             |
 *   | 1            | P, the number of parties in the compass, 0..255                          |
 *   | 1            | party-filter flag: 0x00 = no filter (all parties), 0x01 = a filter       |
 *   | ⌈P/8⌉ or 0   | with flag 0x01 only: a bitmask over the parties in compass order, party  |
 *   |              | i in bit (i mod 8) of byte ⌊i/8⌋ (LSB first), unused high bits 0; at     |
 *   |              | least one bit set (an empty filter is not allowed)                       |
 *   | 1            | CRC-8 (polynomial 0x07, init 0x00, no reflection, no final XOR; check    |
 *   |              | value 0xF4 for "123456789") over the UTF-8 bytes of                      |
 *   |              | `<compass id>.<compass version>` (the id and version as in the compass,  |
 *   |              | not encoded) followed by all preceding data bytes                        |
 *
 *   A nibble: bits 0–2 are the answer, 0 = unanswered or skipped, 1 = −1, 2 = −0.5, 3 = 0,
 *   4 = 0.5, 5 = 1 (6 and 7 are invalid); bit 3 is "important", set only on an answered statement.
 *
 * Encoding is canonical: the same compass and voter always give the same string.
 *
 * Reading ({@link decodeShare}), checks in this order:
 *
 * 1. More than {@link MAX_SHARE_LENGTH} characters → `malformed`, unread. Trim white space and
 *    drop one leading `#`; nothing left → `empty`.
 * 2. Read it as written (steps 3–5). If that fails and the text contains `%`, URL-decode it
 *    (`decodeURIComponent`; if that throws, the first answer stands), trim, drop a `#`, and read it
 *    again; the second answer is taken when it succeeds or when the first was `malformed`.
 * 3. Header: split on `.`. First field not 1–9 digits → `malformed`; digits other than `1` →
 *    `unsupported-version` (`01` → `malformed`); not exactly 4 fields, an id outside
 *    `A-Z a-z 0-9 - _`, an empty version field, or data outside the base64url alphabet →
 *    `malformed`; id ≠ compass id → `other-compass`; version field neither the encoding above nor
 *    its URL-decoded form (the compass version with `.` → `~`) → `outdated`.
 * 4. Bytes, laid out by their own N, P and flag: N, P or the flag missing → `truncated`; flag
 *    not 0x00/0x01 → `corrupt`; fewer bytes than the layout needs → `truncated`; more bytes, a
 *    dangling last character (length ≡ 1 mod 4), non-zero unused bits, or a wrong CRC → `corrupt`.
 *    Then N or P different from the compass's → `outdated`.
 * 5. Values: answer code 6 or 7, "important" on an unanswered statement, a non-zero unused
 *    nibble, a mask bit at or beyond P, or an empty mask → `corrupt`.
 *
 * A code that reads gives answers only for answered statements, `important: true` only where
 * set, and `parties` (in compass order) only when there is a filter.
 *
 * Pure: no DOM, no Node, no `atob`/`btoa`/`TextEncoder`; the base64url codec, UTF-8 and CRC-8
 * are written out below.
 *
 * @module
 */

import { readAnswer } from '../answer/answer.ts';
import type { Compass, Position } from '../bank/types.ts';
import { POSITIONS } from '../bank/types.ts';
import type { Voter, VoterAnswer } from '../scoring/index.ts';

/** The format version, the first field of every share code. */
export const SHARE_FORMAT_VERSION = 1;

/** Longer fragments are rejected as `malformed` before anything else is done with them. */
export const MAX_SHARE_LENGTH = 2000;

/**
 * Why a fragment could not be read:
 * - `empty`: nothing there (no fragment, or just `#`);
 * - `malformed`: not a share code at all (wrong shape, bad characters, too long);
 * - `unsupported-version`: a share code of a format version this app does not read;
 * - `other-compass`: made for another compass id;
 * - `outdated`: made for another version of this compass (or its statement or party count differs);
 * - `truncated`: cut off, fewer bytes than its header promises;
 * - `corrupt`: damaged or tampered with (checksum, impossible values, trailing bytes).
 */
export type ShareProblem =
  | 'empty'
  | 'malformed'
  | 'unsupported-version'
  | 'other-compass'
  | 'outdated'
  | 'truncated'
  | 'corrupt';

/** What {@link decodeShare} found: the voter, or why there is none. */
export type ShareDecode = { ok: true; voter: Voter } | { ok: false; problem: ShareProblem };

// ---------------------------------------------------------------------------------------------
// Byte-level helpers: base64url, UTF-8, CRC-8.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** RFC 4648 §5 base64url without padding. */
function toBase64url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const group = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(3, bytes.length - i) + 1; // 1 byte → 2 chars, 2 → 3, 3 → 4
    for (let k = 0; k < chars; k++) out += ALPHABET[(group >> (18 - 6 * k)) & 63]!;
  }
  return out;
}

/**
 * The bytes of a base64url text (unpadded); null when a character is outside the alphabet.
 * `exact` is false when the text is not a canonical encoding: a dangling last character
 * (length ≡ 1 mod 4) or non-zero unused bits.
 */
function fromBase64url(text: string): { bytes: number[]; exact: boolean } | null {
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUE[code]! : -1;
    if (value < 0) return null;
    acc = ((acc << 6) | value) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return { bytes, exact: text.length % 4 !== 1 && (acc & ((1 << bits) - 1)) === 0 };
}

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** CRC-8/SMBUS (poly 0x07, init `crc`, no reflection, no final XOR) of `bytes[0 .. end)`. */
function crc8(bytes: readonly number[], end = bytes.length, crc = 0): number {
  for (let i = 0; i < end; i++) {
    crc ^= bytes[i]!;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : crc << 1;
  }
  return crc;
}

// ---------------------------------------------------------------------------------------------
// The compass side: what a share code for this compass must look like.

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** The version field of the format; null when the version cannot be URI-encoded (lone surrogate). */
function encodeVersion(version: string): string | null {
  try {
    return encodeURIComponent(version).replaceAll('~', '%7E').replaceAll('.', '~');
  } catch {
    return null;
  }
}

interface Layout {
  readonly statements: number;
  readonly parties: number;
  readonly statementIndex: ReadonlyMap<string, number>;
  readonly partyIndex: ReadonlyMap<string, number>;
  /** `1.<compassId>.<compassVersion>.`, the part before the data. */
  readonly prefix: string;
  /** The version field as written, and as it reads once the whole fragment is URL-decoded. */
  readonly versionFields: readonly string[];
  /** CRC-8 of `<compass id>.<compass version>`, to continue over the data bytes. */
  readonly seed: number;
}

/** The layout of this compass's share codes, or why the compass cannot have any. */
function layoutOf(compass: Compass): Layout | string {
  const statements = compass.statements.length;
  const parties = compass.parties.length;
  if (statements < 1 || statements > 255)
    return `a share code holds 1 to 255 statements; the compass has ${statements}`;
  if (parties > 255) return `a share code holds up to 255 parties; the compass has ${parties}`;
  if (!ID_PATTERN.test(compass.id))
    return `compass id ${JSON.stringify(compass.id)} cannot go in a share code; use a-z, 0-9 and -`;
  const version = encodeVersion(compass.version);
  if (version === null || version === '')
    return `compass version ${JSON.stringify(compass.version)} cannot go in a share code`;
  const statementIndex = new Map(compass.statements.map((s, i) => [s.id, i]));
  if (statementIndex.size !== statements) return 'the compass repeats a statement id';
  const partyIndex = new Map(compass.parties.map((p, i) => [p.id, i]));
  if (partyIndex.size !== parties) return 'the compass repeats a party id';
  return {
    statements,
    parties,
    statementIndex,
    partyIndex,
    prefix: `${SHARE_FORMAT_VERSION}.${compass.id}.${version}.`,
    versionFields: [version, compass.version.replaceAll('.', '~')],
    seed: crc8(utf8(`${compass.id}.${compass.version}`)),
  };
}

/** Nibble answer codes 1..5, in the order of POSITIONS (−1 … 1); 0 is "not answered". */
const codeOf = (position: Position): number => POSITIONS.indexOf(position) + 1;

// ---------------------------------------------------------------------------------------------
// Encoding.

/**
 * The share code of a voter's answers to a compass (without `#`). Canonical: the same input
 * always gives the same string. Skipped and missing statements are written as unanswered, and
 * "important" on a skipped statement is dropped. Throws an Error on a programmer error: an
 * unknown statement or party id, an invalid answer, an empty party filter, or a compass that
 * cannot have a share code (no statements, more than 255, an id with other characters).
 */
export function encodeShare(compass: Compass, voter: Voter): string {
  const layout = layoutOf(compass);
  if (typeof layout === 'string') throw new Error(`encodeShare: ${layout}`);

  const nibbles = new Array<number>(layout.statements).fill(0);
  for (const [id, answer] of Object.entries(voter.answers)) {
    const index = layout.statementIndex.get(id);
    if (index === undefined) throw new Error(`encodeShare: unknown statement id "${id}"`);
    if (answer === undefined) continue;
    const reading = readAnswer(answer);
    if (!reading.ok) throw new Error(`encodeShare: the answer to "${id}" ${reading.reason}`);
    const { answer: value, important } = reading.value;
    if (value === 'skip') continue;
    nibbles[index] = codeOf(value) | (important === true ? 8 : 0);
  }

  const bytes = [layout.statements];
  for (let i = 0; i < layout.statements; i += 2)
    bytes.push((nibbles[i]! << 4) | (nibbles[i + 1] ?? 0));
  bytes.push(layout.parties);
  if (voter.parties === undefined) bytes.push(0x00);
  else {
    if (voter.parties.length === 0)
      throw new Error('encodeShare: empty party filter; leave `parties` out to compare all');
    const mask = new Array<number>(Math.ceil(layout.parties / 8)).fill(0);
    for (const id of voter.parties) {
      const index = layout.partyIndex.get(id);
      if (index === undefined) throw new Error(`encodeShare: unknown party id "${id}"`);
      mask[index >> 3]! |= 1 << (index & 7);
    }
    bytes.push(0x01, ...mask);
  }
  bytes.push(crc8(bytes, bytes.length, layout.seed));
  return layout.prefix + toBase64url(bytes);
}

// ---------------------------------------------------------------------------------------------
// Decoding.

const fail = (problem: ShareProblem): ShareDecode => ({ ok: false, problem });

/** Strips white space and one leading `#`. */
const bare = (text: string): string => {
  const trimmed = text.trim();
  return trimmed.startsWith('#') ? trimmed.slice(1).trim() : trimmed;
};

/**
 * Reads a share code made for `compass`. `fragment` may be a URL fragment with or without the
 * `#`, and may be percent-encoded. Never throws: returns the voter (answers only for answered
 * statements, `important: true` only where set, `parties` in compass order only when the code
 * has a filter) or the problem.
 */
export function decodeShare(compass: Compass, fragment: string): ShareDecode {
  if (typeof fragment !== 'string' || fragment.length > MAX_SHARE_LENGTH) return fail('malformed');
  const text = bare(fragment);
  if (text === '') return fail('empty');
  const asWritten = parse(compass, text);
  if (asWritten.ok || !text.includes('%')) return asWritten;
  // Percent-encoded (`%23…`, `%2E` for dots, `%25` doubled …): read it once more, URL-decoded.
  // A code as written can hold `%` escapes in its version field, so reading it as written comes
  // first, and its answer stands unless it did not even look like a share code.
  let decoded: string;
  try {
    decoded = bare(decodeURIComponent(text));
  } catch {
    return asWritten;
  }
  if (decoded === '') return fail('empty');
  const reread = parse(compass, decoded);
  return reread.ok || asWritten.problem === 'malformed' ? reread : asWritten;
}

/**
 * Reads a bare share code (no `#`, no white space). The version field may also be in its
 * URL-decoded form: the compass version with `.` → `~`.
 */
function parse(compass: Compass, text: string): ShareDecode {
  // The header: format version, compass id, compass version, data.
  const fields = text.split('.');
  const format = fields[0]!;
  if (!/^[0-9]{1,9}$/.test(format)) return fail('malformed');
  // Another number is another format; "01" is not how format 1 is written.
  if (format !== String(SHARE_FORMAT_VERSION))
    return fail(Number(format) === SHARE_FORMAT_VERSION ? 'malformed' : 'unsupported-version');
  if (fields.length !== 4) return fail('malformed');
  const [, id, version, data] = fields as [string, string, string, string];
  if (!ID_PATTERN.test(id) || version === '') return fail('malformed');
  const decoded = fromBase64url(data);
  if (decoded === null) return fail('malformed');
  if (id !== compass.id) return fail('other-compass');
  const layout = layoutOf(compass);
  if (typeof layout === 'string' || !layout.versionFields.includes(version))
    return fail('outdated');

  // The structure, as the bytes themselves describe it.
  const bytes = decoded.bytes;
  const n = bytes[0];
  if (n === undefined) return fail('truncated');
  const nibbleBytes = Math.ceil(n / 2);
  const p = bytes[1 + nibbleBytes];
  const flag = bytes[2 + nibbleBytes];
  if (p === undefined || flag === undefined) return fail('truncated');
  if (flag !== 0x00 && flag !== 0x01) return fail('corrupt');
  const maskStart = 3 + nibbleBytes;
  const maskBytes = flag === 0x01 ? Math.ceil(p / 8) : 0;
  const length = maskStart + maskBytes + 1;
  if (bytes.length < length) return fail('truncated');
  if (bytes.length > length || !decoded.exact) return fail('corrupt');
  if (crc8(bytes, length - 1, layout.seed) !== bytes[length - 1]) return fail('corrupt');

  // Intact: does it fit this compass, and are the values possible?
  if (n !== layout.statements || p !== layout.parties) return fail('outdated');
  const answers: [string, VoterAnswer][] = [];
  for (let i = 0; i < nibbleBytes * 2; i++) {
    const nibble = (bytes[1 + (i >> 1)]! >> (i & 1 ? 0 : 4)) & 0x0f;
    const code = nibble & 7;
    const important = (nibble & 8) !== 0;
    if (i >= n ? nibble !== 0 : code > POSITIONS.length || (important && code === 0))
      return fail('corrupt');
    if (code === 0) continue;
    const answer = POSITIONS[code - 1]!;
    answers.push([compass.statements[i]!.id, important ? { answer, important } : { answer }]);
  }
  const voter: Voter = { answers: Object.fromEntries(answers) };
  if (flag === 0x00) return { ok: true, voter };

  const parties: string[] = [];
  for (let i = 0; i < maskBytes * 8; i++) {
    if (((bytes[maskStart + (i >> 3)]! >> (i & 7)) & 1) === 0) continue;
    if (i >= p) return fail('corrupt');
    parties.push(compass.parties[i]!.id);
  }
  if (parties.length === 0) return fail('corrupt');
  return { ok: true, voter: { ...voter, parties } };
}
