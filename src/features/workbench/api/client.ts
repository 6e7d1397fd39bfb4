/**
 * The browser's client for the workbench service (the contract is src/domain/workbench/api.ts).
 * Every call resolves to a tagged outcome and never throws, so that a page can tell a network
 * failure (`network`: try again later, nothing was refused) from the service's refusal (`refused`,
 * with its Swedish `message`, shown as given) and from a write on a stale version (`conflict`,
 * with the stored item, so both can be shown). The key goes only in the Authorization header.
 */
import type {
  AgreementJson,
  CoderInfo,
  CodingBody,
  CodingJson,
  DecisionBody,
  DraftCheckJson,
  ImportResult,
  MetaBody,
  PartyBody,
  ProgrammeBody,
  ProgrammePutResult,
  PublishedList,
  PublishedVersion,
  StatementBody,
  WorkspaceInfo,
  WorkspaceView,
} from '../../../domain/workbench/api.ts';
import { workbenchPaths as paths } from './routes.ts';

export type WorkbenchOutcome<T> =
  | {
      readonly ok: true;
      readonly status: number;
      readonly body: T;
      /** The item's version from the `ETag` (or the body's `version`), when the answer has one. */
      readonly version: number | null;
    }
  | { readonly ok: false; readonly kind: 'network' }
  | {
      readonly ok: false;
      readonly kind: 'conflict';
      readonly message: string;
      readonly storedVersion: number | null;
      /** The item as the service holds it now (its shape is the route's own). */
      readonly stored: unknown;
    }
  | {
      readonly ok: false;
      readonly kind: 'refused';
      readonly status: number;
      readonly error: string;
      /** The service's own sentence (Swedish). */
      readonly message: string;
      /** Whatever else the refusal holds (e.g. `issues` of 422 `draft-invalid`). */
      readonly details: Readonly<Record<string, unknown>>;
    }
  /** An answer that is not the service's JSON (a static host, a proxy's error page). */
  | { readonly ok: false; readonly kind: 'unexpected'; readonly status: number };

/** A failed outcome, for code that handles every failure the same way. */
export type WorkbenchFailure = Extract<WorkbenchOutcome<unknown>, { ok: false }>;

/** A workspace and the key that opens it. */
export interface WorkbenchAccess {
  readonly workspace: string;
  readonly key: string;
}

type Fetch = typeof fetch;

/** `"3"`, `W/"3"` or `3` → 3; anything else null. */
export function parseEtag(value: string | null): number | null {
  const match = value === null ? null : /^(?:W\/)?"?([1-9][0-9]*)"?$/.exec(value.trim());
  return match ? Number(match[1]) : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface CallInit {
  readonly method?: string;
  readonly key?: string;
  readonly body?: unknown;
  /** The version the write replaces; null for a first write (no If-Match). */
  readonly ifMatch?: number | null;
}

async function call<T>(
  fetcher: Fetch,
  path: string,
  init: CallInit = {},
): Promise<WorkbenchOutcome<T>> {
  const headers = new Headers({ Accept: 'application/json' });
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  if (init.key !== undefined) headers.set('Authorization', `Bearer ${init.key}`);
  if (init.ifMatch != null) headers.set('If-Match', `"${init.ifMatch}"`);
  let response: Response;
  try {
    response = await fetcher(path, {
      method: init.method ?? 'GET',
      headers,
      credentials: 'omit',
      cache: 'no-store',
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch {
    return { ok: false, kind: 'network' };
  }
  let body: unknown = undefined;
  if (response.status !== 204)
    try {
      body = await response.json();
    } catch {
      return { ok: false, kind: 'unexpected', status: response.status };
    }
  if (response.ok) {
    const fromBody = isRecord(body) && typeof body.version === 'number' ? body.version : null;
    return {
      ok: true,
      status: response.status,
      body: body as T,
      version: parseEtag(response.headers.get('ETag')) ?? fromBody,
    };
  }
  if (!isRecord(body) || typeof body.error !== 'string' || typeof body.message !== 'string')
    return { ok: false, kind: 'unexpected', status: response.status };
  if (response.status === 409 && body.error === 'version-conflict')
    return {
      ok: false,
      kind: 'conflict',
      message: body.message,
      storedVersion: typeof body.storedVersion === 'number' ? body.storedVersion : null,
      stored: body.stored ?? null,
    };
  return {
    ok: false,
    kind: 'refused',
    status: response.status,
    error: body.error,
    message: body.message,
    details: body,
  };
}

type Written = { readonly version: number };

/** The client, over `fetcher` (the browser's fetch, looked up at each call, by default). */
export function workbenchClient(fetcher: Fetch = (input, init) => fetch(input, init)) {
  const put = <T = Written>(path: string, key: string, body: unknown, version: number | null) =>
    call<T>(fetcher, path, { method: 'PUT', key, body, ifMatch: version });
  const remove = (path: string, key: string, version: number) =>
    call<undefined>(fetcher, path, { method: 'DELETE', key, ifMatch: version });
  return {
    createWorkspace: (title: string) =>
      call<{ workspace: WorkspaceInfo; editorKey: string }>(fetcher, paths.workspaces, {
        method: 'POST',
        body: { title },
      }),
    workspace: ({ workspace, key }: WorkbenchAccess) =>
      call<WorkspaceView>(fetcher, paths.workspace(workspace), { key }),
    addCoder: ({ workspace, key }: WorkbenchAccess, label: string) =>
      call<{ coder: CoderInfo; coderKey: string }>(fetcher, paths.coders(workspace), {
        method: 'POST',
        key,
        body: { label },
      }),
    putMeta: ({ workspace, key }: WorkbenchAccess, body: MetaBody, version: number | null) =>
      put(paths.meta(workspace), key, body, version),
    putParty: (a: WorkbenchAccess, party: string, body: PartyBody, version: number | null) =>
      put(paths.party(a.workspace, party), a.key, body, version),
    deleteParty: (a: WorkbenchAccess, party: string, version: number) =>
      remove(paths.party(a.workspace, party), a.key, version),
    putProgramme: (
      a: WorkbenchAccess,
      party: string,
      body: ProgrammeBody,
      version: number | null,
    ) => put<ProgrammePutResult>(paths.programme(a.workspace, party), a.key, body, version),
    putStatement: (a: WorkbenchAccess, id: string, body: StatementBody, version: number | null) =>
      put(paths.statement(a.workspace, id), a.key, body, version),
    deleteStatement: (a: WorkbenchAccess, id: string, version: number) =>
      remove(paths.statement(a.workspace, id), a.key, version),
    coding: (a: WorkbenchAccess, statement: string, party: string) =>
      call<CodingJson>(fetcher, paths.coding(a.workspace, statement, party), { key: a.key }),
    coderCoding: (a: WorkbenchAccess, coder: string, statement: string, party: string) =>
      call<CodingJson>(fetcher, paths.coderCoding(a.workspace, coder, statement, party), {
        key: a.key,
      }),
    putCoding: (
      a: WorkbenchAccess,
      statement: string,
      party: string,
      body: CodingBody,
      version: number | null,
    ) => put(paths.coding(a.workspace, statement, party), a.key, body, version),
    putDecision: (
      a: WorkbenchAccess,
      statement: string,
      party: string,
      body: DecisionBody,
      version: number | null,
    ) => put(paths.decision(a.workspace, statement, party), a.key, body, version),
    agreement: (a: WorkbenchAccess, coders?: readonly [string, string]) =>
      call<AgreementJson>(fetcher, paths.agreement(a.workspace, coders), { key: a.key }),
    draft: (a: WorkbenchAccess) =>
      call<DraftCheckJson>(fetcher, paths.draft(a.workspace), { key: a.key }),
    publish: (a: WorkbenchAccess, compass: string) =>
      call<PublishedVersion>(fetcher, paths.publish(a.workspace), {
        method: 'POST',
        key: a.key,
        body: { compass },
      }),
    /** Imports a published compass's open data into an empty workspace. */
    importCompass: (a: WorkbenchAccess, body: unknown) =>
      call<ImportResult>(fetcher, paths.import(a.workspace), { method: 'POST', key: a.key, body }),
    compasses: (q?: string, offset?: number) =>
      call<PublishedList>(fetcher, paths.compasses(q, offset)),
  };
}

export type WorkbenchClient = ReturnType<typeof workbenchClient>;
