/**
 * What a key may see of a workspace (`GET /api/workspaces/{w}`, WorkspaceView) and the JSON of a
 * coding and a decision. A coder sees the settings, parties, programmes and statements and its
 * own codings only: never another coder's codings, the decisions or the log.
 */
import type { Position } from '../../domain/bank/types.ts';
import type {
  CoderInfo,
  CodingJson,
  DecisionLogEntry,
  MetaBody,
  PartyBody,
  StatementBody,
  WorkspaceView,
} from '../../domain/workbench/api.ts';
import {
  type Context,
  decisionJson,
  inOrder,
  META_ID,
  partyBody,
  type ProgrammeItem,
  versioned,
} from './items.ts';
import type { CodingKey, KeyRecord, LogRow, StoredCoding } from './types.ts';

export const positionOf = (halves: number | null) =>
  (halves === null ? null : halves / 2) as Position | null;

export function codingJson(key: CodingKey, stored: StoredCoding): CodingJson {
  return {
    statement: key.statement,
    party: key.party,
    coder: key.coder,
    position: positionOf(stored.positionHalves),
    kind: stored.kind,
    confidence: stored.confidence,
    quote: stored.quoteStart === null ? null : { start: stored.quoteStart, end: stored.quoteEnd! },
    quoteText: stored.quoteStart === null ? null : stored.quoteText,
    quoteLost: stored.quoteLost,
    note: stored.note,
    version: stored.version,
    updated: new Date(stored.updatedAt).toISOString(),
  };
}

export const logJson = (row: LogRow): DecisionLogEntry => ({
  statement: row.statement,
  party: row.party,
  role: row.role,
  at: new Date(row.at).toISOString(),
  reason: row.reason,
  position: positionOf(row.positionHalves),
  kind: row.kind,
});

export async function workspaceView(
  ctx: Context,
  workspace: string,
  key: KeyRecord,
): Promise<WorkspaceView> {
  const { store } = ctx;
  const editor = key.role === 'editor';
  const [info, coders, meta, parties, programmes, statements] = await Promise.all([
    store.readWorkspace(workspace),
    store.listCoders(workspace),
    store.readItem(workspace, 'meta', META_ID),
    store.readItems(workspace, 'party'),
    store.readItems(workspace, 'programme'),
    store.readItems(workspace, 'statement'),
  ]);
  const codings = await store.readCodings(workspace, editor ? {} : { coder: key.coder! });
  const own: CoderInfo | null = editor ? null : { id: key.coder!, label: key.label! };
  return {
    workspace: {
      id: workspace,
      title: info?.title ?? '',
      created: new Date(info?.createdAt ?? 0).toISOString(),
    },
    role: key.role,
    coder: own,
    coders: editor ? coders : [own!],
    meta: meta ? versioned<MetaBody>(meta) : null,
    parties: inOrder(parties).map((item) => ({
      ...versioned<PartyBody>(item),
      value: partyBody(item.body),
      id: item.id,
    })),
    programmes: programmes.map((item) => ({ ...versioned<ProgrammeItem>(item), party: item.id })),
    statements: inOrder(statements).map((item) => ({
      ...versioned<StatementBody>(item),
      id: item.id,
    })),
    codings: codings.map((coding) => codingJson(coding, coding)),
    decisions: editor ? (await store.readItems(workspace, 'decision')).map(decisionJson) : [],
    log: editor ? (await store.readLog(workspace)).map(logJson) : [],
    published: await ctx.publisher.versionsOf(workspace),
  };
}
