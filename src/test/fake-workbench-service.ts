/**
 * A fake workbench service for the /redaktion pages' component tests: the contract of
 * src/domain/workbench/api.ts answered from memory as a `fetch` function. Faithful where the
 * pages depend on it: keys and roles (401 `missing-key`, 403 `wrong-key`, `editor-only`,
 * `coder-only`), versions (`If-Match`, `ETag`, 409 `version-conflict` with `storedVersion` and the
 * stored item, nothing written), a coder seeing only its own codings, and the draft check with
 * the domain's own `draftToCompass`. The real service is tested in src/server; not imported by
 * the app.
 */
import { cellAgreement } from '../domain/workbench/agreement.ts';
import type {
  CoderInfo,
  CodingJson,
  DecisionJson,
  PublishedVersion,
  Role,
  Versioned,
  WorkspaceView,
} from '../domain/workbench/api.ts';
import { draftToCompass } from '../domain/workbench/draft.ts';
import { normalizeProgramme, sha256Hex } from '../domain/workbench/programme-text.ts';
import { draftOfView } from '../features/workbench/editor/draft-of-view.ts';

export interface FakeWorkspace {
  readonly id: string;
  title: string;
  readonly created: string;
  readonly keys: Map<string, { role: Role; coder: CoderInfo | null }>;
  readonly coders: CoderInfo[];
  meta: Versioned<NonNullable<WorkspaceView['meta']>['value']> | null;
  readonly items: Map<string, Versioned<unknown>>;
  readonly codings: Map<string, CodingJson>;
  readonly decisions: DecisionJson[];
  readonly published: PublishedVersion[];
}

export interface FakeWorkbenchCall {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
  readonly ifMatch: string | null;
  readonly body: unknown;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
const MESSAGES: Record<string, string> = {
  'missing-key': 'Nyckeln saknas: skicka den som Authorization: Bearer <nyckel>.',
  'wrong-key': 'Nyckeln hör inte till den här arbetsytan.',
  'editor-only': 'Bara redaktören kan göra det här.',
  'coder-only': 'Bara en kodare kan skriva kodningar; redaktörens nyckel kan inte koda.',
  'version-conflict':
    'Det här har ändrats sedan du läste det. Inget skrevs över: här är den sparade versionen.',
  'invalid-if-match':
    'Huvudet If-Match ska vara versionen från den senaste läsningen eller skrivningen, t.ex. "3".',
  'invalid-title': 'Arbetsytan behöver en titel.',
  'not-found': 'Det finns inget här.',
  'too-few-coders': 'Avstämningen behöver två kodare.',
  'draft-invalid': 'Kompassen är inte klar att publicera: åtgärda felen i listan först.',
};
const error = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  json(status, { error: code, message: MESSAGES[code] ?? 'Fel.', ...extra });

const pad = (n: number, length: number) => `n${n}`.padEnd(length, 'x');

/** What a 409 or a write answers, by the version sent in If-Match. */
function versionCheck(ifMatch: string | null, stored: Versioned<unknown> | null): Response | null {
  const sent = ifMatch === null ? null : /^(?:W\/)?"?([1-9][0-9]*)"?$/.exec(ifMatch);
  if (ifMatch !== null && !sent) return error(400, 'invalid-if-match');
  const version = sent ? Number(sent[1]) : null;
  if (version === (stored?.version ?? null)) return null;
  return error(409, 'version-conflict', {
    sentVersion: version,
    storedVersion: stored?.version ?? null,
    stored,
  });
}

export function fakeWorkbenchService(
  options: {
    /** Publish even a draft with issues (the real service refuses: 422 `draft-invalid`). */
    readonly publishAnyway?: boolean;
  } = {},
) {
  const workspaces = new Map<string, FakeWorkspace>();
  const calls: FakeWorkbenchCall[] = [];
  let counter = 0;
  let down = false;
  const now = () => new Date(Date.UTC(2026, 0, 1, 12, 0, counter)).toISOString();

  const fetcher = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const call = {
      method,
      path: url.pathname + url.search,
      authorization: headers.get('Authorization'),
      ifMatch: headers.get('If-Match'),
      body,
    };
    calls.push(call);
    if (down) throw new TypeError('Failed to fetch');
    return answer(method, url, call);
  };

  const answer = async (method: string, url: URL, call: FakeWorkbenchCall): Promise<Response> => {
    const body = call.body as Record<string, unknown> | undefined;
    if (url.pathname === '/api/workspaces' && method === 'POST') {
      const title = typeof body?.title === 'string' ? body.title.trim() : '';
      if (title === '' || title.length > 200) return error(400, 'invalid-title');
      counter++;
      const id = pad(counter, 22);
      const editorKey = pad(counter, 43).replace(/x/g, 'k');
      const workspace: FakeWorkspace = {
        id,
        title,
        created: now(),
        keys: new Map([[editorKey, { role: 'editor', coder: null }]]),
        coders: [],
        meta: null,
        items: new Map(),
        codings: new Map(),
        decisions: [],
        published: [],
      };
      workspaces.set(id, workspace);
      return json(201, { workspace: { id, title, created: workspace.created }, editorKey });
    }
    const parts = url.pathname.split('/').slice(3).map(decodeURIComponent);
    const workspace = workspaces.get(parts[0] ?? '');
    const bearer = /^Bearer (.+)$/.exec(call.authorization ?? '')?.[1];
    if (bearer === undefined) return error(401, 'missing-key');
    const access = workspace?.keys.get(bearer);
    if (!workspace || !access) return error(403, 'wrong-key');
    const [, resource, a, b] = parts;
    const editor = access.role === 'editor';
    const editorOnly = () => (editor ? null : error(403, 'editor-only'));

    if (resource === undefined && method === 'GET') return json(200, view(workspace, access));
    if (resource === 'coders' && method === 'POST') {
      const refused = editorOnly();
      if (refused) return refused;
      counter++;
      const coder = { id: pad(counter, 12), label: String(body?.label ?? '') };
      const coderKey = pad(counter, 43).replace(/x/g, 'c');
      workspace.coders.push(coder);
      workspace.keys.set(coderKey, { role: 'coder', coder });
      return json(201, { coder, coderKey });
    }
    if (resource === 'meta' && method === 'PUT') {
      const refused = editorOnly() ?? versionCheck(call.ifMatch, workspace.meta);
      if (refused) return refused;
      workspace.meta = written(workspace.meta, body as never);
      return json(200, { version: workspace.meta.version }, etag(workspace.meta.version));
    }
    if ((resource === 'parties' || resource === 'statements' || resource === 'programmes') && a) {
      const key = `${resource}/${a}`;
      const stored = workspace.items.get(key) ?? null;
      const refused = editorOnly() ?? versionCheck(call.ifMatch, stored);
      if (refused) return refused;
      if (method === 'DELETE') {
        workspace.items.delete(key);
        return new Response(null, { status: 204 });
      }
      if (resource === 'programmes') {
        const text = normalizeProgramme(String(body?.text ?? ''));
        const value = { text, boilerplate: body?.boilerplate ?? [], sha256: await sha256Hex(text) };
        const next = written(stored, value);
        workspace.items.set(key, next);
        return json(
          200,
          { version: next.version, sha256: value.sha256, reanchored: 0, lost: [] },
          etag(next.version),
        );
      }
      const next = written(stored, body);
      workspace.items.set(key, next);
      return json(200, { version: next.version }, etag(next.version));
    }
    if (resource === 'codings' && a && b) {
      if (editor) return error(403, 'coder-only');
      const key = JSON.stringify([access.coder!.id, a, b]);
      const stored = workspace.codings.get(key);
      if (method === 'GET')
        return stored ? json(200, stored, etag(stored.version)) : error(404, 'no-coding');
      const refused = versionCheck(
        call.ifMatch,
        stored ? { version: stored.version, updated: stored.updated, value: stored } : null,
      );
      if (refused) return refused;
      const coding = body as Omit<CodingJson, 'statement' | 'party' | 'coder'>;
      const version = (stored?.version ?? 0) + 1;
      workspace.codings.set(key, {
        statement: a,
        party: b,
        coder: access.coder!.id,
        position: coding.position,
        kind: coding.kind,
        confidence: coding.confidence ?? 'explicit',
        quote: coding.quote,
        quoteText: null,
        quoteLost: false,
        note: coding.note ?? '',
        version,
        updated: now(),
      });
      return json(200, { version }, etag(version));
    }
    if (resource === 'agreement' && method === 'GET') {
      const refused = editorOnly();
      if (refused) return refused;
      const [first, second] = workspace.coders;
      if (!first || !second) return error(409, 'too-few-coders');
      const cells = (coder: string) =>
        [...workspace.codings.values()]
          .filter((c) => c.coder === coder)
          .map((coding) => ({ statement: coding.statement, party: coding.party, coding }));
      const measured = cellAgreement(cells(first.id), cells(second.id));
      const measure = ({ percent, kappa }: { percent: number | null; kappa: number | null }) => ({
        percent,
        kappa,
      });
      return json(200, {
        coders: [first, second],
        cells: measured.cells,
        onlyA: measured.onlyA,
        onlyB: measured.onlyB,
        direction: measure(measured.direction),
        position: measure(measured.position),
        disagreements: measured.disagreements,
      });
    }
    if (resource === 'decisions' && a && b && method === 'PUT') {
      const refused = editorOnly();
      if (refused) return refused;
      const index = workspace.decisions.findIndex((d) => d.statement === a && d.party === b);
      const stored = workspace.decisions[index];
      const conflict = versionCheck(
        call.ifMatch,
        stored ? { version: stored.version, updated: stored.updated, value: stored } : null,
      );
      if (conflict) return conflict;
      const decision = body as unknown as Omit<DecisionJson, 'statement' | 'party' | 'quotes'> & {
        quotes: { start: number; end: number }[];
      };
      const text = (workspace.items.get(`programmes/${b}`)?.value as { text?: string } | undefined)
        ?.text;
      const next: DecisionJson = {
        ...decision,
        statement: a,
        party: b,
        quotes: decision.quotes.map((q) => ({
          ...q,
          text: text?.slice(q.start, q.end) ?? '',
          lost: false,
        })),
        version: (stored?.version ?? 0) + 1,
        updated: now(),
      };
      if (index >= 0) workspace.decisions[index] = next;
      else workspace.decisions.push(next);
      return json(200, { version: next.version }, etag(next.version));
    }
    if (resource === 'draft' && method === 'GET') {
      const refused = editorOnly();
      if (refused) return refused;
      return json(200, draftCheck(workspace, access));
    }
    if (resource === 'publish' && method === 'POST') {
      const refused = editorOnly();
      if (refused) return refused;
      const check = draftCheck(workspace, access);
      if (check.issues.length > 0 && !options.publishAnyway)
        return error(422, 'draft-invalid', { issues: check.issues });
      const compass = String(body?.compass ?? '');
      const version = workspace.published.filter((p) => p.compass === compass).length + 1;
      const entry = { compass, version, published: now() };
      workspace.published.unshift(entry);
      return json(201, entry);
    }
    return error(404, 'not-found');
  };

  const written = <T>(stored: Versioned<unknown> | null, value: T): Versioned<T> => ({
    version: (stored?.version ?? 0) + 1,
    updated: now(),
    value,
  });
  const etag = (version: number) => ({ ETag: `"${version}"` });

  function view(w: FakeWorkspace, access: { role: Role; coder: CoderInfo | null }): WorkspaceView {
    const items = (kind: string) =>
      [...w.items]
        .filter(([key]) => key.startsWith(`${kind}/`))
        .map(([key, item]) => ({
          id: key.slice(kind.length + 1),
          item,
        }));
    const editor = access.role === 'editor';
    return {
      workspace: { id: w.id, title: w.title, created: w.created },
      role: access.role,
      coder: access.coder,
      coders: editor ? w.coders : access.coder ? [access.coder] : [],
      meta: w.meta,
      parties: items('parties').map(({ id, item }) => ({ ...item, id }) as never),
      programmes: items('programmes').map(({ id, item }) => ({ ...item, party: id }) as never),
      statements: items('statements').map(({ id, item }) => ({ ...item, id }) as never),
      codings: [...w.codings.values()].filter((c) => editor || c.coder === access.coder?.id),
      decisions: editor ? w.decisions : [],
      log: [],
      published: w.published,
    };
  }

  function draftCheck(w: FakeWorkspace, access: { role: Role; coder: CoderInfo | null }) {
    const v = view(w, access);
    const { issues } = draftToCompass(draftOfView(v, '2026-01-01'));
    const decided = new Set(v.decisions.map((d) => JSON.stringify([d.statement, d.party])));
    const undecided = v.statements.flatMap((s) =>
      v.parties
        .filter((p) => !decided.has(JSON.stringify([s.id, p.id])))
        .map((p) => ({ statement: s.id, party: p.id })),
    );
    return { issues, undecided };
  }

  return {
    workspaces,
    calls,
    fetch: fetcher as typeof fetch,
    /** From now on every request fails as with no network. */
    goDown: () => {
      down = true;
    },
    comeBack: () => {
      down = false;
    },
    /** Another editor's write: the stored item gets a new version behind this browser's back. */
    writeBehind: (workspace: string, item: string, value: unknown) => {
      const w = workspaces.get(workspace)!;
      if (item === 'meta') w.meta = written(w.meta, value as never);
      else w.items.set(item, written(w.items.get(item) ?? null, value));
    },
  };
}

export type FakeWorkbenchService = ReturnType<typeof fakeWorkbenchService>;
