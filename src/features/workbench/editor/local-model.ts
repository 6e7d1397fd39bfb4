/**
 * The workspace as this browser shows it while editing: the service's view with the edits that
 * wait in the queue laid over it, so that a reload shows what the user typed, sent or not.
 */
import type {
  CoderInfo,
  CodingBody,
  CodingJson,
  DecisionBody,
  DecisionJson,
  MetaBody,
  PartyBody,
  ProgrammeBody,
  StatementBody,
  WorkspaceView,
} from '../../../domain/workbench/api.ts';
import { itemKey, parseItem } from '../sync/items.ts';
import type { Edit } from '../sync/queue.ts';

export interface LocalWorkspace {
  readonly meta: MetaBody | null;
  readonly parties: readonly { readonly id: string; readonly value: PartyBody }[];
  readonly programmes: Readonly<Record<string, ProgrammeBody>>;
  readonly statements: readonly { readonly id: string; readonly value: StatementBody }[];
  /** The coder's own codings (a coder's key), by item key (`coding/<statement>/<party>`). */
  readonly codings: Readonly<Record<string, CodingJson>>;
  /** The editor's decisions, by item key (`decision/<statement>/<party>`). */
  readonly decisions: Readonly<Record<string, DecisionJson>>;
  /**
   * The editor's key: every coder's codings as the view had them, and who the coders were,
   * so that the draft checked here takes the cells the coders agree on, as the service's does.
   */
  readonly coders?: {
    readonly codings: readonly CodingJson[];
    readonly list: readonly CoderInfo[];
  };
}

export function localOf(view: WorkspaceView): LocalWorkspace {
  return {
    meta: view.meta?.value ?? null,
    parties: view.parties.map(({ id, value }) => ({ id, value })),
    programmes: Object.fromEntries(
      view.programmes.map((p) => [
        p.party,
        { text: p.value.text, boilerplate: p.value.boilerplate },
      ]),
    ),
    statements: view.statements.map(({ id, value }) => ({ id, value })),
    codings:
      view.role === 'coder'
        ? Object.fromEntries(view.codings.map((c) => [itemKey.coding(c.statement, c.party), c]))
        : {},
    decisions: Object.fromEntries(
      view.decisions.map((d) => [itemKey.decision(d.statement, d.party), d]),
    ),
    ...(view.role === 'editor' ? { coders: { codings: view.codings, list: view.coders } } : {}),
  };
}

/** Every item's version in the view, for the queue to base new edits on. */
export function versionsOf(view: WorkspaceView): [string, number][] {
  return [
    ...(view.meta ? [[itemKey.meta, view.meta.version] as [string, number]] : []),
    ...view.parties.map((p): [string, number] => [itemKey.party(p.id), p.version]),
    ...view.programmes.map((p): [string, number] => [itemKey.programme(p.party), p.version]),
    ...view.statements.map((s): [string, number] => [itemKey.statement(s.id), s.version]),
    ...view.decisions.map((d): [string, number] => [
      itemKey.decision(d.statement, d.party),
      d.version,
    ]),
    ...(view.role === 'coder'
      ? view.codings.map((c): [string, number] => [itemKey.coding(c.statement, c.party), c.version])
      : []),
  ];
}

const upsert = <T>(
  list: readonly { readonly id: string; readonly value: T }[],
  id: string,
  value: T | null,
) =>
  value === null
    ? list.filter((x) => x.id !== id)
    : list.some((x) => x.id === id)
      ? list.map((x) => (x.id === id ? { id, value } : x))
      : [...list, { id, value }];

/** The workspace with one edit made (`body` null: the item removed). */
export function applyEdit(local: LocalWorkspace, item: string, body: unknown): LocalWorkspace {
  const ref = parseItem(item);
  if (ref === null) return local;
  if (ref.kind === 'coding' || ref.kind === 'decision')
    return cellEdit(local, item, ref.kind, ref.statement, ref.party, body);
  if (ref.kind === 'meta') return { ...local, meta: (body as MetaBody | null) ?? local.meta };
  if (ref.kind === 'party')
    return { ...local, parties: upsert(local.parties, ref.id, body as PartyBody | null) };
  if (ref.kind === 'statement')
    return { ...local, statements: upsert(local.statements, ref.id, body as StatementBody | null) };
  const programmes = Object.fromEntries(
    Object.entries(local.programmes).filter(([id]) => id !== ref.id),
  );
  return {
    ...local,
    programmes: body === null ? programmes : { ...programmes, [ref.id]: body as ProgrammeBody },
  };
}

const quoteText = (local: LocalWorkspace, party: string, q: { start: number; end: number }) =>
  local.programmes[party]?.text.slice(q.start, q.end) ?? '';

/** A coding or decision as written here, in the shape the service answers with (version kept). */
function cellEdit(
  local: LocalWorkspace,
  item: string,
  kind: 'coding' | 'decision',
  statement: string,
  party: string,
  body: unknown,
): LocalWorkspace {
  if (body === null) {
    const key = kind === 'coding' ? 'codings' : 'decisions';
    return {
      ...local,
      [key]: Object.fromEntries(Object.entries(local[key]).filter(([k]) => k !== item)),
    };
  }
  if (kind === 'coding') {
    const old = local.codings[item];
    const b = body as CodingBody;
    const coding: CodingJson = {
      statement,
      party,
      coder: old?.coder ?? '',
      position: b.position,
      kind: b.kind,
      confidence: b.confidence ?? 'explicit',
      quote: b.quote,
      quoteText: b.quote ? quoteText(local, party, b.quote) : null,
      quoteLost: false,
      note: b.note ?? '',
      version: old?.version ?? 0,
      updated: old?.updated ?? '',
    };
    return { ...local, codings: { ...local.codings, [item]: coding } };
  }
  const old = local.decisions[item];
  const b = body as DecisionBody;
  const decision: DecisionJson = {
    ...b,
    statement,
    party,
    quotes: b.quotes.map((q) => ({ ...q, text: quoteText(local, party, q), lost: false })),
    version: old?.version ?? 0,
    updated: old?.updated ?? '',
  };
  return { ...local, decisions: { ...local.decisions, [item]: decision } };
}

export const overlay = (local: LocalWorkspace, edits: readonly Edit[]) =>
  edits.reduce((l, e) => applyEdit(l, e.item, e.op === 'delete' ? null : e.body), local);

/** The local workspace as the parts of a view that `draftOfView` reads. */
export function viewParts(local: LocalWorkspace) {
  const versioned = <T>(value: T) => ({ version: 0, updated: '', value });
  return {
    meta: local.meta ? versioned(local.meta) : null,
    parties: local.parties.map(({ id, value }) => ({ id, ...versioned(value) })),
    programmes: Object.entries(local.programmes).map(([party, p]) => ({
      party,
      ...versioned({ ...p, sha256: '' }),
    })),
    statements: local.statements.map(({ id, value }) => ({ id, ...versioned(value) })),
    decisions: Object.values(local.decisions),
    codings: local.coders?.codings ?? [],
    coders: local.coders?.list ?? [],
  };
}
