/**
 * The editor's side of reconciliation: the two coders' agreement (`GET …/agreement`, the same
 * figures as `npm run bank:agreement` through `cellAgreement`) and the editor's decisions
 * (`PUT …/decisions/{statement}/{party}`), each write appended to the decisions log in the same
 * transaction.
 */
import { cellAgreement } from '../../domain/workbench/agreement.ts';
import type { AgreementJson, CodingJson, DecisionBody } from '../../domain/workbench/api.ts';
import {
  type Context,
  decisionId,
  type DecisionItem,
  mustExist,
  type ProgrammeItem,
  writeItem,
} from './items.ts';
import { WorkbenchError } from './messages.ts';
import { quoteIn } from './quotes.ts';
import type { Role } from './types.ts';
import { codingJson } from './view.ts';

/** Agreement of two coders: those named (`a,b`), else the first two added. */
export async function agreement(
  ctx: Context,
  workspace: string,
  named: string | undefined,
): Promise<AgreementJson> {
  const coders = await ctx.store.listCoders(workspace);
  let pair = coders.slice(0, 2);
  if (named !== undefined) {
    const [a, b] = named.split(',') as [string, string];
    if (a === b) throw new WorkbenchError('invalid-coders');
    pair = [a, b].map((id) => {
      const found = coders.find((c) => c.id === id);
      if (!found) throw new WorkbenchError('unknown-coder');
      return found;
    });
  }
  if (pair.length < 2) throw new WorkbenchError('too-few-coders');
  const [a, b] = pair as [(typeof coders)[0], (typeof coders)[0]];
  const cellsOf = async (coder: string) =>
    (await ctx.store.readCodings(workspace, { coder })).map((stored) => {
      const coding = codingJson(stored, stored);
      return { statement: stored.statement, party: stored.party, coding };
    });
  const result = cellAgreement<CodingJson>(await cellsOf(a.id), await cellsOf(b.id));
  return {
    coders: [a, b],
    cells: result.cells,
    onlyA: result.onlyA,
    onlyB: result.onlyB,
    direction: { percent: result.direction.percent, kappa: result.direction.kappa },
    position: { percent: result.position.percent, kappa: result.position.kappa },
    disagreements: result.disagreements,
  };
}

/** The decision as stored: kind, position and quotes agree, every quote is in the programme. */
export async function checkedDecision(
  ctx: Context,
  workspace: string,
  cell: { statement: string; party: string },
  body: DecisionBody,
): Promise<{ decision: DecisionItem; programme?: number | null }> {
  await mustExist(ctx, workspace, 'statement', cell.statement, 'unknown-statement');
  await mustExist(ctx, workspace, 'party', cell.party, 'unknown-party');
  const { position, kind, quotes } = body;
  const consistent =
    kind === 'silent'
      ? position === null && quotes.length === 0
      : kind === 'stated'
        ? position !== null && quotes.length > 0
        : position !== null;
  if (!consistent) throw new WorkbenchError('inconsistent-decision');
  if (quotes.some((q) => q.start >= q.end)) throw new WorkbenchError('invalid-quote');
  const stored =
    quotes.length === 0 ? null : await ctx.store.readItem(workspace, 'programme', cell.party);
  const programme = (stored?.body as ProgrammeItem | undefined) ?? null;
  const decision: DecisionItem = {
    position,
    kind,
    confidence: body.confidence ?? 'explicit',
    quotes: quotes.map((q) => ({ ...quoteIn(programme, q), lost: false })),
    note: body.note,
    reason: body.reason.trim(),
  };
  return quotes.length === 0 ? { decision } : { decision, programme: stored?.version ?? null };
}

/** Writes the decision and its log row in one transaction. */
export async function putDecision(
  ctx: Context,
  workspace: string,
  cell: { statement: string; party: string },
  checked: { decision: DecisionItem; programme?: number | null },
  expected: number | null,
  role: Role = 'editor',
): Promise<{ version: number }> {
  const { decision } = checked;
  const version = (expected ?? 0) + 1;
  const { version: written } = await writeItem(
    ctx,
    workspace,
    { kind: 'decision', id: decisionId(cell.statement, cell.party), body: decision },
    expected,
    [
      {
        type: 'log',
        entry: {
          ...cell,
          version,
          role,
          at: ctx.now().getTime(),
          reason: decision.reason,
          positionHalves: decision.position === null ? null : decision.position * 2,
          kind: decision.kind,
        },
      },
      // Its quotes were checked against this version of the programme (RetryError if replaced).
      ...(checked.programme === undefined
        ? []
        : [
            {
              type: 'check',
              kind: 'programme',
              id: cell.party,
              expected: checked.programme,
            } as const,
          ]),
    ],
  );
  return { version: written! };
}
