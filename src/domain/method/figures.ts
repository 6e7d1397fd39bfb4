/**
 * The figures behind a compass's method page: how often two coders agreed, how robust the ranking
 * is when answers or positions are perturbed, and how often every party is ranked. The build
 * computes them from the bank (src/tools/robustness-report.ts, src/tools/vite-plugin-bank.ts) and
 * publishes them as `<id>-method.json`; the browser reads them back (src/data/load-method.ts) and
 * the method page shows them. One shape and one list of perturbations for all three.
 */
import type { StabilityLabel } from '../scoring/index.ts';

/**
 * The perturbations the robustness report tries, in the order the method page lists them: one
 * answer dropped, three dropped, a quarter and three quarters of positions changed, stated
 * positions only, and Wahl-O-Mat's scoring.
 */
export const PERTURBATIONS = ['drop1', 'drop3', 'c25', 'c75', 'statedOnly', 'wahlOMat'] as const;
export type Perturbation = (typeof PERTURBATIONS)[number];

/** Shares (0..1) per kind of simulated voter: random and party-like. */
export interface KindShares {
  readonly random: number;
  readonly partyLike: number;
}

/** The robustness figures of a compass (deterministic for a seed). */
export interface RobustnessFigures {
  /** Simulated voters of each kind. */
  readonly perKind: number;
  readonly seed: number;
  /** How often the top party set changes under each perturbation. */
  readonly changed: Readonly<Record<Perturbation, KindShares>>;
  readonly stability: Readonly<Record<StabilityLabel, KindShares>>;
  readonly noTop: KindShares;
  /** Share (0..1) of party-like voters whose model party comes first (a shared first place counts). */
  readonly modelFirst: number;
}

/** Random voters who see every party ranked. */
export interface RankingShares {
  readonly voters: number;
  /** Share 0..1 of `voters`. */
  readonly allRanked: number;
}

/** Agreement of two independent codings of the bank. */
export interface CodingAgreementFigures {
  readonly cells: number;
  readonly samePosition: number;
  /** Cohen's kappa, −1..1. */
  readonly kappa: number;
  readonly disagreements: number;
}

/** The published figures the method page reads (`<id>-method.json`). */
export interface MethodFigures {
  readonly agreement: CodingAgreementFigures | null;
  readonly robustness: Pick<RobustnessFigures, 'perKind' | 'changed' | 'modelFirst'>;
  /** Answering everything, or skipping one statement in ten. */
  readonly ranking: {
    readonly everything: RankingShares;
    readonly tenthSkipped: RankingShares;
  } | null;
}
