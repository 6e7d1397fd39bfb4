import { extractHtmlText } from './html-text.ts';
import { extractPdfText } from './pdf-text.ts';
import type { ExtractedText, ImportWarning, LoadPdfjs } from './types.ts';

export type { ExtractedText, ImportWarning, LoadPdfjs } from './types.ts';

/** What a programme file is: a PDF, a web page, or plain text. */
export type ProgrammeKind = 'pdf' | 'html' | 'text';

/** pdf.js for the browser, loaded on the first PDF only (a chunk and a worker of its own). */
const browserPdfjs: LoadPdfjs = () =>
  import('./load-pdfjs.ts').then((module) => module.loadPdfjs());

/**
 * Windows-1252's 0x80–0x9F (€, ‚, „, …, ‘, ’, “, ”, –, — and others; U+FFFD where it has none),
 * spelled out because Node 20's TextDecoder reads 'windows-1252' as Latin-1 there.
 */
const CP1252_HIGH =
  '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';

function windows1252(bytes: ArrayBuffer): string {
  let text = '';
  for (const byte of new Uint8Array(bytes))
    text +=
      byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH.charAt(byte - 0x80) : String.fromCharCode(byte);
  return text;
}

/** Bytes as text: UTF-8 when they are, else Windows-1252 (what older Swedish sites and Word use). */
function decode(bytes: ArrayBuffer): { text: string; warnings: ImportWarning[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    return {
      text: windows1252(bytes),
      warnings: [
        {
          code: 'not-utf8',
          message:
            'The file is not in UTF-8, so it was read as Windows-1252 (Western European). Check that å, ä and ö came out right.',
        },
      ],
    };
  }
}

const noText: ImportWarning = {
  code: 'no-text',
  message: 'No text was found in the file. Check that it is the right file.',
};

/**
 * The text of a programme file, laid out as the bank keeps programmes (a paragraph a line, a blank
 * line between paragraphs) but not yet normalised: pass it to normalizeProgramme
 * (src/domain/workbench/programme-text.ts) before storing or hashing it. A PDF must come as bytes;
 * HTML and text may come as bytes (UTF-8, else Windows-1252) or as a string, and text is returned
 * as it is. `loadPdfjs` lets Node's tests use pdf.js's legacy build; the browser's is the default.
 */
export async function extractText(
  file: ArrayBuffer | string,
  kind: ProgrammeKind,
  options: { readonly loadPdfjs?: LoadPdfjs } = {},
): Promise<ExtractedText> {
  let result: ExtractedText;
  if (kind === 'pdf') {
    if (typeof file === 'string')
      throw new TypeError('A PDF must be given as bytes (an ArrayBuffer).');
    result = await extractPdfText(file, options.loadPdfjs ?? browserPdfjs);
    // A PDF without text already says why; saying "no text" again would only repeat it.
    if (result.warnings.length > 0) return result;
  } else {
    const { text, warnings } =
      typeof file === 'string' ? { text: file, warnings: [] } : decode(file);
    const extracted = kind === 'html' ? extractHtmlText(text) : { text, warnings: [] };
    result = { ...extracted, warnings: [...warnings, ...extracted.warnings] };
  }
  return result.text.trim() === '' ? { ...result, warnings: [...result.warnings, noText] } : result;
}
