import type { Compass } from '../bank/types.ts';
import { type Block, ELIGIBLE, overallRule, reasonOf, scoreBlock, themeRule } from './block.ts';
import { percentHalfUp } from './exact.ts';
import { alphabeticalOrder, rank } from './rank.ts';
import { type Tally, tally } from './tally.ts';
import * as term from './term.ts';
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

/** τ = 1 `stable`, 0.75 ≤ τ < 1 `fairly-stable`, below that `sensitive`. */
export function stabilityLabel(tau: Fraction): StabilityLabel {
  if (tau.numerator === tau.denominator) return 'stable';
  return 4 * tau.numerator >= 3 * tau.denominator ? 'fairly-stable' : 'sensitive';
}

const fraction = (numerator: number, denominator: number): Fraction => ({ numerator, denominator });

/**
 * Scores one voter against a compass as docs/method.md specifies: per party S, K, M,
 * eligibility, rank and leave-one-out range; stability; per-theme scores; and the comparison
 * methods. Pure and deterministic; returns plain, read-only data (safe to serialise, clone and
 * compare). Throws ScoringError on unknown ids or answers off the scale.
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
  const parties = Array.from(ranking.order, (i): PartyScore =>
    partyScore(t, overall, i, ranking.ranks[i]!, all),
  );

  const themes: Record<string, ThemeScores> = {};
  for (const theme of compass.themes) {
    const columns = all.filter((j) => t.statements[j]!.theme === theme.id);
    if (columns.length === 0) continue;
    // Themes show a percentage only: no leave-one-out ranges or stability per theme.
    const block = scoreBlock(t, columns, themeRule, { leaveOneOut: false });
    const order = ranking.order;
    const percent = new Array<number | null>(order.length);
    const points = new Array<number>(order.length);
    const stated = new Array<number>(order.length);
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      percent[k] = block.codes[i] === ELIGIBLE ? block.percent[i]! : null;
      points[k] = block.points[i]!;
      stated[k] = block.stated[i]!;
    }
    themes[theme.id] = {
      answered: columns.length,
      statements: columns.map((j) => t.statements[j]!.id),
      weight: block.weight,
      percent,
      points,
      stated,
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

/** Each party's place in Swedish alphabetical order, as the ranking wants it. */
interface Alphabet {
  readonly alpha: Int32Array;
  readonly span: number;
}

/** Ranked percent: the percent when eligible, −1 when not. */
function rankable(block: Block): Int32Array {
  const out = new Int32Array(block.percent.length);
  for (let i = 0; i < out.length; i++)
    out[i] = block.codes[i] === ELIGIBLE ? block.percent[i]! : -1;
  return out;
}

const { termPoints } = term; // a local binding: called parties × statements times

/** w·16e of party i on each of the given answered statements. */
function contributionsOf(t: Tally, i: number, columns: readonly number[]): number[] {
  const base = i * t.statements.length;
  const out = new Array<number>(columns.length);
  for (let k = 0; k < columns.length; k++) out[k] = termPoints(t.packed[base + columns[k]!]!);
  return out;
}

/** Party i's scores over a block; `columns` are the block's answered-statement indices. */
function partyScore(
  t: Tally,
  block: Block,
  i: number,
  rankOf: number,
  columns: readonly number[],
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
    agreementPercent:
      exactAgreement === null
        ? null
        : percentHalfUp(exactAgreement.numerator, exactAgreement.denominator),
    stated: block.stated[i]!,
    eligible: reason === null,
    reason,
    rank: rankOf === 0 ? null : rankOf,
    range: [block.low[i]!, block.high[i]!],
    contributions: contributionsOf(t, i, columns),
  };
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
    ranked[i] = block.codes[i] === ELIGIBLE && percents[i] !== null ? percents[i]! : -1;
  const ranking = rank(alphabet.alpha, alphabet.span, ranked);
  return Array.from(ranking.order, (i) => ({
    party: t.parties[i]!,
    percent: percents[i]!,
    eligible: block.codes[i] === ELIGIBLE,
    rank: ranking.ranks[i] === 0 ? null : ranking.ranks[i]!,
  }));
}
