import { pageText, type PositionedText } from './pdf-layout.ts';
import type { ExtractedText, ImportWarning, LoadPdfjs, PdfjsTextItem } from './types.ts';

/** pdf.js's verbosity: errors only (a missing standard font's data is no news for text). */
const ERRORS_ONLY = 0;

/** Characters that stand for glyphs pdf.js could not map to Unicode: private use and U+FFFD. */
const UNMAPPED = /[\uE000-\uF8FF\uFFFD]/gu;

function positioned(item: PdfjsTextItem): PositionedText | undefined {
  if (!('str' in item)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  // The font size is the length of the text matrix's vertical vector (rotation-proof).
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
  return { str: item.str, x, y, width: item.width, size };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * The text of a PDF, page by page, through pdf.js. Never an empty success: a PDF without a text
 * layer (a scan), a file that is no PDF and a password-protected one each come back with a warning
 * that says so.
 */
export async function extractPdfText(
  data: ArrayBuffer,
  loadPdfjs: LoadPdfjs,
): Promise<ExtractedText> {
  const pdfjs = await loadPdfjs();
  // pdf.js takes the buffer over (transfers it to its worker): give it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(data.slice(0)),
    // No eval (the site's Content-Security-Policy forbids it) and no fonts: only text is read.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: ERRORS_ONLY,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    const warning: ImportWarning =
      name === 'PasswordException'
        ? {
            code: 'password-protected',
            message:
              'The PDF is protected by a password, so its text cannot be read. Ask the party for a copy without a password.',
          }
        : {
            code: 'not-a-pdf',
            message:
              'The file could not be read as a PDF: it may be damaged or not a PDF at all. Try saving it again or paste the text instead.',
          };
    return { text: '', pages: [], warnings: [warning] };
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.flatMap((item) => positioned(item) ?? [])));
      page.cleanup();
    }
    return {
      text: pages.filter((page) => page !== '').join('\n\n'),
      pages,
      warnings: pdfWarnings(pages),
    };
  } finally {
    await document.destroy();
  }
}

function pdfWarnings(pages: readonly string[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const empty = pages.flatMap((page, i) => (page.trim() === '' ? [i + 1] : []));
  if (pages.length === 0 || empty.length === pages.length)
    warnings.push({
      code: 'no-text-layer',
      message:
        'This PDF has no text in it, only pictures of pages: it is probably a scan. Its text cannot be read out. Ask the party for the programme as text or as a PDF saved from a word processor, or type it in.',
    });
  else if (empty.length > 0)
    warnings.push({
      code: 'pages-without-text',
      pages: empty,
      message: `${plural(empty.length, 'Page', 'Pages')} ${empty.join(', ')} of the PDF ${plural(empty.length, 'has', 'have')} no text, only pictures (scanned, or a picture of text). Anything on ${plural(empty.length, 'it', 'them')} is missing here.`,
    });
  const unmapped = pages.join('').match(UNMAPPED)?.length ?? 0;
  if (unmapped > 0)
    warnings.push({
      code: 'unreadable-characters',
      count: unmapped,
      message: `${unmapped} ${plural(unmapped, 'character', 'characters')} of the PDF could not be turned into letters (its fonts do not say which letters their shapes are). Compare the text with the PDF before quoting from it.`,
    });
  return warnings;
}
