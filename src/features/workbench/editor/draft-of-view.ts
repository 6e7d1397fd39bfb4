/**
 * The draft a workspace view gives (src/domain/workbench/draft.ts), for checking it in the
 * browser with the bank's own rules (`draftToCompass`) while editing: the editor's decisions are
 * the reconciled codings. The service assembles its own draft for `GET …/draft` and publishing.
 */
import type { CodingJson, MetaBody, WorkspaceView } from '../../../domain/workbench/api.ts';
import type { Draft, DraftCoding } from '../../../domain/workbench/draft.ts';

/** A new compass's settings: empty texts and the rules of a municipal compass of 20–32 statements. */
export const EMPTY_META: MetaBody = {
  id: '',
  title: { sv: '' },
  description: { sv: '' },
  municipality: '',
  themes: [],
  glossary: [],
  rules: {
    minStatements: 20,
    maxStatements: 32,
    minThemes: 4,
    minCoverage: 0.3,
    minLessShare: 0.3,
    maxAgreeAllPercent: 75,
  },
};

type ViewParts = Pick<
  WorkspaceView,
  'meta' | 'parties' | 'programmes' | 'statements' | 'decisions'
> &
  Partial<Pick<WorkspaceView, 'codings' | 'coders'>>;

/**
 * The coders' common coding of a cell without a decision, as the service assembles its draft
 * (src/server/workbench/draft.ts): only when every coder coded it and all agree on position and
 * kind; confidence `general` if any coder said so, every quote once, every note once.
 */
function agreedCoding(
  cell: { readonly statement: string; readonly party: string },
  codings: readonly CodingJson[],
  coders: number,
): DraftCoding | null {
  const first = codings[0];
  if (!first || coders === 0 || codings.length < coders) return null;
  if (!codings.every((c) => c.position === first.position && c.kind === first.kind)) return null;
  const quotes = new Map<string, { start: number; end: number; text: string }>();
  for (const c of codings)
    if (c.quote)
      quotes.set(`${c.quote.start}:${c.quote.end}`, { ...c.quote, text: c.quoteText ?? '' });
  const notes = [...new Set(codings.map((c) => c.note.trim()).filter((n) => n !== ''))];
  return {
    ...cell,
    position: first.position,
    kind: first.kind,
    confidence: codings.some((c) => c.confidence === 'general') ? 'general' : 'explicit',
    quotes: [...quotes.values()],
    note: notes.join('\n\n'),
  };
}

/** The statements in the quiz's order: by `order`, ties by id. */
export function orderedStatements<
  T extends { readonly id: string; readonly value: { readonly order: number } },
>(view: { readonly statements: readonly T[] }): T[] {
  return [...view.statements].sort(
    (a, b) => a.value.order - b.value.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export function draftOfView(view: ViewParts, today: string): Draft {
  const meta = view.meta?.value ?? EMPTY_META;
  return {
    meta: { ...meta, version: '1.0.0', coded: today },
    parties: view.parties.map((p) => ({ id: p.id, ...p.value })),
    programmes: Object.fromEntries(
      view.programmes.map((p) => [
        p.party,
        { text: p.value.text, boilerplate: p.value.boilerplate },
      ]),
    ),
    statements: orderedStatements(view).map(({ id, value }) => ({
      id,
      theme: value.theme,
      direction: value.direction,
      text: value.text,
      explainer: value.explainer,
      ...(value.easy !== undefined ? { easy: value.easy } : {}),
      terms: value.terms,
    })),
    codings: [
      ...view.decisions.map((d) => ({
        statement: d.statement,
        party: d.party,
        position: d.position,
        kind: d.kind,
        confidence: d.confidence ?? 'explicit',
        quotes: d.quotes.map(({ start, end, text }) => ({ start, end, text })),
        note: d.note,
      })),
      ...agreedCells(view),
    ],
  };
}

/** The cells without a decision that the coders agree on (none without the coders' codings). */
function agreedCells(view: ViewParts): DraftCoding[] {
  const decided = new Set(view.decisions.map((d) => JSON.stringify([d.statement, d.party])));
  const byCell = new Map<string, CodingJson[]>();
  for (const c of view.codings ?? []) {
    const key = JSON.stringify([c.statement, c.party]);
    if (!decided.has(key)) byCell.set(key, [...(byCell.get(key) ?? []), c]);
  }
  const coders = view.coders?.length ?? 0;
  return [...byCell.values()].flatMap((codings) => {
    const { statement, party } = codings[0]!;
    const agreed = agreedCoding({ statement, party }, codings, coders);
    return agreed ? [agreed] : [];
  });
}
