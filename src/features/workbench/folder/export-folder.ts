/**
 * "Exportera som mapp (zip)": the service's export of the draft (`GET …/export`: the open data
 * publish would write, and the programmes) as the bank's folder `<id>/…`, zipped.
 */
import { parseCompass } from '../../../domain/bank/parse-compass.ts';
import type { BankIssue } from '../../../domain/bank/types.ts';
import { compassToFolder } from '../../../domain/workbench/folder.ts';
import type { WorkbenchAccess, WorkbenchFailure, WorkbenchOutcome } from '../api/client.ts';
import { workbenchPaths } from '../api/routes.ts';
import { zipFolder } from './zip.ts';

/** What `GET /api/workspaces/{w}/export` answers. */
export interface ExportJson {
  readonly compass: unknown;
  readonly programmes: Readonly<Record<string, string>>;
}

/** The one call the export needs; the workbench client will offer it as `exportCompass`. */
export interface FolderExportClient {
  exportCompass(access: WorkbenchAccess): Promise<WorkbenchOutcome<ExportJson>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `GET …/export` with the client's outcomes (`network`, `refused` with the service's sentence and
 * details such as a 422's `issues`, `unexpected`), until api/client.ts has the route itself.
 */
export function folderExportClient(
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): FolderExportClient {
  return {
    async exportCompass({ workspace, key }) {
      let response: Response;
      try {
        response = await fetcher(`${workbenchPaths.workspace(workspace)}/export`, {
          headers: { Accept: 'application/json', Authorization: `Bearer ${key}` },
          credentials: 'omit',
          cache: 'no-store',
        });
      } catch {
        return { ok: false, kind: 'network' };
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return { ok: false, kind: 'unexpected', status: response.status };
      }
      if (response.ok && isRecord(body) && isRecord(body.programmes))
        return {
          ok: true,
          status: response.status,
          body: body as unknown as ExportJson,
          version: null,
        };
      if (
        !response.ok &&
        isRecord(body) &&
        typeof body.error === 'string' &&
        typeof body.message === 'string'
      )
        return {
          ok: false,
          kind: 'refused',
          status: response.status,
          error: body.error,
          message: body.message,
          details: body,
        };
      return { ok: false, kind: 'unexpected', status: response.status };
    },
  };
}

export type FolderExport =
  | {
      readonly ok: true;
      /** The compass id: the folder's name, and the zip's `<id>.zip`. */
      readonly id: string;
      readonly zip: Blob;
      readonly files: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly failure: WorkbenchFailure }
  /** The service's export did not parse as a compass (a service of another version). */
  | { readonly ok: false; readonly issues: readonly BankIssue[] };

/** The draft as the zip of its compass folder, `<id>/compass.yaml` … `<id>/sources/…`. */
export async function exportFolder(
  client: FolderExportClient,
  access: WorkbenchAccess,
): Promise<FolderExport> {
  const outcome = await client.exportCompass(access);
  if (!outcome.ok) return { ok: false, failure: outcome };
  const { programmes } = outcome.body;
  const parsed = parseCompass(outcome.body.compass, programmes);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const files = compassToFolder(parsed.compass, programmes);
  const id = parsed.compass.id;
  const zip = new Blob([zipFolder(id, files)], {
    type: 'application/zip',
  });
  return { ok: true, id, zip, files };
}
