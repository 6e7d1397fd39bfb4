/**
 * A compass folder as a zip and back, in the browser (fflate: small, no worker needed for a
 * folder of a few hundred kilobytes). The zip holds one folder, `<id>/…`, as `questions/` does.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { FolderFiles } from '../../../domain/workbench/folder.ts';

/** The most a folder's files may hold unpacked: far above any compass, far below a zip bomb. */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

/** The files under one folder named `id`, zipped (deflate). */
export function zipFolder(id: string, files: FolderFiles): Uint8Array<ArrayBuffer> {
  // fflate allocates a fresh ArrayBuffer, never a shared one, so a Blob may take it.
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([path, text]) => [`${id}/${path}`, strToU8(text)]),
    ),
    { level: 6 },
  ) as Uint8Array<ArrayBuffer>;
}

export type ZipRead =
  | { readonly ok: true; readonly files: Record<string, string> }
  | { readonly ok: false; readonly reason: 'not-zip' | 'too-large' | 'empty' | 'not-text' };

/** Files a zip program adds that are not part of the folder. */
const extra = (path: string) =>
  path.endsWith('/') || path.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(path);

/**
 * The text files of a zipped compass folder, by path inside the folder: one top folder that
 * holds every file (as `exportFolder` writes, or as a zip program makes of a folder) is taken off.
 */
export function unzipFolder(bytes: Uint8Array): ZipRead {
  let unpacked = 0;
  let tooLarge = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) tooLarge = true;
        return !tooLarge && !extra(file.name);
      },
    });
  } catch {
    return { ok: false, reason: 'not-zip' };
  }
  if (tooLarge) return { ok: false, reason: 'too-large' };
  const paths = Object.keys(entries);
  if (paths.length === 0) return { ok: false, reason: 'empty' };
  const top = paths[0]!.split('/')[0]!;
  const strip = paths.every((p) => p.startsWith(`${top}/`)) ? top.length + 1 : 0;
  const files: Record<string, string> = {};
  try {
    for (const [path, data] of Object.entries(entries))
      files[path.slice(strip)] = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { ok: false, reason: 'not-text' };
  }
  return { ok: true, files };
}

/** `unzipFolder` of a chosen file. */
export async function readFolderZip(file: Blob): Promise<ZipRead> {
  return unzipFolder(new Uint8Array(await file.arrayBuffer()));
}
