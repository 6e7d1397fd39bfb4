/**
 * The draft a workspace view gives (src/domain/workbench/draft.ts), for checking it in the
 * browser with the bank's own rules (`draftToCompass`) while editing: the editor's decisions are
 * the reconciled codings. The service assembles its own draft for `GET …/draft` and publishing.
 */
import { agreedCoding } from '../../../domain/workbench/agreed.ts';
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
