/**
 * A party programme's text in the form the bank keeps its copies (questions/<compass>/sources/*.txt,
 * each pinned by SHA-256 in parties.yaml), so that an imported programme can be stored, hashed and
 * quoted from like them. Pure: no DOM and no Node; sha256Hex uses Web Crypto where it exists.
 *
 * What the bank's copies are, and so what normalizeProgramme makes:
 * - UTF-8 text (the caller decodes), no byte-order mark, no soft hyphens (U+00AD) and no zero-width
 *   spaces (U+200B): all three are invisible, and a quote typed by a person would never contain
 *   them, so they would make a verbatim quote fail to match (quotes.ts treats only whitespace as
 *   interchangeable; the soft hyphen and U+200B are not whitespace to `\s`, and U+FEFF inside a
 *   line is a word joiner, which is no space either);
 * - line endings LF (CRLF, a lone CR, a vertical tab and U+2028 become LF; U+2029 and a form feed,
 *   pdftotext's page break, a blank line); no control characters (U+0000 is what quotes.ts uses to cut boilerplate out, and C1
 *   controls are debris of mis-decoded Windows-1252); a tab becomes a space;
 * - no space at the end of a line, no blank line at the start or end, no final line break, and
 *   at most one blank line between paragraphs (the copies have one paragraph per line and a blank
 *   line between them);
 * - Unicode NFC, so that "ä" is one code point whether the PDF or the keyboard made it of two.
 *
 * Kept as they are: spaces inside a line (two after a full stop, an indent), and no-break spaces
 * (U+00A0, U+202F) wherever they stand, at a line's end too. The bank's copies keep them
 * (mp-huddinge, s-knivsta and v-sodertalje have some, in "10 000", after a full stop at a line's
 * end, and alone on an otherwise blank line), quote matching already treats them as spaces (normalizeSpace
 * collapses `\s`, which includes them), and keeping them keeps the copy closer to what was
 * published and keeps "10 000" from breaking across lines where it is shown.
 */

/** Invisible characters a quote could never contain: BOM/zero-width no-break space, soft hyphen,
 * zero-width space; C0 controls, DEL and C1 but the line feed (tab, CR, VT and FF are gone by then). */
const INVISIBLE = /[\uFEFF\u00AD\u200B]|(?!\n)\p{Cc}/gu;

/** Spaces at the end of a line (tabs are spaces by then); no-break spaces stay, see above. */
const TRAILING_SPACE = / +$/gmu;

/** The text of a programme as the bank keeps it; idempotent. */
export function normalizeProgramme(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\v/gu, '\n')
    .replace(/\u2029|\f/gu, '\n\n')
    .replace(/\t/gu, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(TRAILING_SPACE, '')
    .replace(/\n{3,}/gu, '\n\n')
    .replace(/^\n+|\n+$/gu, '');
}

/** The parts of Web Crypto this module uses; the domain's TypeScript settings name no DOM types. */
interface WebCrypto {
  readonly subtle?: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };
}

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    let code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000)
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      );
  }
  return Uint8Array.from(bytes);
}

/**
 * The SHA-256 of the text's UTF-8 bytes as 64 lower-case hex digits: what `sha256sum` prints for the
 * file and what parties.yaml's `source.sha256` holds. Web Crypto exists in Node 20 and in browsers,
 * but a browser offers it only on a secure page (https, or localhost): elsewhere this rejects.
 */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = (globalThis as { crypto?: WebCrypto }).crypto?.subtle;
  if (!subtle)
    throw new Error('SHA-256 needs Web Crypto, which the browser offers only on https pages.');
  const digest = new Uint8Array(await subtle.digest('SHA-256', utf8(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
