/**
 * Join codes: what a teacher shows on the board and pupils type to join a round.
 *
 * The code is random (the server passes its cryptographic source in), so that a round cannot
 * be found by guessing; it is made of symbols that survive being projected, written on a board,
 * read aloud in Swedish and typed on a phone.
 */

/**
 * The 22 symbols of a join code: the digits 2–9 and the consonants C D F H J K M N P R T V W X.
 *
 * Left out, and why:
 * - `0 O Q` and `1 I L`: each looks like another on a board or a projector.
 * - `B G S Z`: taken for `8 6 5 2` in handwriting; the digit stays, because Swedish digit names
 *   (två, fem, sex, åtta) do not rhyme the way letter names do (be, ge, de, pe).
 * - every vowel (`A E I O U Y`): without vowels a random code cannot spell a word, which matters
 *   for a code projected in front of a class; this also settles the U/V look-alike.
 *
 * Dropping the vowels and B G S Z costs no length: 9 symbols are needed for 40 bits with any
 * alphabet of 22 to 31 symbols. Å, Ä and Ö are not used: they are missing from many keyboards.
 */
export const JOIN_ALPHABET = '23456789CDFHJKMNPRTVWX';

/**
 * Symbols in a join code: 9, so a code carries 9 · log2(22) ≈ 40.13 bits of randomness
 * (22^9 ≈ 1.2 · 10^12 codes). 8 symbols would give only 35.7 bits. Shown as three groups of
 * three ({@link formatJoinCode}), which is easy to read aloud.
 */
export const JOIN_CODE_LENGTH = 9;

const SIZE = JOIN_ALPHABET.length;
/**
 * Bytes from this value up (242..255) are thrown away: 242 = 11 · 22 is the largest multiple of
 * the alphabet size within a byte, so each symbol has exactly 11 byte values. Without this,
 * `byte % 22` would give the first 14 symbols 12 byte values each and the others 11.
 */
const ACCEPT_BELOW = 256 - (256 % SIZE);
/**
 * A working source fills a code in one request with probability (242/256)^9 ≈ 0.6, and leaves
 * a symbol missing after r requests with probability under 9 · (14/256)^r (about 10^-39 for
 * r = 32). Running out of rounds therefore means a broken source (one that only gives bytes
 * ≥ 242, or none), which must fail loudly rather than loop forever.
 */
const MAX_REQUESTS = 32;

/**
 * Makes a join code of {@link JOIN_CODE_LENGTH} symbols from {@link JOIN_ALPHABET}, each uniform
 * and independent of the others (rejection sampling, see above).
 *
 * @param randomBytes a cryptographic source: returns `n` uniformly random bytes (the server
 *   passes Node's `crypto.randomBytes`). It is asked for as many bytes as symbols are still
 *   missing; extra bytes are ignored.
 * @returns the code in canonical form: 9 symbols, no separators.
 * @throws Error when the source keeps returning only unusable bytes (a broken source).
 */
export function makeJoinCode(randomBytes: (n: number) => Uint8Array): string {
  let code = '';
  for (let request = 0; request < MAX_REQUESTS && code.length < JOIN_CODE_LENGTH; request++) {
    const bytes = randomBytes(JOIN_CODE_LENGTH - code.length);
    for (const byte of bytes) {
      if (code.length === JOIN_CODE_LENGTH) break;
      if (byte < ACCEPT_BELOW) code += JOIN_ALPHABET[byte % SIZE];
    }
  }
  if (code.length < JOIN_CODE_LENGTH)
    throw new Error(
      `the random source gave fewer than ${JOIN_CODE_LENGTH} usable bytes in ${MAX_REQUESTS} requests`,
    );
  return code;
}

/** Whitespace of any kind and the dashes phones and word processors put in for "-". */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;
/** Arabic-Indic (U+0660..) and Eastern Arabic-Indic (U+06F0..) digits, typed on Arabic keyboards. */
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/gu;
/** Longer input cannot be a code with separators; stop before normalising a large string. */
const MAX_INPUT = 64;

/**
 * Reads a join code as a pupil types it: ignores surrounding and inner whitespace and dashes,
 * case, full-width forms (Unicode NFKC) and Arabic-Indic digits; then it must be exactly
 * {@link JOIN_CODE_LENGTH} symbols of {@link JOIN_ALPHABET}. Look-alikes are not guessed: `0`,
 * `O`, `1`, `I`, `L`, `S` … are not in the alphabet, and a code containing one is rejected, so
 * that a mistyped code is reported rather than silently turned into another code.
 *
 * @param input untrusted: anything the client sent.
 * @returns the canonical code (9 symbols, no separators), or null when `input` cannot be a code.
 */
export function normaliseJoinCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return null;
  const code = input
    .normalize('NFKC')
    .replace(ARABIC_DIGITS, (d) => {
      const point = d.codePointAt(0)!;
      return String(point - (point >= 0x06f0 ? 0x06f0 : 0x0660));
    })
    .replace(SEPARATORS, '')
    .toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const symbol of code) if (!JOIN_ALPHABET.includes(symbol)) return null;
  return code;
}

/** Symbols per group in the displayed form. */
const GROUP = 3;

/**
 * A canonical join code for display, in groups of three: `"K7M2XP9DW"` → `"K7M-2XP-9DW"`.
 * {@link normaliseJoinCode} reads the displayed form back to the canonical code.
 *
 * @param code a canonical code, as {@link makeJoinCode} or {@link normaliseJoinCode} returns it.
 * @throws RangeError when `code` is not a canonical join code (a programming error: codes shown
 *   come from the server's own store).
 */
export function formatJoinCode(code: string): string {
  if (normaliseJoinCode(code) !== code)
    throw new RangeError(`"${code}" is not a canonical join code`);
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join('-');
}
