/**
 * The workbench's keys are capabilities: whoever holds one may do what it allows. This browser
 * keeps the keys it has seen in localStorage, by workspace id, and a link carries one in its
 * fragment (`/redaktion#w=<id>&k=<key>`), which is never sent to a server; the page takes it out
 * of the address bar at once. A key is sent nowhere but the Authorization header.
 */
import type { Role } from '../../../domain/workbench/api.ts';

export const KEYS_STORAGE = 'valkompass.workbench.keys';

export interface KnownWorkspace {
  readonly id: string;
  readonly key: string;
  /** Null until the service has said which role the key has (a link opened). */
  readonly role: Role | null;
  readonly title: string;
  /** ISO time this browser first saw the key. */
  readonly added: string;
}

/** A workspace id or a key as the service makes them (base64url). */
const WORKSPACE_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parse(text: string | null): KnownWorkspace[] {
  let value: unknown;
  try {
    value = JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): KnownWorkspace[] => {
    if (!isRecord(entry)) return [];
    const { id, key, role, title, added } = entry;
    if (typeof id !== 'string' || !WORKSPACE_PATTERN.test(id)) return [];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) return [];
    return [
      {
        id,
        key,
        role: role === 'editor' || role === 'coder' ? role : null,
        title: typeof title === 'string' ? title : '',
        added: typeof added === 'string' ? added : '',
      },
    ];
  });
}

function read(): KnownWorkspace[] {
  try {
    return parse(localStorage.getItem(KEYS_STORAGE));
  } catch {
    return [];
  }
}

function write(list: readonly KnownWorkspace[]): void {
  try {
    localStorage.setItem(KEYS_STORAGE, JSON.stringify(list));
  } catch {
    // Storage refused (private mode, full): the key lives only in the link the user kept.
  }
}

export const workbenchKeys = {
  list: read,
  get: (id: string): KnownWorkspace | undefined => read().find((w) => w.id === id),
  /** Keeps (or updates) a workspace's key; a new key for a known workspace replaces the old. */
  put(entry: Omit<KnownWorkspace, 'added'> & { added?: string }): void {
    const list = read();
    const old = list.find((w) => w.id === entry.id);
    const next: KnownWorkspace = {
      ...entry,
      role: entry.role ?? (old?.key === entry.key ? old.role : null),
      title: entry.title || (old?.title ?? ''),
      added: entry.added ?? old?.added ?? new Date().toISOString(),
    };
    write([...list.filter((w) => w.id !== entry.id), next]);
  },
  forget(id: string): void {
    write(read().filter((w) => w.id !== id));
  },
};

/** What a `/redaktion` fragment holds: a workspace to open, perhaps with its key. */
export type Fragment =
  { readonly workspace: string; readonly key: string | null } | 'invalid' | null;

/** `#w=<id>&k=<key>` (or `#w=<id>` alone); null without `w`, `invalid` when malformed. */
export function readFragment(hash: string): Fragment {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const workspace = params.get('w');
  if (workspace === null) return null;
  const key = params.get('k');
  if (!WORKSPACE_PATTERN.test(workspace)) return 'invalid';
  if (key !== null && !KEY_PATTERN.test(key)) return 'invalid';
  return { workspace, key };
}

/** The fragment that opens a workspace in this browser, with its key only when it is a link to give. */
export const fragmentOf = (workspace: string, key?: string) =>
  `#${new URLSearchParams(key === undefined ? { w: workspace } : { w: workspace, k: key }).toString()}`;

/** A link to give (the editor's own, or a coder's): the page's address with the key in the fragment. */
export function keyLink(workspace: string, key: string): string {
  const root = `${window.location.origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}`;
  return `${root}/redaktion${fragmentOf(workspace, key)}`;
}
