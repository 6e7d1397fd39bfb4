import type { Compass } from '../bank/types.ts';
import { overallRule, scoreBlock, themeRule, type Block } from './block.ts';
import { percentHalfUp } from './exact.ts';
import { alphabeticalOrder, rank } from './rank.ts';
import { tally, type Tally } from './tally.ts';
import type {
  Fraction,
  MethodScore,
  OverallPartyScore,
  PartyScore,
  ScoreResult,
  ScoringOptions,
  Stability,
  StabilityLabel,
  ThemeScores,
  Voter,
} from './types.ts';

/** Answers needed for a result that is not preliminary: max(8, ⌈N/3⌉) for N statements. */
export const answersNeeded = (statementCount: number): number =>
  Math.max(8, Math.ceil(statementCount / 3));

/** τ = 1 "stabilt", 0.75 ≤ τ < 1 "ganska stabilt", below that "känsligt". */
export function stabilityLabel(tau: Fraction): StabilityLabel {
  if (tau.numerator === tau.denominator) return 'stabilt';
  return 4 * tau.numerator >= 3 * tau.denominator ? 'ganska stabilt' : 'känsligt';
}

const fraction = (numerator: number, denominator: number): Fraction => ({ numerator, denominator });

/**
 * Scores one voter against a compass as SCORING.md specifies: per party S, K, M, eligibility,
 * rank and leave-one-out range; stability; per-theme scores; and the comparison methods.
 * Pure and deterministic. Throws ScoringError on unknown ids or answers off the scale.
 */
export function scoreVoter(
  compass: Compass,
  voter: Voter,
  options: ScoringOptions = {},
): ScoreResult {
  const t = tally(compass, voter, options);
  const needed = answersNeeded(compass.statements.length);
  const n = t.statements.length;
  if (n === 0) return { status: 'no-result', reason: 'nothing-answered', answered: 0, needed };

  const order = alphabeticalOrder(compass.parties);
  const all = t.statements.map((_, j) => j);
  const overall = scoreBlock(t, all, overallRule);
  const scores = partyScores(t, overall, order);
  const parties = scores.map((score) => {
    const i = t.parties.indexOf(score.party);
    const contributions = Array.from(t.points.subarray(i * n, (i + 1) * n));
    return { ...score, contributions } satisfies OverallPartyScore;
  });

  const themes: Record<string, ThemeScores> = {};
  for (const theme of compass.themes) {
    const columns = all.filter((j) => t.statements[j]!.theme === theme.id);
    if (columns.length === 0) continue;
    themes[theme.id] = {
      answered: columns.length,
      parties: partyScores(t, scoreBlock(t, columns, themeRule), order),
    };
  }

  return {
    status: 'ok',
    answered: n,
    preliminary: n < needed,
    needed,
    statements: t.statements.map((s) => s.id),
    weight: overall.weight,
    parties,
    stability: stability(t, overall),
    themes,
    methods: {
      statedOnly: methodScores(t, overall, order, (i) =>
        overall.covered[i] === 0
          ? null
          : percentHalfUp(overall.agreed[i]!, 4 * overall.covered[i]!),
      ),
      wahlOMat: methodScores(t, overall, order, (i) =>
        percentHalfUp(overall.wahlOMat[i]!, 2 * overall.weight),
      ),
    },
  };
}

function partyScores(t: Tally, block: Block, order: ReadonlyMap<string, number>): PartyScore[] {
  const items = t.parties.map((party, i) => ({
    party,
    percent: block.percent[i]!,
    eligible: block.reasons[i] === null,
  }));
  const ranking = rank(items, order);
  return ranking.order.map((i): PartyScore => {
    const exactScore = fraction(block.points[i]!, 16 * block.weight);
    const exactCoverage = fraction(block.covered[i]!, 4 * block.weight);
    const exactAgreement =
      block.covered[i] === 0 ? null : fraction(block.agreed[i]!, 4 * block.covered[i]!);
    return {
      party: t.parties[i]!,
      percent: block.percent[i]!,
      score: exactScore.numerator / exactScore.denominator,
      exactScore,
      coverage: exactCoverage.numerator / exactCoverage.denominator,
      exactCoverage,
      agreement: exactAgreement && exactAgreement.numerator / exactAgreement.denominator,
      exactAgreement,
      stated: block.stated[i]!,
      eligible: block.reasons[i] === null,
      reason: block.reasons[i]!,
      rank: ranking.ranks[i]!,
      range: [block.low[i]!, block.high[i]!],
    };
  });
}

function stability(t: Tally, block: Block): Stability {
  const top = block.top.map((i) => t.parties[i]!);
  if (block.runs === 0) return { tau: null, exactTau: null, label: null, flips: [], top };
  const exactTau = fraction(block.runs - block.flips.length, block.runs);
  return {
    tau: exactTau.numerator / exactTau.denominator,
    exactTau,
    label: stabilityLabel(exactTau),
    flips: block.flips.map((j) => t.statements[j]!.id),
    top,
  };
}

function methodScores(
  t: Tally,
  block: Block,
  order: ReadonlyMap<string, number>,
  percentOf: (i: number) => number | null,
): MethodScore[] {
  const items = t.parties.map((party, i) => ({
    party,
    percent: percentOf(i),
    eligible: block.reasons[i] === null,
  }));
  const ranking = rank(items, order);
  return ranking.order.map((i) => ({
    party: items[i]!.party,
    percent: items[i]!.percent,
    eligible: items[i]!.eligible,
    rank: ranking.ranks[i]!,
  }));
}
