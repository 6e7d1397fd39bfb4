import type { Confidence, Position } from '../bank/types.ts';

/** A voter's answer to one statement: −1 helt emot … 1 helt för, or skipped (does not count). */
export type Answer = Position | 'skip';

export interface VoterAnswer {
  readonly answer: Answer;
  /** "Viktigt för mig": the statement weighs double (w = 2). */
  readonly important?: boolean;
}

/** One voter: answers by statement id (missing ids count as skipped) and an optional party filter. */
export interface Voter {
  readonly answers: Readonly<Record<string, VoterAnswer | undefined>>;
  /** Compare only these parties (ids); all parties when absent. */
  readonly parties?: readonly string[];
}

/** Policies of the engine, explicit options rather than buried constants. */
export interface ScoringOptions {
  /**
   * Replace the confidence of implied positions (coded 0.5) by this value, for robustness
   * analysis. Default: as coded.
   */
  readonly impliedConfidence?: Extract<Confidence, 0.5 | 0.75> | 0.25;
}

/** An exact non-negative rational, numerator / denominator with denominator > 0. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Why a party gets no rank ("för få ställningstaganden i programmet"): its programme takes a
 * stand on fewer than 3 of the voter's answered statements (`too-few-stated`), or on fewer than
 * a quarter of them (`small-share`).
 */
export type IneligibleReason = 'too-few-stated' | 'small-share';

export interface PartyScore {
  readonly party: string;
  /** S as a whole percent, round-half-up of the exact rational, 0..100. */
  readonly percent: number;
  /** S, 0..1 (1 = the voter answered exactly as a party with full coverage). */
  readonly score: number;
  readonly exactScore: Fraction;
  /** K, 0..1: how much of the voter's answers the programme addresses, confidence-weighted. */
  readonly coverage: number;
  readonly exactCoverage: Fraction;
  /** M, 0..1: agreement where the programme takes a stand; null when it takes none ("cannot tell"). */
  readonly agreement: number | null;
  readonly exactAgreement: Fraction | null;
  /**
   * M as a whole percent, round-half-up of the exact rational, 0..100; null when the programme
   * takes no stand ("cannot tell", to be said in words, never shown as 0 %). The only rounding
   * of M: show this, never a rounding of `agreement`.
   */
  readonly agreementPercent: number | null;
  /** Stated positions among the answered statements. */
  readonly stated: number;
  readonly eligible: boolean;
  /** Set exactly when not eligible. */
  readonly reason: IneligibleReason | null;
  /** 1-based; equal percent shares a rank; null when not eligible. */
  readonly rank: number | null;
  /** Lowest and highest percent when any one answered statement is left out; [percent, percent] with one answer. */
  readonly range: readonly [number, number];
  /**
   * w·16·e per answered statement, in the order of the `statements` beside it: integers that sum
   * exactly to `exactScore.numerator` (denominator 16·W). "Why this result".
   */
  readonly contributions: readonly number[];
}

/** τ = 1 `stable` ("stabilt"), 0.75 ≤ τ < 1 `fairly-stable` ("ganska stabilt"), below `sensitive` ("känsligt"). */
export type StabilityLabel = 'stable' | 'fairly-stable' | 'sensitive';

export interface Stability {
  /** Share of leave-one-out runs in which the top party set is unchanged; null with fewer than 2 answers. */
  readonly tau: number | null;
  readonly exactTau: Fraction | null;
  readonly label: StabilityLabel | null;
  /** Statements whose removal changes who comes first, in compass order. */
  readonly flips: readonly string[];
  /** The parties ranked first (several on a tie; none when no party is eligible). */
  readonly top: readonly string[];
}

/**
 * The match within one theme: the same formulas over the theme's answered statements. The
 * per-party lists run parallel to `ScoredVoter.parties` (index i is `parties[i]`), so that a
 * table of themes × parties reads straight across and 10 000 candidates cost a few arrays, not
 * 80 000 small objects.
 */
export interface ThemeScores {
  /** Number of answered statements in this theme. */
  readonly answered: number;
  /** The answered statement ids of this theme, in compass order. */
  readonly statements: readonly string[];
  /** W over the theme's answered statements: party i's exact S is points[i] / (16 · weight). */
  readonly weight: number;
  /**
   * Party i's S over the theme as a whole percent (round-half-up of the exact rational), or
   * null when its programme takes a stand on fewer than 2 of the theme's answered statements.
   */
  readonly percent: readonly (number | null)[];
  /** Party i's Σ w·16e over the theme's answered statements (S's exact numerator). */
  readonly points: readonly number[];
  /** Party i's stated positions among the theme's answered statements. */
  readonly stated: readonly number[];
}

export interface MethodScore {
  readonly party: string;
  /** Whole percent under this method; null when it cannot tell (statedOnly with no stated position). */
  readonly percent: number | null;
  readonly eligible: boolean;
  readonly rank: number | null;
}

export interface ScoredVoter {
  readonly status: 'ok';
  readonly answered: number;
  /** True with fewer than max(8, ⌈N/3⌉) answers: results shown, marked preliminary. */
  readonly preliminary: boolean;
  /** Answers needed for a result that is not preliminary. */
  readonly needed: number;
  /** Answered statement ids, in compass order. */
  readonly statements: readonly string[];
  /** W = Σ w over the answered statements. */
  readonly weight: number;
  /** Eligible parties by rank (ties in Swedish alphabetical order), then the others alphabetically. */
  readonly parties: readonly PartyScore[];
  readonly stability: Stability;
  /** Per theme with at least one answered statement. */
  readonly themes: Readonly<Record<string, ThemeScores>>;
  /** Comparison methods, for showing how much the method matters. */
  readonly methods: {
    /** M alone: agreement only where the programme takes a stand. */
    readonly statedOnly: readonly MethodScore[];
    /** Wahl-O-Mat: answers collapsed to agree / neutral / disagree, 2/1/0 points, silence neutral. */
    readonly wahlOMat: readonly MethodScore[];
  };
}

/** No answers, no result: never "0 % for everyone". */
export interface NoResult {
  readonly status: 'no-result';
  readonly reason: 'nothing-answered';
  readonly answered: 0;
  readonly needed: number;
}

export type ScoreResult = ScoredVoter | NoResult;
