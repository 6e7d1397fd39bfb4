import type { Voter } from '../scoring/index.ts';
import { scoreVoter } from '../scoring/index.ts';
import { checkLanguages } from './languages.ts';
import { countWords, lix, median } from './lix.ts';
import type { BankIssue, Compass } from './types.ts';

type Report = (path: readonly (string | number)[], message: string) => void;

/**
 * The compass's own content rules (compass.yaml `rules`): statement and theme counts, every theme
 * used, each party's coverage, the share of "less" statements, no two parties with identical
 * positions, no party above the limit for a voter who agrees with everything, the easy-read
 * rules (`rules.easyRead`), and each language in every text or in none (languages.ts). Build time
 * only (and in the workbench), not in the browser's load of a compass: its start page carries
 * parseCompass, and the app shows a text a compass lacks in Swedish anyway.
 */
export function checkContent(compass: Compass): BankIssue[] {
  const issues: BankIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  checkContentRules(compass, report);
  if (issues.length === 0) checkAgreeAll(compass, report);
  checkEasyRead(compass, report);
  issues.push(...checkLanguages(compass));
  return issues;
}

/** How many of the worst statements a median-LIX message names. */
const WORST_SHOWN = 3;
const oneDecimal = (x: number): string => (Math.round(x * 10) / 10).toString();

/**
 * Easy-read Swedish (lättläst), only when compass.yaml has `rules.easyRead`: an `easy` block on
 * every statement when `required`, no `easy.text` over `maxWords` words, and the median LIX of the
 * easy texts and of the easy explainers each at most `maxMedianLix`. Words and LIX as in lix.ts.
 */
export function checkEasyRead(compass: Compass, report: Report): void {
  const rule = compass.rules.easyRead;
  if (rule === undefined) return;
  const easy = compass.statements.flatMap((s, i) => (s.easy ? [{ s, i, easy: s.easy }] : []));

  if (rule.required)
    compass.statements.forEach((s, i) => {
      if (!s.easy)
        report(
          ['statements', i],
          `statement "${s.id}" has no easy-read version, which this compass requires (rules.easyRead in compass.yaml); add "easy:" with "text:" and "explainer:" in easy-read Swedish after its explainer, asking exactly the same question`,
        );
    });

  const { maxWords, maxMedianLix } = rule;
  if (maxWords !== undefined)
    for (const { s, i, easy: e } of easy) {
      const n = countWords(e.text);
      if (n > maxWords)
        report(
          ['statements', i, 'easy', 'text'],
          `statement "${s.id}": easy.text has ${n} words; the limit is ${maxWords} (rules.easyRead.maxWords): shorten it without changing the question, and move background to easy.explainer`,
        );
    }

  if (maxMedianLix !== undefined && easy.length > 0)
    for (const field of ['text', 'explainer'] as const) {
      const scored = easy
        .map(({ s, i, easy: e }) => ({ id: s.id, i, lix: lix(e[field]) }))
        .sort((a, b) => b.lix - a.lix);
      const mid = median(scored.map((x) => x.lix));
      if (mid <= maxMedianLix) continue;
      const worst = scored
        .slice(0, WORST_SHOWN)
        .map((x) => `"${x.id}" (LIX ${oneDecimal(x.lix)})`)
        .join(', ');
      report(
        ['statements', scored[0]!.i, 'easy', field],
        `the median LIX of the easy-read ${field === 'text' ? 'texts (easy.text)' : 'explainers (easy.explainer)'} is ${oneDecimal(mid)}; the limit is ${maxMedianLix} (rules.easyRead.maxMedianLix): use shorter sentences and shorter everyday words, starting with the hardest: ${worst}`,
      );
    }
}

function checkContentRules(compass: Compass, report: Report): void {
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
function checkAgreeAll(compass: Compass, report: Report): void {
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
