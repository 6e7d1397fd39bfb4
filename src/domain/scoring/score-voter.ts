import type { Compass } from '../bank/types.ts';
import { overallRule, reasonOf, scoreBlock, themeRule, type Block } from './block.ts';
import { percentHalfUp } from './exact.ts';
import { alphabeticalOrder, rank } from './rank.ts';
import { tally, termPoints, type Tally } from './tally.ts';
import type {
  Fraction,
  MethodScore,
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
  const alphabet: Alphabet = {
    alpha: Int32Array.from(t.parties, (id) => order.get(id)!),
    span: order.size,
  };
  const all = t.statements.map((_, j) => j);
  const overall = scoreBlock(t, all, overallRule);
  const ranking = rank(alphabet.alpha, alphabet.span, rankable(overall));
  // Every party's contributions in one buffer; each party gets a view of its own row.
  const points = t.packed.map(termPoints);
  const parties = Array.from(ranking.order, (i): PartyScore =>
    partyScore(t, overall, i, ranking.ranks[i]!, points.subarray(i * n, (i + 1) * n)),
  );

  const themes: Record<string, ThemeScores> = {};
  for (const theme of compass.themes) {
    const columns = all.filter((j) => t.statements[j]!.theme === theme.id);
    if (columns.length === 0) continue;
    const block = scoreBlock(t, columns, themeRule);
    themes[theme.id] = themeScores(
      columns.map((j) => t.statements[j]!.id),
      () => themeRows(t, block, columns, alphabet),
    );
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
      statedOnly: methodScores(t, overall, alphabet, (i) =>
        overall.covered[i] === 0
          ? null
          : percentHalfUp(overall.agreed[i]!, 4 * overall.covered[i]!),
      ),
      wahlOMat: methodScores(t, overall, alphabet, (i) =>
        percentHalfUp(overall.wahlOMat[i]!, 2 * overall.weight),
      ),
    },
  };
}

/**
 * A theme's scores. The numbers are computed with the rest; the per-party rows are built on
 * first read (an ordinary enumerable property to JSON, structuredClone and tests), because with
 * 10 000 candidates building rows nobody reads costs more than all the arithmetic.
 */
function themeScores(statements: string[], build: () => PartyScore[]): ThemeScores {
  let parties: PartyScore[] | undefined;
  const scores: Omit<ThemeScores, 'parties'> = { answered: statements.length, statements };
  return Object.defineProperty(scores, 'parties', {
    enumerable: true,
    get: () => (parties ??= build()),
  }) as unknown as ThemeScores;
}

/** Each party's place in Swedish alphabetical order, as the ranking wants it. */
interface Alphabet {
  readonly alpha: Int32Array;
  readonly span: number;
}

/** Ranked percent: the percent when eligible, −1 when not. */
function rankable(block: Block): Int32Array {
  const out = new Int32Array(block.percent.length);
  for (let i = 0; i < out.length; i++) out[i] = block.codes[i] === 0 ? block.percent[i]! : -1;
  return out;
}

function partyScore(
  t: Tally,
  block: Block,
  i: number,
  rankOf: number,
  contributions: Int32Array,
): PartyScore {
  const covered = block.covered[i]!;
  const exactScore = fraction(block.points[i]!, 16 * block.weight);
  const exactCoverage = fraction(covered, 4 * block.weight);
  const exactAgreement = covered === 0 ? null : fraction(block.agreed[i]!, 4 * covered);
  const reason = reasonOf(block.codes[i]!);
  return {
    party: t.parties[i]!,
    percent: block.percent[i]!,
    score: exactScore.numerator / exactScore.denominator,
    exactScore,
    coverage: exactCoverage.numerator / exactCoverage.denominator,
    exactCoverage,
    agreement:
      exactAgreement === null ? null : exactAgreement.numerator / exactAgreement.denominator,
    exactAgreement,
    stated: block.stated[i]!,
    eligible: reason === null,
    reason,
    rank: rankOf === 0 ? null : rankOf,
    range: [block.low[i]!, block.high[i]!],
    contributions,
  };
}

/** A theme's party rows, ranked, each with its contributions over the theme's statements. */
function themeRows(
  t: Tally,
  block: Block,
  columns: readonly number[],
  alphabet: Alphabet,
): PartyScore[] {
  const n = t.statements.length;
  const ranking = rank(alphabet.alpha, alphabet.span, rankable(block));
  return Array.from(ranking.order, (i) =>
    partyScore(
      t,
      block,
      i,
      ranking.ranks[i]!,
      Int32Array.from(columns, (j) => termPoints(t.packed[i * n + j]!)),
    ),
  );
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
  alphabet: Alphabet,
  percentOf: (i: number) => number | null,
): MethodScore[] {
  const percents = t.parties.map((_, i) => percentOf(i));
  const ranked = new Int32Array(percents.length);
  for (let i = 0; i < ranked.length; i++)
    ranked[i] = block.codes[i] === 0 && percents[i] !== null ? percents[i]! : -1;
  const ranking = rank(alphabet.alpha, alphabet.span, ranked);
  return Array.from(ranking.order, (i) => ({
    party: t.parties[i]!,
    percent: percents[i]!,
    eligible: block.codes[i] === 0,
    rank: ranking.ranks[i] === 0 ? null : ranking.ranks[i]!,
  }));
}
