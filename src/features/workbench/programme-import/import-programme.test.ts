import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from './extract-text.ts';
import { importProgramme } from './import-programme.ts';
import type { LoadPdfjs, PdfjsLike, PdfjsTextItem } from './types.ts';

/** A stand-in for pdf.js whose pages hold the given text items, or whose loading fails. */
function fakePdfjs(pages: readonly (readonly PdfjsTextItem[])[], failure?: Error): LoadPdfjs {
  const pdfjs: PdfjsLike = {
    getDocument: () => ({
      promise: failure
        ? Promise.reject(failure)
        : Promise.resolve({
            numPages: pages.length,
            getPage: (n: number) =>
              Promise.resolve({
                getTextContent: () => Promise.resolve({ items: pages[n - 1]! }),
                cleanup: () => true,
              }),
            destroy: () => Promise.resolve(),
          }),
      destroy: () => Promise.resolve(),
    }),
  };
  return () => Promise.resolve(pdfjs);
}

const item = (str: string, y = 700): PdfjsTextItem => ({
  str,
  transform: [11, 0, 0, 11, 72, y],
  width: str.length * 5,
  height: 11,
});
const pdf = new ArrayBuffer(8);

describe('importProgramme', () => {
  it('normalises the text and gives the SHA-256 of its UTF-8 bytes', async () => {
    const result = await importProgramme('\uFEFFRubrik \r\n\r\nsam\u00ADhälle\r\n', 'text');
    expect(result.text).toBe('Rubrik\n\nsamhälle');
    expect(result.sha256).toBe(createHash('sha256').update(result.text, 'utf8').digest('hex'));
    expect(result.pages).toBeUndefined();
  });

  it('normalises each page of a PDF', async () => {
    const loadPdfjs = fakePdfjs([[item('a\u0308ldre ')], [item('o\u0308ver')]]);
    const result = await importProgramme(pdf, 'pdf', { loadPdfjs });
    expect(result.pages).toEqual(['äldre', 'över']);
    expect(result.text).toBe('äldre\n\növer');
  });
});

describe('extractText of a PDF, with pdf.js stood in for', () => {
  it('names the pages without text when only some have none', async () => {
    const result = await extractText(pdf, 'pdf', {
      loadPdfjs: fakePdfjs([[item('Text')], [], [{ type: 'beginMarkedContent' }], [item('Mer')]]),
    });
    expect(result.text).toBe('Text\n\nMer');
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'pages-without-text', pages: [2, 3] }),
    ]);
    expect(result.warnings[0]!.message).toMatch(/^Pages 2, 3 of the PDF have no text/);
  });

  it('warns about characters its fonts could not map to letters', async () => {
    const result = await extractText(pdf, 'pdf', {
      loadPdfjs: fakePdfjs([[item('Soci\uFFFDlpolitik \uE001\uE002')]]),
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'unreadable-characters', count: 3 }),
    ]);
  });

  it('says a password-protected PDF cannot be read', async () => {
    const locked = Object.assign(new Error('No password given'), { name: 'PasswordException' });
    const result = await extractText(pdf, 'pdf', { loadPdfjs: fakePdfjs([], locked) });
    expect(result.warnings.map((w) => w.code)).toEqual(['password-protected']);
  });
});

describe('pdf.js stays out of every page but the one that reads a PDF', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(join(dir, entry.name))
        : /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)
          ? [join(dir, entry.name)]
          : [],
    );
  const sources = files(join(process.cwd(), 'src')).map((file) => ({
    file: relative(process.cwd(), file),
    text: readFileSync(file, 'utf8'),
  }));

  it('is imported by load-pdfjs.ts alone', () => {
    const importers = sources.filter(({ text }) =>
      /from\s+'pdfjs-dist|import\('pdfjs-dist/.test(text),
    );
    expect(importers.map(({ file }) => file)).toEqual([
      'src/features/workbench/programme-import/load-pdfjs.ts',
    ]);
  });

  it('and load-pdfjs.ts only ever dynamically, when a PDF is read', () => {
    const importers = sources.filter(({ text }) => /load-pdfjs/.test(text));
    for (const { file, text } of importers)
      expect(text, file).not.toMatch(/^\s*import\s[^(]*load-pdfjs/m);
    expect(importers.map(({ file }) => file)).toContain(
      'src/features/workbench/programme-import/extract-text.ts',
    );
  });
});
