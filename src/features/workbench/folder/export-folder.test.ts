// The folder export end to end in Node: the shipped compass imported into the real workbench
// service (its plugin over app.inject, SQLite in memory), exported as a zip, unzipped, and the
// folder written to disk checked by the validator's loader and the build's bank plugin.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOpenData } from '../../../domain/bank/open-data.ts';
import { parseCompass } from '../../../domain/bank/parse-compass.ts';
import { compassToFolder, folderToCompass } from '../../../domain/workbench/folder.ts';
import { workbenchTestServer } from '../../../server/workbench/test-server.ts';
import { injectedFetch } from '../../../test/server/inject-fetch.ts';
import { loadBank } from '../../../tools/load-bank.ts';
import { openDataFiles } from '../../../tools/vite-plugin-bank.ts';
import { type WorkbenchAccess, workbenchClient } from '../api/client.ts';
import { exportFolder, folderExportClient } from './export-folder.ts';
import { readFolderZip, unzipFolder, zipFolder } from './zip.ts';

let server: Awaited<ReturnType<typeof workbenchTestServer>>;
let root: string;

/** fetch over app.inject: no socket, the service's real answers. */
const injected = injectedFetch(() => server.app);
const client = workbenchClient(injected);

const shipped = loadBank('questions/socialpolitik');
if (!shipped.ok) throw new Error('the shipped compass does not load');

async function workspace(title: string): Promise<WorkbenchAccess> {
  const created = await client.createWorkspace(title);
  if (!created.ok) throw new Error(JSON.stringify(created));
  return { workspace: created.body.workspace.id, key: created.body.editorKey };
}

beforeAll(async () => {
  server = await workbenchTestServer('sqlite::memory:');
  root = mkdtempSync(join(tmpdir(), 'folder-export-'));
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('zip', () => {
  it('round-trips a folder under its id, and takes off the one top folder', () => {
    const files = { 'compass.yaml': 'id: "x"\n', 'sources/s.txt': 'Å ä ö — ✓\n' };
    expect(unzipFolder(zipFolder('x', files))).toEqual({ ok: true, files });
  });

  it('refuses what is not a zip of text', async () => {
    expect(unzipFolder(new TextEncoder().encode('not a zip'))).toEqual({
      ok: false,
      reason: 'not-zip',
    });
    expect(await readFolderZip(new Blob([zipFolder('x', {})]))).toEqual({
      ok: false,
      reason: 'empty',
    });
  });
});

describe('exportFolder against the real service', () => {
  it('zips exactly the files compassToFolder writes for the service’s export', async () => {
    const editor = await workspace('Socialpolitik');
    const imported = await client.importCompass(editor, {
      compass: shipped.compass,
      programmes: shipped.programmes,
    });
    expect(imported).toMatchObject({
      ok: true,
      body: { statements: shipped.compass.statements.length, issues: [] },
    });

    const exported = await folderExportClient(injected).exportCompass(editor);
    if (!exported.ok) throw new Error(JSON.stringify(exported));
    const parsed = parseCompass(exported.body.compass, exported.body.programmes);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));

    const result = await exportFolder(folderExportClient(injected), editor);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.id).toBe('socialpolitik');
    expect(result.zip.type).toBe('application/zip');
    const unzipped = await readFolderZip(result.zip);
    expect(unzipped).toEqual({
      ok: true,
      files: compassToFolder(parsed.compass, exported.body.programmes),
    });

    // Written to disk, the folder passes `npm run validate` and the build's bank plugin.
    if (!unzipped.ok) return;
    const questions = join(root, 'questions');
    for (const [path, text] of Object.entries(unzipped.files)) {
      const file = join(questions, result.id, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    const loaded = loadBank(join(questions, result.id));
    expect(loaded).toMatchObject({ ok: true });
    // With the passages of each page that are not programme content, as the bank has them.
    const bank = loadBank('questions/socialpolitik');
    if (loaded.ok && bank.ok)
      expect(loaded.compass.parties.map((p) => p.source.boilerplate)).toEqual(
        bank.compass.parties.map((p) => p.source.boilerplate),
      );
    // The open data the build writes from the folder is the service's export, byte for byte.
    if (loaded.ok) expect(toOpenData(loaded.compass)).toEqual(exported.body.compass);
    const data = openDataFiles(questions);
    expect(JSON.parse(data.get('data/socialpolitik.json')!)).toMatchObject({
      id: 'socialpolitik',
      statements: expect.any(Array) as unknown,
    });

    // And the folder starts a new workspace: read back, imported, exported the same.
    const read = await folderToCompass(unzipped.files);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const again = await workspace('Från mappen');
    expect(
      await client.importCompass(again, { compass: read.compass, programmes: read.programmes }),
    ).toMatchObject({
      ok: true,
      body: {
        statements: shipped.compass.statements.length,
        parties: shipped.compass.parties.length,
        issues: [],
      },
    });
    const second = await exportFolder(folderExportClient(injected), again);
    expect(second.ok && second.files).toEqual(result.files);
  });

  it('passes on the service’s refusal of a draft that is not ready, with its issues', async () => {
    const empty = await workspace('Tom');
    const result = await exportFolder(folderExportClient(injected), empty);
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'refused', status: 422, error: 'draft-invalid' },
    });
  });
});
