/**
 * The workspace as this browser shows it while editing: the service's view with the edits that
 * wait in the queue laid over it, so that a reload shows what the user typed, sent or not.
 */
import type {
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
  };
}

/** Every item's version in the view, for the queue to base new edits on. */
export function versionsOf(view: WorkspaceView): [string, number][] {
  return [
    ...(view.meta ? [[itemKey.meta, view.meta.version] as [string, number]] : []),
    ...view.parties.map((p): [string, number] => [itemKey.party(p.id), p.version]),
    ...view.programmes.map((p): [string, number] => [itemKey.programme(p.party), p.version]),
    ...view.statements.map((s): [string, number] => [itemKey.statement(s.id), s.version]),
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
  if (ref === null || ref.kind === 'coding') return local;
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

export const overlay = (local: LocalWorkspace, edits: readonly Edit[]) =>
  edits.reduce((l, e) => applyEdit(l, e.item, e.op === 'delete' ? null : e.body), local);

/** The local workspace as the parts of a view that `draftOfView` reads. */
export function viewParts(local: LocalWorkspace, view: Pick<WorkspaceView, 'decisions'>) {
  const versioned = <T>(value: T) => ({ version: 0, updated: '', value });
  return {
    meta: local.meta ? versioned(local.meta) : null,
    parties: local.parties.map(({ id, value }) => ({ id, ...versioned(value) })),
    programmes: Object.entries(local.programmes).map(([party, p]) => ({
      party,
      ...versioned({ ...p, sha256: '' }),
    })),
    statements: local.statements.map(({ id, value }) => ({ id, ...versioned(value) })),
    decisions: view.decisions,
  };
}
