// @vitest-environment jsdom
// The folder buttons where the editor meets them, on /redaktion against the real workbench
// service (its plugin over app.inject, SQLite in memory): step 1 of an empty workspace starts it
// from the bank's folder zip, and step 8 exports it again.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { compassToFolder } from '../../../domain/workbench/folder.ts';
import { workbenchTestServer } from '../../../server/workbench/test-server.ts';
import { renderPage } from '../../../test/render-app.tsx';
import { injectedFetch } from '../../../test/server/inject-fetch.ts';
import { loadBank } from '../../../tools/load-bank.ts';
import { workbenchClient } from '../api/client.ts';
import { WorkbenchPage } from '../WorkbenchPage.tsx';
import { zipFolder } from './zip.ts';

let server: Awaited<ReturnType<typeof workbenchTestServer>>;

/** fetch over app.inject: no socket, the service's real answers. */
const injected = injectedFetch(() => server.app);

const shipped = loadBank('questions/socialpolitik');
if (!shipped.ok) throw new Error('the shipped compass does not load');

beforeAll(async () => {
  server = await workbenchTestServer('sqlite::memory:');
  vi.stubGlobal('fetch', injected);
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});
afterEach(() => vi.restoreAllMocks());

it('starts an empty workspace from a folder zip in step 1, and exports it in step 8', async () => {
  const user = userEvent.setup();
  localStorage.clear();
  const created = await workbenchClient(injected).createWorkspace('Socialpolitik');
  if (!created.ok) throw new Error(JSON.stringify(created));
  const { workspace, editorKey } = created.body;
  await act(async () => {
    renderPage(
      <Suspense fallback={<p>…</p>}>
        <WorkbenchPage />
      </Suspense>,
      { path: `/redaktion#w=${workspace.id}&k=${editorKey}` },
    );
  });
  const heading = await screen.findByRole('heading', {
    name: 'Starta från en mapp (zip) eller öppna data (JSON)',
  });
  expect(heading).toBeVisible();

  const zip = zipFolder('socialpolitik', compassToFolder(shipped.compass, shipped.programmes));
  await user.upload(
    screen.getByLabelText('Fil (.zip eller .json)'),
    new File([zip], 'socialpolitik.zip', { type: 'application/zip' }),
  );
  await user.click(await screen.findByRole('button', { name: 'Visa den importerade kompassen' }));
  // The workspace is loaded again: it has parties and statements now, so no import is offered.
  expect(await screen.findByRole('navigation', { name: 'Steg' })).toBeVisible();
  expect(
    screen.queryByRole('heading', { name: 'Starta från en mapp (zip) eller öppna data (JSON)' }),
  ).toBeNull();

  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  await user.click(screen.getByRole('button', { name: 'Publicera' }));
  await user.click(screen.getByRole('button', { name: 'Exportera som mapp (zip)' }));
  expect(await screen.findByText('socialpolitik.zip är nedladdad.')).toBeVisible();
});
