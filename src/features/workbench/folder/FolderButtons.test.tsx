// @vitest-environment jsdom
// The two buttons against the real workbench service (its plugin over app.inject, SQLite in
// memory): the shipped compass's folder zip started a workspace, and its export downloads a zip
// whose files are exactly compassToFolder's of what the service exports.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCompass } from '../../../domain/bank/parse-compass.ts';
import { compassToFolder } from '../../../domain/workbench/folder.ts';
import { workbenchTestServer } from '../../../server/workbench/test-server.ts';
import { injectedFetch } from '../../../test/server/inject-fetch.ts';
import { loadBank } from '../../../tools/load-bank.ts';
import { type WorkbenchAccess, workbenchClient } from '../api/client.ts';
import { folderExportClient } from './export-folder.ts';
import { FolderExport } from './FolderExport.tsx';
import { FolderImport } from './FolderImport.tsx';
import { renderFolder } from './render-folder.tsx';
import { readFolderZip, zipFolder } from './zip.ts';

let server: Awaited<ReturnType<typeof workbenchTestServer>>;

/** fetch over app.inject: no socket, the service's real answers. */
const injected = injectedFetch(() => server.app);
const client = workbenchClient(injected);

const shipped = loadBank('questions/socialpolitik');
if (!shipped.ok) throw new Error('the shipped compass does not load');

let editor: WorkbenchAccess;
beforeAll(async () => {
  server = await workbenchTestServer('sqlite::memory:');
  const created = await client.createWorkspace('Socialpolitik');
  if (!created.ok) throw new Error(JSON.stringify(created));
  editor = { workspace: created.body.workspace.id, key: created.body.editorKey };
});
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

/** axe-core's WCAG A/AA rules on the page as jsdom has it (contrast needs a real browser's layout). */
async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

// In order: the first test fills the workspace that the last one exports.
describe('the folder buttons', () => {
  it('starts an empty workspace from a chosen folder zip, then offers to show it', async () => {
    const user = userEvent.setup();
    const onImported = vi.fn();
    await renderFolder(<FolderImport access={editor} client={client} onImported={onImported} />);
    const zip = zipFolder('socialpolitik', compassToFolder(shipped.compass, shipped.programmes));
    await user.upload(
      screen.getByLabelText('Fil (.zip eller .json)'),
      new File([zip], 'socialpolitik.zip', { type: 'application/zip' }),
    );
    expect(
      await screen.findByText(
        `Importerat: ${shipped.compass.statements.length} påståenden och ${shipped.compass.parties.length} partier.`,
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Visa den importerade kompassen' }));
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('lists a broken folder’s problems at file and line, and imports nothing', async () => {
    const user = userEvent.setup();
    const files = compassToFolder(shipped.compass, shipped.programmes);
    const broken = {
      ...files,
      'statements.yaml': files['statements.yaml']!.replace('position: 1\n', 'position: 3\n'),
    };
    await renderFolder(<FolderImport access={editor} client={client} onImported={vi.fn()} />);
    await user.upload(
      screen.getByLabelText('Fil (.zip eller .json)'),
      new File([zipFolder('x', broken)], 'x.zip'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /1 problem i mappen:statements\.yaml:\d+: position 3 is not on the scale/,
    );
    expect(await axeViolations()).toEqual([]);
  });

  it('lists the service’s reasons when the draft is not ready to export', async () => {
    const user = userEvent.setup();
    const created = await client.createWorkspace('Tom');
    if (!created.ok) throw new Error(JSON.stringify(created));
    const empty = { workspace: created.body.workspace.id, key: created.body.editorKey };
    await renderFolder(<FolderExport access={empty} fetcher={injected} />);
    await user.click(screen.getByRole('button', { name: 'Exportera som mapp (zip)' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Kompassen är inte klar/);
    expect(alert.querySelectorAll('li').length).toBeGreaterThan(0);
    expect(await axeViolations()).toEqual([]);
  });

  it('downloads <id>.zip holding exactly the folder of what the service exports', async () => {
    const user = userEvent.setup();
    let saved: Blob | null = null;
    URL.createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await renderFolder(<FolderExport access={editor} fetcher={injected} />);
    await user.click(screen.getByRole('button', { name: 'Exportera som mapp (zip)' }));
    expect(await screen.findByText('socialpolitik.zip är nedladdad.')).toBeTruthy();
    expect(click).toHaveBeenCalledOnce();
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('socialpolitik.zip');

    const exported = await folderExportClient(injected).exportCompass(editor);
    if (!exported.ok) throw new Error(JSON.stringify(exported));
    const parsed = parseCompass(exported.body.compass, exported.body.programmes);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(await readFolderZip(saved!)).toEqual({
      ok: true,
      files: compassToFolder(parsed.compass, exported.body.programmes),
    });
  });
});
