import { scoreVoter } from '../scoring/score-voter.ts';
import type { Voter } from '../scoring/types.ts';
import type { BankIssue, Compass } from './types.ts';

/**
 * The compass's own content rules (compass.yaml `rules`): statement and theme counts, every theme
 * used, each party's coverage, the share of "less" statements, no two parties with identical
 * positions, and no party above the limit for a voter who agrees with everything. Build time only.
 */
export function checkContent(compass: Compass): BankIssue[] {
  const issues: BankIssue[] = [];
  const report = (path: readonly (string | number)[], message: string) =>
    issues.push({ path, message });
  checkContentRules(compass, report);
  if (issues.length === 0) checkAgreeAll(compass, report);
  return issues;
}

function checkContentRules(
  compass: Compass,
  report: (path: readonly (string | number)[], message: string) => void,
): void {
  const { rules, statements, parties, themes } = compass;
  const n = statements.length;
  if (n < rules.minStatements || n > rules.maxStatements)
    report(
      ['statements'],
      `the bank has ${n} statements; this compass needs ${rules.minStatements}–${rules.maxStatements} (rules in compass.yaml)`,
    );
  if (themes.length < rules.minThemes)
    report(
      ['themes'],
      `the compass has ${themes.length} themes; it needs at least ${rules.minThemes}`,
    );
  themes.forEach((theme, i) => {
    if (!statements.some((s) => s.theme === theme.id))
      report(
        ['themes', i, 'id'],
        `theme "${theme.id}" has no statements; add some or remove the theme`,
      );
  });
  if (n === 0) return;

  parties.forEach((party, i) => {
    const stated = statements.filter(
      (s) => (s.stances[party.id]?.position ?? null) !== null,
    ).length;
    if (stated < rules.minCoverage * n)
      report(
        ['parties', i, 'id'],
        `party "${party.id}" takes a stand on ${stated} of ${n} statements (${Math.round((100 * stated) / n)} %); the rule is at least ${Math.round(rules.minCoverage * 100)} %: add statements its programme addresses`,
      );
  });

  const less = statements.filter((s) => s.direction === 'less').length;
  if (less < rules.minLessShare * n)
    report(
      ['statements'],
      `${less} of ${n} statements have direction "less"; at least ${Math.round(rules.minLessShare * 100)} % must, so that agreeing with everything favours nobody`,
    );

  const vectors = new Map<string, string>();
  parties.forEach((party, i) => {
    const key = statements.map((s) => String(s.stances[party.id]?.position ?? null)).join(',');
    const twin = vectors.get(key);
    if (twin !== undefined)
      report(
        ['parties', i, 'id'],
        `parties "${twin}" and "${party.id}" have identical positions on every statement; the compass cannot tell them apart: add a statement that separates them`,
      );
    else vectors.set(key, party.id);
  });
}

/** Runs only on an otherwise valid bank: the engine needs a stance for every party. */
function checkAgreeAll(
  compass: Compass,
  report: (path: readonly (string | number)[], message: string) => void,
): void {
  const { rules, statements, parties } = compass;
  const agreeAll: Voter = {
    answers: Object.fromEntries(statements.map((s) => [s.id, { answer: 1 }])),
  };
  const result = scoreVoter(compass, agreeAll);
  for (const match of result.status === 'ok' ? result.parties : []) {
    if (match.percent > rules.maxAgreeAllPercent) {
      const i = parties.findIndex((p) => p.id === match.party);
      report(
        ['parties', i, 'id'],
        `a voter who answers "helt för" everywhere gets ${match.percent} % for party "${match.party}" (limit ${rules.maxAgreeAllPercent} %): add or rephrase statements so that agreeing means less where this party is for more`,
      );
    }
  }
}
