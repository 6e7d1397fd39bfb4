/**
 * What "Starta från en mapp (zip) eller öppna data (JSON)" sends to `POST …/import`: a zipped
 * compass folder read with the bank's parser, or JSON as the export (`{ compass, programmes }`)
 * or a published compass's open data alone (the service then reports quotes it cannot anchor).
 */
import type { Compass } from '../../../domain/bank/types.ts';
import {
  type FolderIssue,
  folderToCompass,
  formatFolderIssue,
} from '../../../domain/workbench/folder.ts';
import { readFolderZip, type ZipRead } from './zip.ts';

export interface ImportBody {
  readonly compass: Compass | unknown;
  readonly programmes: Readonly<Record<string, string>>;
}

export type ImportRead =
  | { readonly ok: true; readonly body: ImportBody }
  | { readonly ok: false; readonly reason: Extract<ZipRead, { ok: false }>['reason'] }
  | { readonly ok: false; readonly reason: 'wrong-type' | 'not-json' }
  | { readonly ok: false; readonly reason: 'issues'; readonly issues: readonly string[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a chosen .zip or .json file into the import's body, or says why it cannot. */
export async function readImportFile(file: File): Promise<ImportRead> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.zip')) {
    const zip = await readFolderZip(file);
    if (!zip.ok) return zip;
    const read = await folderToCompass(zip.files);
    if (!read.ok)
      return {
        ok: false,
        reason: 'issues',
        issues: read.issues.map((issue: FolderIssue) => formatFolderIssue(issue)),
      };
    return { ok: true, body: { compass: read.compass, programmes: read.programmes } };
  }
  if (!name.endsWith('.json')) return { ok: false, reason: 'wrong-type' };
  let value: unknown;
  try {
    value = JSON.parse(await file.text());
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (isRecord(value) && 'compass' in value && isRecord(value.programmes))
    return {
      ok: true,
      body: { compass: value.compass, programmes: value.programmes as Record<string, string> },
    };
  return { ok: true, body: { compass: value, programmes: {} } };
}
