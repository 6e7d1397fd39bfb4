/**
 * A compass in and out of a workspace: import of a published compass's open data and programmes
 * (each stance stored as the editor's decision, reason "Importerad"), export of the draft as open
 * data, and publish through the `Publisher` (src/server/published).
 */
import { toOpenData as openDataOf } from '../../domain/bank/open-data.ts';
import { parseCompass } from '../../domain/bank/parse-compass.ts';
import type { Compass } from '../../domain/bank/types.ts';
import type { ImportResult, MetaBody, PublishedVersion } from '../../domain/workbench/api.ts';
import { compassToDraft, draftToCompass } from '../../domain/workbench/draft.ts';
import { sha256Hex } from '../../domain/workbench/programme-text.ts';
import { assembleDraft, nextStamp } from './draft.ts';
import {
  checkMeta,
  type Context,
  decisionId,
  type DecisionItem,
  META_ID,
  type ProgrammeItem,
} from './items.ts';
import { WorkbenchError } from './messages.ts';
import type { Change } from './types.ts';

export const IMPORT_REASON = 'Importerad';

export interface ImportBody {
  readonly compass: unknown;
  readonly programmes: Readonly<Record<string, string>>;
}

/** Imports into a workspace without parties and statements (else 409 `workspace-not-empty`). */
export async function importCompass(
  ctx: Context,
  workspace: string,
  body: ImportBody,
): Promise<ImportResult> {
  const { store } = ctx;
  const [parties, statements, meta] = await Promise.all([
    store.readItems(workspace, 'party'),
    store.readItems(workspace, 'statement'),
    store.readItem(workspace, 'meta', META_ID),
  ]);
  if (parties.length > 0 || statements.length > 0) throw new WorkbenchError('workspace-not-empty');
  // Kept verbatim: a published compass's programmes are the bank's copies, pinned by their
  // SHA-256 (`source.sha256`), and its quotes are checked against them as they are.
  const programmes = body.programmes;
  const parsed = parseCompass(body.compass, programmes);
  if (!parsed.ok) throw new WorkbenchError('compass-invalid', { issues: parsed.issues });
  const { draft, issues } = compassToDraft(parsed.compass, programmes);
  const metaBody = withoutKeys(draft.meta, ['version', 'coded']) as MetaBody;
  const at = ctx.now().getTime();
  const item = (
    kind: Extract<Change, { type: 'item' }>['kind'],
    id: string,
    value: unknown,
  ): Change => ({
    type: 'item',
    kind,
    id,
    expected: null,
    body: value,
  });
  const changes: Change[] = [
    {
      ...item('meta', META_ID, metaBody satisfies MetaBody),
      expected: meta?.version ?? null,
    } as Change,
    ...draft.parties.map(({ id, ...party }, order) => item('party', id, { ...party, order })),
    ...draft.statements.map(({ id, ...statement }, order) =>
      item('statement', id, { ...statement, order }),
    ),
  ];
  for (const [party, programme] of Object.entries(draft.programmes))
    changes.push(
      item('programme', party, {
        ...programme,
        sha256: await sha256Hex(programme.text),
      } satisfies ProgrammeItem),
    );
  for (const coding of draft.codings) {
    const decision: DecisionItem = {
      position: coding.position,
      kind: coding.kind,
      confidence: coding.confidence,
      quotes: coding.quotes.map((q) => ({ ...q, lost: false })),
      note: coding.note,
      reason: IMPORT_REASON,
    };
    changes.push(item('decision', decisionId(coding.statement, coding.party), decision), {
      type: 'log',
      entry: {
        statement: coding.statement,
        party: coding.party,
        version: 1,
        role: 'editor',
        at,
        reason: IMPORT_REASON,
        positionHalves: coding.position === null ? null : coding.position * 2,
        kind: coding.kind,
      },
    });
  }
  const result = await store.applyChanges(workspace, changes, at);
  if (!result.ok) throw new WorkbenchError('workspace-not-empty');
  return { statements: draft.statements.length, parties: draft.parties.length, issues };
}

/** The draft assembled and checked for the compass id `id` (422 `draft-invalid` with issues). */
async function checkedCompass(ctx: Context, workspace: string, meta: MetaBody | null) {
  const stamp = await nextStamp(ctx, workspace, meta?.id ?? '');
  const { draft } = await assembleDraft(ctx, workspace, stamp);
  const result = draftToCompass(draft);
  if (result.issues.length > 0)
    throw new WorkbenchError('draft-invalid', { issues: result.issues });
  return result;
}

async function readMeta(ctx: Context, workspace: string): Promise<MetaBody | null> {
  return (
    ((await ctx.store.readItem(workspace, 'meta', META_ID))?.body as MetaBody | undefined) ?? null
  );
}

/**
 * `GET …/export`: the open data publish would write and the programmes. `version` is the number
 * the next publish would get and `coded` today: the service's, as at publish.
 */
export async function exportCompass(ctx: Context, workspace: string) {
  const { compass, programmes } = await checkedCompass(
    ctx,
    workspace,
    await readMeta(ctx, workspace),
  );
  return { compass: openDataOf(compass), programmes };
}

/** `POST …/publish`: the next version of the compass through the publisher. */
export async function publish(
  ctx: Context,
  workspace: string,
  id: string,
): Promise<PublishedVersion> {
  const meta = await readMeta(ctx, workspace);
  if (!meta || meta.id !== id) throw new WorkbenchError('invalid-publish');
  // An imported compass keeps its id, which PUT …/meta has not checked.
  checkMeta(meta);
  const {
    compass,
    programmes,
  }: { compass: Compass; programmes: Readonly<Record<string, string>> } = await checkedCompass(
    ctx,
    workspace,
    meta,
  );
  const outcome = await ctx.publisher.publish({
    id,
    workspace,
    compass,
    programmes,
    ...(meta.region !== undefined ? { region: meta.region } : {}),
    ...(meta.electionDate !== undefined ? { electionDate: meta.electionDate } : {}),
    at: ctx.now().getTime(),
  });
  if (!outcome.published) throw new WorkbenchError('compass-taken');
  return outcome.version;
}

/** A copy of the object without these keys. */
export function withoutKeys(value: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}
