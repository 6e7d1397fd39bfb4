// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { Suspense } from 'react';
import { useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDraftPreview } from '../../data/draft-preview.ts';
import type { StatementBody } from '../../domain/workbench/api.ts';
import { draftToCompass } from '../../domain/workbench/draft.ts';
import { normalizeProgramme, sha256Hex } from '../../domain/workbench/programme-text.ts';
import { fakeWorkbenchService } from '../../test/fake-workbench-service.ts';
import { renderPage } from '../../test/render-app.tsx';
import { EMPTY_META } from './editor/draft-of-view.ts';
import { draftOfView } from './editor/draft-of-view.ts';
import { KEYS_STORAGE } from './start/keys.ts';
import { WorkbenchPage } from './WorkbenchPage.tsx';

function LocationProbe() {
  const { pathname, hash } = useLocation();
  return <output data-testid="location">{`${pathname}${hash}`}</output>;
}

/** /redaktion in the app's frame at `path`, once its strings are loaded. */
async function renderWorkbench(path = '/redaktion') {
  let view!: ReturnType<typeof renderPage>;
  await act(async () => {
    view = renderPage(
      <Suspense fallback={<p>…</p>}>
        <WorkbenchPage />
        <LocationProbe />
      </Suspense>,
      { path },
    );
  });
  await screen.findByRole('heading', { level: 1, name: 'Redaktionen' });
  return view;
}

const location = () => screen.getByTestId('location').textContent;
const storedKeys = () =>
  JSON.parse(localStorage.getItem(KEYS_STORAGE) ?? '[]') as { id: string; key: string }[];

let service: ReturnType<typeof fakeWorkbenchService>;

/** A workspace on the fake service, made as the start screen makes one. */
async function workspace(title = 'Västerås 2026') {
  const response = await service.fetch('/api/workspaces', {
    method: 'POST',
    body: JSON.stringify({ title }),
  });
  const body = (await response.json()) as { workspace: { id: string }; editorKey: string };
  service.calls.length = 0;
  return { id: body.workspace.id, key: body.editorKey };
}

/** Opens a workspace with its editor link, as the editor does from the kept link. */
async function openEditor() {
  const w = await workspace();
  const view = await renderWorkbench(`/redaktion#w=${w.id}&k=${w.key}`);
  await screen.findByRole('navigation', { name: 'Steg' });
  return { ...w, view };
}

beforeEach(() => {
  localStorage.clear();
  service = fakeWorkbenchService();
  vi.stubGlobal('fetch', service.fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the start screen', () => {
  it('says what Redaktionen is, offers to create a workspace and lists none yet', async () => {
    await renderWorkbench();
    expect(screen.getByRole('heading', { level: 2, name: 'Vad Redaktionen är' })).toBeVisible();
    expect(screen.getByText(/bygger sin egen kommuns valkompass/)).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Arbetsytans namn' })).toHaveAccessibleDescription(
      /kommunens namn/,
    );
    expect(
      screen.getByText('Den här webbläsaren känner inte till någon arbetsyta ännu.'),
    ).toBeVisible();
  });

  it('creates a workspace: keeps the key in this browser and shows the editor link once', async () => {
    const user = userEvent.setup();
    await renderWorkbench();
    await user.type(screen.getByRole('textbox', { name: 'Arbetsytans namn' }), 'Västerås 2026');
    await user.click(screen.getByRole('button', { name: 'Skapa arbetsyta' }));
    const link = (await screen.findByRole('textbox', {
      name: 'Redaktörslänk',
    })) as HTMLInputElement;
    const [stored] = storedKeys();
    expect(stored).toMatchObject({ role: 'editor', title: 'Västerås 2026' });
    expect(link.value).toBe(`http://localhost:3000/redaktion#w=${stored!.id}&k=${stored!.key}`);
    expect(screen.getByText(/Spara länken nu/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Kopiera länken' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Västerås 2026' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Öppna arbetsytan' }));
    expect(await screen.findByRole('navigation', { name: 'Steg' })).toBeVisible();
    expect(location()).toBe(`/redaktion#w=${stored!.id}`);
    // The key went only in the Authorization header, never in an address.
    expect(service.calls.every((c) => !c.path.includes(stored!.key))).toBe(true);
    expect(service.calls.at(-1)).toMatchObject({ authorization: `Bearer ${stored!.key}` });
  });

  it('takes the key out of the address bar when a link is opened, and keeps it', async () => {
    const w = await workspace();
    await renderWorkbench(`/redaktion#w=${w.id}&k=${w.key}`);
    await waitFor(() => expect(location()).toBe(`/redaktion#w=${w.id}`));
    expect(storedKeys()).toEqual([expect.objectContaining({ id: w.id, key: w.key })]);
    expect(await screen.findByRole('button', { name: 'Kompassen' })).toHaveAttribute(
      'aria-current',
      'step',
    );
  });

  it('says so when the browser has no key for the workspace in the address', async () => {
    const w = await workspace();
    await renderWorkbench(`/redaktion#w=${w.id}`);
    expect(screen.getByRole('alert')).toHaveTextContent('ingen nyckel till arbetsytan');
    expect(service.calls).toEqual([]);
  });
});

describe("the editor's steps", () => {
  it('autosaves a form: the field is written to the service, then "Sparat"', async () => {
    const user = userEvent.setup();
    const { id } = await openEditor();
    await user.type(screen.getByRole('textbox', { name: 'Kompassens id' }), 'vasteras-2026');
    await waitFor(() => expect(service.workspaces.get(id)?.meta?.value.id).toBe('vasteras-2026'));
    expect(await screen.findByText('Sparat')).toBeVisible();
    const writes = service.calls.filter((c) => c.method === 'PUT');
    expect(writes[0]?.ifMatch).toBeNull();
    // Every later write names the version the one before it made.
    writes.slice(1).forEach((c, i) => expect(c.ifMatch).toBe(`"${i + 1}"`));
  });

  it('keeps edits made without a network across a reload, and sends them when it is back', async () => {
    const user = userEvent.setup();
    const { id, view } = await openEditor();
    service.goDown();
    await user.type(screen.getByRole('textbox', { name: 'Kommun' }), 'Västerås');
    expect(
      await screen.findByText('Inte sparat ännu: ingen anslutning (1 ändring väntar)'),
    ).toBeVisible();
    view.unmount();

    service.comeBack();
    await renderWorkbench(`/redaktion#w=${id}`);
    expect(await screen.findByRole('textbox', { name: 'Kommun' })).toHaveValue('Västerås');
    await waitFor(() =>
      expect(service.workspaces.get(id)?.meta?.value.municipality).toBe('Västerås'),
    );
    expect(await screen.findByText('Sparat')).toBeVisible();
  });

  it('shows both versions when someone else saved meanwhile, and keeps mine on request', async () => {
    const user = userEvent.setup();
    const { id } = await openEditor();
    const field = screen.getByRole('textbox', { name: 'Kommun' });
    await user.type(field, 'Västerås');
    await waitFor(() => expect(service.workspaces.get(id)?.meta?.version).toBe(1));
    const stored = service.workspaces.get(id)!.meta!.value;
    service.writeBehind(id, 'meta', { ...stored, municipality: 'Eskilstuna' });

    await user.type(field, ' stad');
    const conflict = await screen.findByRole('region', {
      name: 'Ändrat på två ställen: kompassens uppgifter',
    });
    const row = within(conflict).getByRole('row', { name: /Kommun/ });
    expect(row).toHaveTextContent('Västerås stad');
    expect(row).toHaveTextContent('Eskilstuna');
    expect(within(conflict).getByRole('columnheader', { name: 'Min version' })).toBeVisible();
    expect(
      within(conflict).getByRole('columnheader', { name: 'Den sparade versionen' }),
    ).toBeVisible();

    await user.click(within(conflict).getByRole('button', { name: 'Behåll min version' }));
    await waitFor(() =>
      expect(service.workspaces.get(id)?.meta).toMatchObject({
        version: 3,
        value: { municipality: 'Västerås stad' },
      }),
    );
    expect(screen.queryByRole('region', { name: /Ändrat på två ställen/ })).toBeNull();
  });

  it('takes a pasted programme, normalized, with its SHA-256', async () => {
    const user = userEvent.setup();
    const { id } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Partier och program' }));
    await user.type(screen.getByRole('textbox', { name: 'Id för det nya' }), 's');
    await user.click(screen.getByRole('button', { name: 'Lägg till parti' }));
    const pasted = 'Vi vill bygga fler  förskolor.\r\n\r\nDela på Facebook';
    await user.click(screen.getByRole('textbox', { name: 'Klistra in programtexten' }));
    await user.paste(pasted);
    await user.click(screen.getByRole('button', { name: 'Använd den inklistrade texten' }));

    const text = normalizeProgramme(pasted);
    const stored = await screen.findByRole('textbox', { name: 'Programtexten som den sparas' });
    expect(stored).toHaveValue(text);
    const sha = await sha256Hex(text);
    await waitFor(() => expect(stored).toHaveAccessibleDescription(new RegExp(`SHA-256: ${sha}`)));
    await waitFor(() =>
      expect(service.workspaces.get(id)?.items.get('programmes/s')?.value).toMatchObject({ text }),
    );

    // Boilerplate: select a passage, press the button.
    const area = stored as HTMLTextAreaElement;
    const start = text.indexOf('Dela på Facebook');
    area.setSelectionRange(start, start + 'Dela på Facebook'.length);
    await user.click(screen.getByRole('button', { name: 'Inte programinnehåll' }));
    await waitFor(() =>
      expect(service.workspaces.get(id)?.items.get('programmes/s')?.value).toMatchObject({
        boilerplate: ['Dela på Facebook'],
      }),
    );
  });

  it("shows a statement's draft issues at the field they concern", async () => {
    const user = userEvent.setup();
    const w = await workspace();
    const statement: StatementBody = {
      theme: 'skola',
      direction: 'more',
      text: { sv: '' },
      explainer: { sv: 'Kommunen driver skolor.' },
      terms: [],
      order: 1,
    };
    service.writeBehind(w.id, 'statements/fler-skolor', statement);
    await renderWorkbench(`/redaktion#w=${w.id}&k=${w.key}`);
    await user.click(await screen.findByRole('button', { name: 'Påståenden' }));

    const { issues } = draftToCompass(
      draftOfView(
        {
          meta: null,
          parties: [],
          programmes: [],
          statements: [{ id: 'fler-skolor', version: 1, updated: '', value: statement }],
          decisions: [],
        },
        '2026-01-01',
      ),
    );
    const atText = issues.filter(
      (i) => 'statement' in i.where && !('party' in i.where) && i.where.field.startsWith('text.sv'),
    );
    expect(atText.length).toBeGreaterThan(0);
    const field = screen.getByRole('textbox', { name: 'Påstående' });
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(atText.map((i) => i.message).join(' '));
  });

  it('keeps the translations open once their issues are gone, while the editor types', async () => {
    const user = userEvent.setup();
    const w = await workspace();
    const statement: StatementBody = {
      theme: 'skola',
      direction: 'more',
      text: { sv: 'Kommunen ska bygga fler skolor.' },
      explainer: { sv: 'Kommunen driver skolor.' },
      terms: [],
      order: 1,
    };
    service.writeBehind(w.id, 'statements/fler-skolor', statement);
    // Another statement in English: this one is then missing its English texts.
    service.writeBehind(w.id, 'statements/fler-bibliotek', {
      ...statement,
      text: { sv: 'Kommunen ska öppna fler bibliotek.', en: 'More libraries.' },
      explainer: { sv: 'Kommunen driver bibliotek.', en: 'Libraries.' },
      order: 2,
    });
    await renderWorkbench(`/redaktion#w=${w.id}&k=${w.key}`);
    await user.click(await screen.findByRole('button', { name: 'Påståenden' }));
    const translations = screen.getByText('Översättningar (frivilliga)').closest('details')!;
    // Opened by the missing English texts …
    await waitFor(() => expect(translations.open).toBe(true));
    await user.type(
      screen.getByRole('textbox', { name: 'Påstående på engelska (frivilligt)' }),
      'More schools.',
    );
    const explainer = screen.getByRole('textbox', { name: 'Förklaring på engelska (frivilligt)' });
    await user.type(explainer, 'Schools.');
    // … and still open, with the field being typed in, once neither is missing.
    await waitFor(() => expect(explainer).not.toHaveAttribute('aria-invalid'));
    expect(translations.open).toBe(true);
    expect(explainer).toHaveValue('Schools.');
    expect(explainer).toHaveFocus();
  });
});

/** Posts as a client of the fake would, returning the JSON answer. */
async function send(path: string, key: string, method: string, body: unknown) {
  const response = await service.fetch(path, {
    method,
    headers: { Authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

/** A workspace with one party (with a programme), one statement and two coders. */
async function codedWorkspace() {
  const w = await workspace();
  service.writeBehind(w.id, 'parties/s', {
    name: 'Socialdemokraterna',
    short: 'S',
    colour: '#e8112d',
    source: { url: 'https://example.org/s' },
  });
  service.writeBehind(w.id, 'programmes/s', {
    text: 'Vi vill bygga fler förskolor.',
    boilerplate: [],
    sha256: '',
  });
  service.writeBehind(w.id, 'statements/forskolor', {
    theme: 'skola',
    direction: 'more',
    text: { sv: 'Kommunen ska bygga fler förskolor.' },
    explainer: { sv: 'Förskolor byggs av kommunen.' },
    terms: [],
    order: 1,
  });
  const base = `/api/workspaces/${w.id}`;
  const anna = await send(`${base}/coders`, w.key, 'POST', { label: 'Anna' });
  const bo = await send(`${base}/coders`, w.key, 'POST', { label: 'Bo' });
  service.calls.length = 0;
  return { ...w, anna: String(anna.coderKey), bo: String(bo.coderKey), base };
}

describe('coder links', () => {
  it("makes a coder's link in step 4, shown once with the key in its fragment", async () => {
    const user = userEvent.setup();
    const { id } = await openEditor();
    await user.click(screen.getByRole('button', { name: 'Kodare' }));
    await user.type(screen.getByRole('textbox', { name: 'Kodarens namn' }), 'Anna');
    await user.click(screen.getByRole('button', { name: 'Skapa kodarlänk' }));
    const link = (await screen.findByRole('textbox', {
      name: 'Kodarlänk för Anna',
    })) as HTMLInputElement;
    const [coderKey] = [...service.workspaces.get(id)!.keys].find(([, k]) => k.role === 'coder')!;
    expect(link.value).toBe(`http://localhost:3000/redaktion#w=${id}&k=${coderKey}`);
    expect(screen.getByText(/Ge länken bara till Anna/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Kompassen' }));
    await user.click(screen.getByRole('button', { name: 'Kodare' }));
    const step = screen.getByRole('region', { name: '4. Kodare' });
    expect(within(step).getByText('Anna')).toBeVisible();
    expect(screen.queryByRole('textbox', { name: 'Kodarlänk för Anna' })).toBeNull();
  });
});

describe("a coder's screen", () => {
  it('lists the cells with progress and saves a coding through the queue', async () => {
    const user = userEvent.setup();
    const w = await codedWorkspace();
    await renderWorkbench(`/redaktion#w=${w.id}&k=${w.anna}`);
    expect(await screen.findByText('0 av 1 celler kodade')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Koda S' }));
    await user.click(await screen.findByRole('radio', { name: 'Tyst' }));
    await user.click(screen.getByRole('button', { name: 'Spara kodningen' }));
    await waitFor(() =>
      expect([...service.workspaces.get(w.id)!.codings.values()]).toEqual([
        expect.objectContaining({ statement: 'forskolor', party: 's', kind: 'silent', version: 1 }),
      ]),
    );
    expect(service.calls.find((c) => c.method === 'PUT')).toMatchObject({
      path: `${w.base}/codings/forskolor/s`,
      authorization: `Bearer ${w.anna}`,
      ifMatch: null,
    });
  });
});

describe('reconciliation and publishing', () => {
  it("decides a disagreement in step 5, saved with the editor's key", async () => {
    const user = userEvent.setup();
    const w = await codedWorkspace();
    const quote = { start: 0, end: 'Vi vill bygga fler förskolor.'.length };
    await send(`${w.base}/codings/forskolor/s`, w.anna, 'PUT', {
      position: 1,
      kind: 'stated',
      quote,
      note: '',
    });
    await send(`${w.base}/codings/forskolor/s`, w.bo, 'PUT', {
      position: 0.5,
      kind: 'stated',
      quote,
      note: '',
    });
    await renderWorkbench(`/redaktion#w=${w.id}&k=${w.key}`);
    await user.click(await screen.findByRole('button', { name: 'Avstämning' }));
    expect(await screen.findByRole('heading', { name: '1 oenighet' })).toBeVisible();
    await user.click(screen.getByRole('radio', { name: 'Ta kodningen från Anna' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Skäl till beslutet (krävs)' }),
      'Ett tydligt löfte.',
    );
    await user.click(screen.getByRole('button', { name: 'Spara beslutet' }));
    await waitFor(() =>
      expect(service.workspaces.get(w.id)!.decisions).toEqual([
        expect.objectContaining({ statement: 'forskolor', party: 's', position: 1, version: 1 }),
      ]),
    );
  });

  it("lists the draft check's issues with links that lead to their fields, and shows the service's refusal", async () => {
    const user = userEvent.setup();
    const { id } = await openEditor();
    await user.type(screen.getByRole('textbox', { name: 'Kompassens id' }), 'vasteras');
    await waitFor(() => expect(service.workspaces.get(id)?.meta?.value.id).toBe('vasteras'));
    await user.click(screen.getByRole('button', { name: 'Publicera' }));
    await user.click(screen.getByRole('button', { name: 'Kontrollera utkastet' }));
    const list = await screen.findByRole('list', { name: 'Problem i utkastet' });
    expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0);
    await user.click(within(list).getAllByRole('button', { name: 'Gå till fältet' })[0]!);
    expect(screen.getByRole('button', { name: 'Kompassen' })).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(document.activeElement?.id).toMatch(/^wb-meta-/);

    await user.click(screen.getByRole('button', { name: 'Publicera' }));
    await user.click(screen.getByRole('button', { name: 'Publicera vasteras' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Kompassen är inte klar att publicera: åtgärda felen i listan först.',
    );
  });

  it('publishes under the compass id and links to the compass, its embed and its open data', async () => {
    service = fakeWorkbenchService({ publishAnyway: true });
    vi.stubGlobal('fetch', service.fetch);
    const user = userEvent.setup();
    const { id } = await openEditor();
    await user.type(screen.getByRole('textbox', { name: 'Kompassens id' }), 'vasteras');
    await waitFor(() => expect(service.workspaces.get(id)?.meta?.value.id).toBe('vasteras'));
    await user.click(screen.getByRole('button', { name: 'Publicera' }));
    await user.click(screen.getByRole('button', { name: 'Publicera vasteras' }));
    expect(await screen.findByText('Version 1 av vasteras är publicerad.')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Kompassen' })).toHaveAttribute('href', '/vasteras/');
    expect(screen.getByRole('link', { name: 'Inbäddning' })).toHaveAttribute(
      'href',
      '/embed/vasteras',
    );
    expect(screen.getByRole('link', { name: 'Öppna data (JSON)' })).toHaveAttribute(
      'href',
      '/data/vasteras.json',
    );
    expect(service.calls.find((c) => c.method === 'POST')?.body).toEqual({ compass: 'vasteras' });
  });
});

describe('the compass settings', () => {
  it("sets the compass's size, but offers no balance rule to change", async () => {
    const user = userEvent.setup();
    const { id } = await openEditor();
    const fewest = screen.getByRole('spinbutton', { name: 'Minst antal påståenden' });
    expect(fewest).toHaveValue(20);
    await user.clear(fewest);
    await user.type(fewest, '6');
    await waitFor(() =>
      expect(service.workspaces.get(id)?.meta?.value.rules.minStatements).toBe(6),
    );
    expect(screen.getAllByRole('spinbutton').map((s) => s.getAttribute('id'))).toHaveLength(3);
  });
});

describe("the coders' work, while the editor's page is open", () => {
  it('counts in the steps that use it, read again when the editor opens one', async () => {
    const user = userEvent.setup();
    const w = await codedWorkspace();
    await renderWorkbench(`/redaktion#w=${w.id}&k=${w.key}`);
    await user.click(await screen.findByRole('button', { name: 'Förhandsvisning' }));
    expect(await screen.findByText('1 cell är inte kodad än och visas som tyst.')).toBeVisible();
    // Both coders code the cell alike after the page was opened.
    const body = { position: 1, kind: 'stated', quote: { start: 0, end: 29 }, note: '' };
    for (const key of [w.anna, w.bo]) await send(`${w.base}/codings/forskolor/s`, key, 'PUT', body);
    await user.click(screen.getByRole('button', { name: 'Publicera' }));
    await user.click(screen.getByRole('button', { name: 'Förhandsvisning' }));
    await waitFor(() =>
      expect(screen.queryByText('1 cell är inte kodad än och visas som tyst.')).toBeNull(),
    );
  });
});

describe('the preview', () => {
  afterEach(() => sessionStorage.clear());

  it('says why a draft the bank cannot read yet cannot be taken as a voter', async () => {
    const user = userEvent.setup();
    const w = await codedWorkspace();
    await renderWorkbench(`/redaktion#w=${w.id}&k=${w.key}`);
    await user.click(await screen.findByRole('button', { name: 'Förhandsvisning' }));
    await user.click(screen.getByRole('button', { name: 'Ta utkastet som en väljare' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Utkastet går inte att visa ännu: 4 fel.*title \(sv\) is empty/,
    );
    expect(location()).toBe(`/redaktion#w=${w.id}`);
    expect(sessionStorage.length).toBe(0);
  });

  it('keeps the draft in this tab, uncoded cells as silent, and opens the real compass at its id', async () => {
    const user = userEvent.setup();
    const w = await codedWorkspace();
    service.writeBehind(w.id, 'meta', {
      ...EMPTY_META,
      id: 'vasteras',
      title: { sv: 'Västerås' },
      description: { sv: 'Kommunvalet i Västerås.' },
      municipality: 'Västerås',
      themes: [{ id: 'skola', name: { sv: 'Skola' } }],
    });
    service.writeBehind(w.id, 'parties/v', {
      name: 'Vänsterpartiet',
      short: 'V',
      colour: '#af0000',
      source: { url: 'https://example.org/v' },
    });
    service.writeBehind(w.id, 'programmes/v', {
      text: 'Vi vill ha fler parker.',
      boilerplate: [],
      sha256: '',
    });
    // S is decided; V is not coded by anyone yet.
    await send(`${w.base}/decisions/forskolor/s`, w.key, 'PUT', {
      position: 1,
      kind: 'stated',
      quotes: [{ start: 0, end: 29 }],
      note: 'Vill bygga fler.',
      reason: 'Båda kodarna',
    });
    await renderWorkbench(`/redaktion#w=${w.id}&k=${w.key}`);
    await user.click(await screen.findByRole('button', { name: 'Förhandsvisning' }));
    expect(screen.getByText('1 cell är inte kodad än och visas som tyst.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Ta utkastet som en väljare' }));
    await waitFor(() => expect(location()).toBe('/vasteras/'));
    const kept = readDraftPreview('vasteras');
    expect(kept?.statements.map((s) => s.id)).toEqual(['forskolor']);
    expect(kept?.statements[0]!.stances.s).toMatchObject({ position: 1, confidence: 1 });
    expect(kept?.statements[0]!.stances.v).toMatchObject({ position: null, confidence: 0 });
  });
});

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

describe('accessibility', () => {
  it('has no axe violations on the start screen and in every step of the editor', async () => {
    const user = userEvent.setup();
    const start = await renderWorkbench();
    expect(await axeViolations()).toEqual([]);
    start.unmount();
    const w = await codedWorkspace();
    service.writeBehind(w.id, 'meta', {
      id: 'vasteras',
      title: { sv: 'Västerås' },
      description: { sv: '' },
      municipality: 'Västerås',
      themes: [{ id: 'skola', name: { sv: 'Skola' } }],
      glossary: [{ id: 'lss', term: { sv: 'LSS' }, definition: { sv: 'En lag.' } }],
      rules: {
        minStatements: 1,
        maxStatements: 30,
        minThemes: 1,
        minCoverage: 0,
        minLessShare: 0,
        maxAgreeAllPercent: 100,
      },
    });
    await renderWorkbench(`/redaktion#w=${w.id}&k=${w.key}`);
    await screen.findByRole('navigation', { name: 'Steg' });
    for (const step of [
      'Kompassen',
      'Partier och program',
      'Påståenden',
      'Kodare',
      'Förhandsvisning',
      'Publicera',
    ]) {
      await user.click(screen.getByRole('button', { name: step }));
      await screen.findByRole('heading', { level: 2, name: new RegExp(step) });
      if (step === 'Publicera') {
        await user.click(screen.getByRole('button', { name: 'Kontrollera utkastet' }));
        await screen.findByRole('list', { name: 'Problem i utkastet' });
      }
      expect({ step, violations: await axeViolations() }).toEqual({ step, violations: [] });
    }
  });
});
