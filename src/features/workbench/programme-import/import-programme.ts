import { normalizeProgramme, sha256Hex } from '../../../domain/workbench/programme-text.ts';
import { extractText, type ProgrammeKind } from './extract-text.ts';
import type { ImportWarning, LoadPdfjs } from './types.ts';

/** A programme file read, normalised as the bank keeps its copies, and fingerprinted. */
export interface ImportedProgramme {
  /** The programme's text as it would be stored in sources/*.txt. */
  readonly text: string;
  /** What parties.yaml's `source.sha256` would hold for it (`sha256sum` of the stored file). */
  readonly sha256: string;
  /** For a PDF, each page's normalised text. */
  readonly pages?: readonly string[];
  readonly warnings: readonly ImportWarning[];
}

/** extractText, then normalizeProgramme and sha256Hex: a programme ready to keep and quote from. */
export async function importProgramme(
  file: ArrayBuffer | string,
  kind: ProgrammeKind,
  options: { readonly loadPdfjs?: LoadPdfjs } = {},
): Promise<ImportedProgramme> {
  const extracted = await extractText(file, kind, options);
  const text = normalizeProgramme(extracted.text);
  return {
    text,
    sha256: await sha256Hex(text),
    ...(extracted.pages ? { pages: extracted.pages.map(normalizeProgramme) } : {}),
    warnings: extracted.warnings,
  };
}
