/**
 * The draft as publish assembles it from storage, and its check (`GET …/draft`). A cell
 * (statement, party) takes the editor's decision; without one, the coders' coding when every
 * coder of the workspace coded it and all agree on position and kind (confidence `general` if
 * any coder said so; every coder's quote, each once; their notes, each once); otherwise it is
 * undecided and left out, which `draftToCompass` reports at the cell. Items of a deleted party or
 * statement (codings, decisions, a programme) stay stored but are not part of the draft.
 */
import { agreedCoding } from '../../domain/workbench/agreed.ts';
import type { DraftCheckJson, MetaBody, StatementBody } from '../../domain/workbench/api.ts';
import type { Draft, DraftCoding, DraftParty } from '../../domain/workbench/draft.ts';
import { draftToCompass } from '../../domain/workbench/draft.ts';
import {
  type Context,
  type DecisionItem,
  inOrder,
  META_ID,
  partyBody,
  type ProgrammeItem,
} from './items.ts';
import type { KeyedCoding, StoredItem } from './types.ts';
import { positionOf } from './view.ts';

/** Settings for a workspace that has none yet: every missing field is an issue of the check. */
const EMPTY_META: MetaBody = {
  id: '',
  title: { sv: '' },
  description: { sv: '' },
  municipality: '',
  themes: [],
  glossary: [],
  // The bank fills in its defaults (schema.ts) when the draft is checked.
  rules: {} as MetaBody['rules'],
};

export interface Assembled {
  readonly draft: Draft;
  readonly undecided: { statement: string; party: string }[];
  readonly meta: MetaBody | null;
}

/** The workspace's draft, with `version` and `coded` as given. */
export async function assembleDraft(
  ctx: Context,
  workspace: string,
  stamp: { version: string; coded: string },
): Promise<Assembled> {
  const { store } = ctx;
  const [metaItem, partyItems, programmeItems, statementItems, decisionItems, codings, coders] =
    await Promise.all([
      store.readItem(workspace, 'meta', META_ID),
      store.readItems(workspace, 'party'),
      store.readItems(workspace, 'programme'),
      store.readItems(workspace, 'statement'),
      store.readItems(workspace, 'decision'),
      store.readCodings(workspace),
      store.listCoders(workspace),
    ]);
  const meta = (metaItem?.body as MetaBody | undefined) ?? null;
  const programmes = new Map(programmeItems.map((i) => [i.id, i.body as ProgrammeItem]));
  const parties: DraftParty[] = inOrder(partyItems).map((item) =>
    partyOf(item, programmes.get(item.id)),
  );
  const statements = inOrder(statementItems).map((item) => {
    const { order, ...rest } = item.body as StatementBody;
    void order; // the draft's statements are in this order; the number itself is not part of it
    return { ...rest, id: item.id };
  });
  const decisions = new Map(decisionItems.map((i) => [i.id, i.body as DecisionItem]));
  const undecided: { statement: string; party: string }[] = [];
  const draftCodings: DraftCoding[] = [];
  for (const s of statements)
    for (const p of parties) {
      const decision = decisions.get(`${s.id}/${p.id}`);
      const cell = { statement: s.id, party: p.id };
      const coded = decision
        ? fromDecision(cell, decision)
        : fromCoders(
            cell,
            codings.filter((c) => c.statement === s.id && c.party === p.id),
            coders.length,
          );
      if (coded) draftCodings.push(coded);
      else undecided.push(cell);
    }
  const draft: Draft = {
    meta: { ...(meta ?? EMPTY_META), ...stamp },
    parties,
    programmes: Object.fromEntries(
      parties.flatMap((p) => {
        const programme = programmes.get(p.id);
        return programme
          ? [[p.id, { text: programme.text, boilerplate: programme.boilerplate }]]
          : [];
      }),
    ),
    statements,
    codings: draftCodings,
  };
  return { draft, undecided, meta };
}

/** The party as the draft has it; its source's SHA-256 is the stored programme's. */
function partyOf(item: StoredItem, programme: ProgrammeItem | undefined): DraftParty {
  const body = partyBody(item.body);
  return {
    ...body,
    id: item.id,
    source: { ...body.source, ...(programme ? { sha256: programme.sha256 } : {}) },
  };
}

function fromDecision(
  cell: { statement: string; party: string },
  decision: DecisionItem,
): DraftCoding {
  return {
    ...cell,
    position: decision.position as DraftCoding['position'],
    kind: decision.kind,
    confidence: decision.confidence,
    quotes: decision.quotes.map(({ start, end, text }) => ({ start, end, text })),
    note: decision.note,
  };
}

/** The coders' common coding (the engine's rule, which the browser's check uses too). */
function fromCoders(
  cell: { statement: string; party: string },
  codings: readonly KeyedCoding[],
  coders: number,
): DraftCoding | null {
  return agreedCoding(
    cell,
    codings.map((c) => ({
      position: positionOf(c.positionHalves),
      kind: c.kind,
      confidence: c.confidence,
      quote:
        c.quoteStart === null || c.quoteEnd === null
          ? null
          : { start: c.quoteStart, end: c.quoteEnd },
      quoteText: c.quoteText,
      note: c.note,
    })),
    coders,
  );
}

/** `GET …/draft`: the issues publish would refuse, and the undecided cells. */
export async function checkDraft(ctx: Context, workspace: string): Promise<DraftCheckJson> {
  const meta = await ctx.store.readItem(workspace, 'meta', META_ID);
  const stamp = await nextStamp(ctx, workspace, (meta?.body as MetaBody | undefined)?.id ?? '');
  const { draft, undecided } = await assembleDraft(ctx, workspace, stamp);
  return { issues: draftToCompass(draft).issues, undecided };
}

/**
 * What publish writes into `version` and `coded`: the next version number of the compass id
 * (one more than this workspace's last publish of it; 1 the first time) and today's date in
 * Sweden.
 */
export async function nextStamp(ctx: Context, workspace: string, id: string) {
  const versions = await ctx.publisher.versionsOf(workspace);
  const last = Math.max(0, ...versions.filter((v) => v.compass === id).map((v) => v.version));
  // The date in Sweden (a newsroom publishing at half past midnight codes today, not yesterday).
  const coded = ctx.now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
  return { version: String(last + 1), coded };
}
