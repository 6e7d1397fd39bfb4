import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeSpace } from '../../../domain/bank/quotes.ts';
import { normalizeProgramme } from '../../../domain/workbench/programme-text.ts';
import { extractText, type LoadPdfjs } from './extract-text.ts';
import { joinLines } from './pdf-layout.ts';

/** Node reads PDFs with pdf.js's legacy build, which runs its worker in the same thread. */
const legacyPdfjs: LoadPdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs');

const fixture = (name: string) => join(process.cwd(), 'tests/fixtures/programmes', name);
const bytes = (name: string): ArrayBuffer => {
  const buffer = readFileSync(fixture(name));
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
};
const readPdf = (name: string) => extractText(bytes(name), 'pdf', { loadPdfjs: legacyPdfjs });

const PAGE_1 = [
  'Socialpolitiskt program för Exempelstad',
  'Vi vill att alla barn ska få växa upp i ett tryggt samhälle där ingen lämnas ensam. Kommunen ska rekrytera fler jour- och kontaktfamiljer och stödja dem som redan finns.',
  'Äldreomsorgen ska ha tid för varje människa, även på kvällar och helger. Öppna förskolor ska finnas i alla stadsdelar.',
].join('\n\n');
const PAGE_2 =
  'Ekonomiskt bistånd ska ges snabbt och med respekt för den enskilde. Vi säger nej till sänkta LSS-insatser.';

describe('extractText of a PDF', () => {
  it('reads the pages as paragraphs, å ä ö included, undoing only soft hyphenation', async () => {
    const result = await readPdf('programme.pdf');
    expect(result.pages).toEqual([PAGE_1, PAGE_2]);
    expect(result.text).toBe(`${PAGE_1}\n\n${PAGE_2}`);
    expect(result.warnings).toEqual([]);
    expect(normalizeProgramme(result.text)).toBe(result.text);
  });

  it("reads the same words as poppler's pdftotext, line breaks joined the same way", async () => {
    const pages = execFileSync(
      'pdftotext',
      ['-raw', '-enc', 'UTF-8', fixture('programme.pdf'), '-'],
      {
        encoding: 'utf8',
      },
    )
      .split('\f')
      .filter((page) => page.trim() !== '');
    const result = await readPdf('programme.pdf');
    expect(pages).toHaveLength(result.pages!.length);
    pages.forEach((page, i) =>
      expect(normalizeSpace(result.pages![i]!)).toBe(normalizeSpace(joinLines(page.split('\n')))),
    );
  });

  it('says in plain words that a scan has no text layer, rather than succeeding empty', async () => {
    const result = await readPdf('scanned.pdf');
    expect(result.text).toBe('');
    expect(result.warnings.map((w) => w.code)).toEqual(['no-text-layer']);
    expect(result.warnings[0]!.message).toMatch(/no text.*scan/);
  });

  it('says so when the file is no PDF', async () => {
    const notPdf = new TextEncoder().encode('<html>not a pdf</html>').buffer;
    const result = await extractText(notPdf, 'pdf', { loadPdfjs: legacyPdfjs });
    expect(result.text).toBe('');
    expect(result.warnings.map((w) => w.code)).toEqual(['not-a-pdf']);
  });

  it('leaves the caller’s buffer usable (pdf.js is given a copy)', async () => {
    const buffer = bytes('programme.pdf');
    await extractText(buffer, 'pdf', { loadPdfjs: legacyPdfjs });
    expect(buffer.byteLength).toBeGreaterThan(0);
  });

  it('refuses a PDF given as a string', async () => {
    await expect(extractText('%PDF-1.4', 'pdf', { loadPdfjs: legacyPdfjs })).rejects.toThrow(
      /bytes/,
    );
  });
});

describe('extractText of plain text', () => {
  it('returns a string as it is', async () => {
    const text = 'Rubrik\r\n\r\nStycke\u00AD ett.  ';
    expect(await extractText(text, 'text')).toEqual({ text, warnings: [] });
  });

  it('decodes UTF-8 bytes, and Windows-1252 with a warning', async () => {
    const utf8 = new TextEncoder().encode('Äldreomsorg').buffer;
    expect(await extractText(utf8, 'text')).toEqual({ text: 'Äldreomsorg', warnings: [] });
    const latin = Uint8Array.from([0xc4, 0x6c, 0x64, 0x72, 0x65, 0x20, 0x80]).buffer;
    const result = await extractText(latin, 'text');
    expect(result.text).toBe('Äldre €');
    expect(result.warnings.map((w) => w.code)).toEqual(['not-utf8']);
  });

  it('warns when there is no text at all', async () => {
    const result = await extractText(' \n ', 'text');
    expect(result.warnings.map((w) => w.code)).toEqual(['no-text']);
  });
});
