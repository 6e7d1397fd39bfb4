/**
 * `PUT …/programmes/{party}`: the programme text normalized as the bank keeps its copies, its
 * SHA-256, and every stored quote of that party (coders' codings and the editor's decisions)
 * found again by its text in the new programme, all in one transaction with the programme. A
 * quote not found again (or found more than once) keeps its text and old offsets and is flagged
 * lost; nothing is deleted. A coding or decision that changes gets a new version, so a client
 * holding the old one is told (409) rather than overwriting the move.
 */
import type { ProgrammeBody, ProgrammePutResult } from '../../domain/workbench/api.ts';
import { normalizeProgramme, sha256Hex } from '../../domain/workbench/programme-text.ts';
import type { QuoteRange } from '../../domain/workbench/quotes.ts';
import {
  type Context,
  decisionId,
  type DecisionItem,
  type ProgrammeItem,
  RetryError,
  writeItem,
} from './items.ts';
import { WorkbenchError } from './messages.ts';
import { moveQuotes } from './quotes.ts';
import type { Change, KeyedCoding } from './types.ts';

/** How often a replacement is retried when a coding or decision changed while it was read. */
const ATTEMPTS = 5;

export async function putProgramme(
  ctx: Context,
  workspace: string,
  party: string,
  body: ProgrammeBody,
  expected: number | null,
): Promise<ProgrammePutResult> {
  if (!(await ctx.store.readItem(workspace, 'party', party)))
    throw new WorkbenchError('unknown-party');
  const text = normalizeProgramme(body.text);
  if (text === '') throw new WorkbenchError('invalid-programme');
  const programme: ProgrammeItem = {
    text,
    boilerplate: body.boilerplate.map((passage) => passage.trim()).filter((p) => p !== ''),
    sha256: await sha256Hex(text),
  };
  for (let attempt = 1; ; attempt++) {
    const moves = await quoteMoves(ctx, workspace, party, programme);
    try {
      const { version } = await writeItem(
        ctx,
        workspace,
        { kind: 'programme', id: party, body: programme },
        expected,
        moves.changes,
      );
      return { version: version!, sha256: programme.sha256, ...moves.result };
    } catch (error) {
      if (!(error instanceof RetryError) || attempt === ATTEMPTS) throw error;
    }
  }
}

/** The writes that move the party's quotes into the new text, and what they found. */
async function quoteMoves(
  ctx: Context,
  workspace: string,
  party: string,
  programme: ProgrammeItem,
): Promise<{ changes: Change[]; result: Omit<ProgrammePutResult, 'version' | 'sha256'> }> {
  const old = (await ctx.store.readItem(workspace, 'programme', party))?.body as
    ProgrammeItem | undefined;
  const codings = await ctx.store.readCodings(workspace, { party });
  const decisions = (await ctx.store.readItems(workspace, 'decision')).filter(
    (item) => item.id.split('/')[1] === party,
  );
  const changes: Change[] = [];
  const lost: { statement: string; coder: string | null }[] = [];
  let reanchored = 0;
  const move = (quotes: QuoteRange[]) => {
    const moved = moveQuotes(programme.text, programme.boilerplate, quotes);
    reanchored += moved.filter((q) => !q.lost).length;
    return moved;
  };
  for (const coding of codings) {
    const quote = quoteOf(coding, old);
    if (!quote) continue;
    const [moved] = move([quote]);
    if (moved!.lost) lost.push({ statement: coding.statement, coder: coding.coder });
    changes.push({
      type: 'coding',
      key: { coder: coding.coder, statement: coding.statement, party },
      expected: coding.version,
      coding: {
        ...coding,
        quoteStart: moved!.start,
        quoteEnd: moved!.end,
        quoteText: moved!.text,
        quoteLost: moved!.lost,
      },
    });
  }
  for (const item of decisions) {
    const decision = item.body as DecisionItem;
    if (decision.quotes.length === 0) continue;
    const moved = move([...decision.quotes]);
    const statement = item.id.split('/')[0]!;
    if (moved.some((q) => q.lost)) lost.push({ statement, coder: null });
    changes.push({
      type: 'item',
      kind: 'decision',
      id: decisionId(statement, party),
      expected: item.version,
      body: { ...decision, quotes: moved } satisfies DecisionItem,
    });
  }
  return { changes, result: { reanchored, lost } };
}

/** A coding's quote with its text: as stored, else the old programme's slice. */
function quoteOf(coding: KeyedCoding, old: ProgrammeItem | undefined): QuoteRange | null {
  if (coding.quoteStart === null || coding.quoteEnd === null) return null;
  const text = coding.quoteText ?? old?.text.slice(coding.quoteStart, coding.quoteEnd) ?? '';
  return { start: coding.quoteStart, end: coding.quoteEnd, text };
}
