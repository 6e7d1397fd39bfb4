/**
 * A workspace's items: the compass's settings (`meta`), parties, programme texts, statements and
 * the editor's decisions, each a versioned JSON document (workbench_items). Every write names the
 * version it replaces (If-Match), as a coding's does; a mismatch is 409 `version-conflict` with
 * the stored item, and nothing is written.
 */
import type { Position } from '../../domain/bank/types.ts';
import type {
  DecisionJson,
  MetaBody,
  PartyBody,
  ProgrammeBody,
  StatementBody,
  Versioned,
} from '../../domain/workbench/api.ts';
import type { Publisher } from '../published/types.ts';
import { WorkbenchError } from './messages.ts';
import type { Moved } from './quotes.ts';
import type { Change, ItemKind, StoredItem, WorkbenchStore } from './types.ts';

/** What the service's parts share. */
export interface Context {
  readonly store: WorkbenchStore;
  readonly publisher: Publisher;
  readonly now: () => Date;
}

export interface ProgrammeItem extends ProgrammeBody {
  readonly sha256: string;
}

export interface DecisionItem {
  readonly position: number | null;
  readonly kind: 'stated' | 'implied' | 'silent';
  readonly confidence: 'explicit' | 'general';
  readonly quotes: readonly Moved[];
  readonly note: string;
  readonly reason: string;
}

/**
 * A party as stored: the body as sent, and its place in the compass's list of parties (the order
 * they were first written, or the compass's order on import). The API has no field for it, so
 * it is never shown: `partyBody` takes it off.
 */
export type StoredParty = PartyBody & { readonly order: number };

export interface ItemBodies {
  readonly meta: MetaBody;
  readonly party: StoredParty;
  readonly programme: ProgrammeItem;
  readonly statement: StatementBody;
  readonly decision: DecisionItem;
}

/** The one settings document's id. */
export const META_ID = '';
export const decisionId = (statement: string, party: string) => `${statement}/${party}`;

/**
 * Compass ids the site uses for something else (src/config/paths.ts RESERVED_SEGMENTS, which the
 * service may not import; items.test.ts holds this list to include all of it) and the
 * workbench's own pages.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  ...['fraga', 'granska', 'resultat', 'delat', 'program', 'metod', 'om', 'pastaenden', 'widget'],
  ...['embed', 'klass', 'vem-sa-vad', 'larare', 'kompasser', 'redaktion', 'klassrum'],
  ...['en', 'ar', 'sv', 'lattlast', 'assets', 'data', 'api', 'icons'],
]);

export const versioned = <T>(item: StoredItem): Versioned<T> => ({
  version: item.version,
  updated: new Date(item.updatedAt).toISOString(),
  value: item.body as T,
});

/** 409 `version-conflict`: what was sent, what is stored (its JSON), and the stored ETag. */
export function conflictError(
  expected: number | null,
  current: { version: number } | null,
  stored: unknown,
): WorkbenchError {
  return new WorkbenchError(
    'version-conflict',
    { sentVersion: expected, storedVersion: current?.version ?? null, stored },
    current ? { etag: `"${current.version}"` } : {},
  );
}

export function decisionJson(item: StoredItem): DecisionJson {
  const [statement, party] = item.id.split('/') as [string, string];
  const body = item.body as DecisionItem;
  return {
    statement,
    party,
    position: body.position as Position | null,
    kind: body.kind,
    confidence: body.confidence,
    quotes: body.quotes,
    note: body.note,
    reason: body.reason,
    version: item.version,
    updated: new Date(item.updatedAt).toISOString(),
  };
}

/** The party as the API shows it (without its stored order). */
export function partyBody(stored: unknown): PartyBody {
  const { order, ...body } = stored as StoredParty;
  void order;
  return body;
}

/** Items by their `order` (a statement's, a party's), then by id. */
export function inOrder(items: readonly StoredItem[]): StoredItem[] {
  const order = (item: StoredItem) => (item.body as { order?: number }).order ?? 0;
  return [...items].sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The JSON a conflict shows for an item: as `GET /api/workspaces/{w}` lists it. */
export function storedItemJson(item: StoredItem | null): unknown {
  if (!item) return null;
  const json = versioned(item);
  if (item.kind === 'decision') return decisionJson(item);
  if (item.kind === 'party') return { ...json, value: partyBody(item.body), id: item.id };
  if (item.kind === 'meta') return json;
  if (item.kind === 'programme') return { ...json, party: item.id };
  return { ...json, id: item.id };
}

/** Writes (body) or deletes (null) one item if `expected` is its stored version. */
export async function writeItem<K extends ItemKind>(
  ctx: Context,
  workspace: string,
  item: { kind: K; id: string; body: ItemBodies[K] | null },
  expected: number | null,
  more: readonly Change[] = [],
): Promise<{ version: number | null }> {
  if (item.body === null && expected === null) {
    // A delete names the version it removes: without one, there is nothing to match.
    const current = await ctx.store.readItem(workspace, item.kind, item.id);
    if (!current) throw new WorkbenchError('no-item');
    throw conflictError(expected, current, storedItemJson(current));
  }
  const change: Change = { type: 'item', kind: item.kind, id: item.id, expected, body: item.body };
  const result = await ctx.store.applyChanges(workspace, [change, ...more], ctx.now().getTime());
  if (result.ok) return { version: result.versions[0] ?? null };
  if (result.index !== 0) throw new RetryError();
  const current = result.current as StoredItem | null;
  if (item.body === null && current === null) throw new WorkbenchError('no-item');
  throw conflictError(expected, current, storedItemJson(current));
}

/** A later change of a batch found another version: the caller reads again and retries. */
export class RetryError extends Error {
  constructor() {
    super('retry');
  }
}

/** 400 `reserved-id` for a compass id the site uses for something else. */
export function checkMeta(body: MetaBody): MetaBody {
  if (RESERVED_IDS.has(body.id)) throw new WorkbenchError('reserved-id');
  return body;
}

/** The item's body, or 404 with the given code. */
export async function mustExist<K extends ItemKind>(
  ctx: Context,
  workspace: string,
  kind: K,
  id: string,
  code: 'unknown-statement' | 'unknown-party',
): Promise<ItemBodies[K]> {
  const item = await ctx.store.readItem(workspace, kind, id);
  if (!item) throw new WorkbenchError(code);
  return item.body as ItemBodies[K];
}
