/** The draft check's issues, found by the field they concern (`DraftIssue.where`). */
import type { DraftIssue, DraftWhere } from '../../../domain/workbench/draft.ts';

type Whereabouts = Partial<Record<'theme' | 'term' | 'party' | 'programme' | 'statement', string>>;

const SCOPES = ['theme', 'term', 'party', 'programme', 'statement'] as const;

const scopeOf = (where: DraftWhere): Whereabouts & { cell: boolean } => ({
  ...where,
  cell: 'statement' in where && 'party' in where,
});

/**
 * The messages at `field` of one scope: `{}` for the compass's own fields, `{ statement: id }`
 * for a statement's (a coding's cell is not a statement field), and so on. `field` matches itself
 * and what lies under it (`text` matches `text.sv`).
 */
export function issuesAt(
  issues: readonly DraftIssue[],
  scope: Whereabouts,
  field: string,
): string[] {
  return issues
    .filter(({ where }) => {
      const s = scopeOf(where);
      if (s.cell) return false;
      if (!SCOPES.every((k) => s[k] === scope[k])) return false;
      return where.field === field || where.field.startsWith(`${field}.`);
    })
    .map((i) => i.message);
}

/** The messages of one scope that no shown field took. */
export function otherIssues(
  issues: readonly DraftIssue[],
  scope: Whereabouts,
  shown: readonly string[],
): string[] {
  const taken = new Set(shown.flatMap((field) => issuesAt(issues, scope, field)));
  return issues
    .filter(({ where }) => {
      const s = scopeOf(where);
      return !s.cell && SCOPES.every((k) => s[k] === scope[k]);
    })
    .map((i) => i.message)
    .filter((m, i, all) => !taken.has(m) && all.indexOf(m) === i);
}

/** The id of a field's element, so that an issue can link to it: `wb-<scope>-<field>`. */
export const fieldDomId = (scope: string, field: string) =>
  `wb-${scope}-${field}`.replace(/[^A-Za-z0-9_-]/g, '-');
