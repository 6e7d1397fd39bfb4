/**
 * The balance figures of a compass while a newsroom edits it: the bank report's figures
 * (`npm run bank:report`, src/tools/balance-report.ts), computed by the same functions so that the
 * workbench's live panel and the report agree. Pure: the browser runs it in a Web Worker.
 */
import type { BankRules, Compass, Position, Stance, Statement } from '../bank/types.ts';
import type { VoterAnswer } from '../scoring/index.ts';
import { scoreVoter } from '../scoring/index.ts';
import {
  measureRandomVoters,
  RANDOM_VOTER_SEED,
  type RandomVoterFigures,
} from './random-voters.ts';

/** One party's coverage: how many statements its programme takes a stand on, and how surely. */
export interface PartyCoverage {
  readonly party: string;
  /**
   * Statements with a stated or implied position (a position and a confidence above 0: what the
   * engine counts; in a valid bank exactly the statements whose position is not null).
   */
  readonly stated: number;
  /** Of those, implied (confidence 0.5). */
  readonly implied: number;
  /** Mean confidence over the stated ones, 0.5..1; null when it states none ("cannot tell"). */
  readonly meanConfidence: number | null;
}

const takesStand = (stance: Stance | undefined): stance is Stance =>
  stance !== undefined && stance.position !== null && stance.confidence > 0;

/**
 * Each party's coverage, in the compass's party order. A missing stance (a cell not coded yet)
 * counts as silent.
 */
export function partyCoverage(compass: Compass): PartyCoverage[] {
  return compass.parties.map((party) => {
    const own = compass.statements
      .map((s) => s.stances[party.id])
      .filter((stance) => takesStand(stance));
    return {
      party: party.id,
      stated: own.length,
      implied: own.filter((stance) => stance.confidence === 0.5).length,
      meanConfidence:
        own.length === 0 ? null : own.reduce((sum, st) => sum + st.confidence, 0) / own.length,
    };
  });
}

/** A voter who gives the same answer to every statement (none marked important). */
export function uniformAnswers(compass: Compass, answer: Position): Record<string, VoterAnswer> {
  return Object.fromEntries(compass.statements.map((s) => [s.id, { answer }]));
}

/** A (statement, party) cell. */
export interface BalanceCell {
  readonly statement: string;
  readonly party: string;
}

const SILENT: Stance = { position: null, confidence: 0, quotes: [], rationale: '' };

/**
 * The compass with every missing stance filled in as silent, and the cells that were missing, in
 * statement then party order. The same compass object when nothing is missing.
 */
export function withSilentGaps(compass: Compass): {
  readonly compass: Compass;
  readonly uncoded: readonly BalanceCell[];
} {
  const uncoded: BalanceCell[] = [];
  for (const s of compass.statements)
    for (const p of compass.parties)
      if (!Object.hasOwn(s.stances, p.id)) uncoded.push({ statement: s.id, party: p.id });
  if (uncoded.length === 0) return { compass, uncoded };
  const statements = compass.statements.map((s): Statement => ({
    ...s,
    stances: Object.fromEntries([
      ...Object.entries(s.stances),
      ...compass.parties
        .filter((p) => !Object.hasOwn(s.stances, p.id))
        .map((p) => [p.id, SILENT] as const),
    ]),
  }));
  return { compass: { ...compass, statements }, uncoded };
}

/** A party's row of the balance panel. */
export interface PartyBalance extends PartyCoverage {
  readonly short: string;
  readonly name: string;
  /** stated / statements, 0..1; null with no statements. */
  readonly coverage: number | null;
  /** Cells of this party not coded yet, counted as silent. */
  readonly uncoded: number;
  /** Stated on at least `rules.minCoverage` of the statements (the bank's content rule). */
  readonly meetsCoverageRule: boolean;
}

/** What a voter who answers "helt för" (1) everywhere sees. */
export interface YesSayer {
  /** The parties ranked first (several on a tie; none when no party can be ranked). */
  readonly top: readonly string[];
  /** Every party's match S in whole percent (0..100) and rank (null: not ranked), in party order. */
  readonly parties: readonly {
    readonly party: string;
    readonly percent: number;
    readonly rank: number | null;
    /** Above `rules.maxAgreeAllPercent` (the bank's content rule). */
    readonly aboveLimit: boolean;
  }[];
  /** The highest percent, the figure `rules.maxAgreeAllPercent` limits; null with no parties. */
  readonly highest: number | null;
}

export interface DraftBalance {
  readonly statements: number;
  readonly parties: readonly PartyBalance[];
  /**
   * Statements phrased "less" (`direction: less`), their share 0..1 (null with no statements), and
   * whether they are at least `rules.minLessShare` of the statements (the bank's content rule).
   */
  readonly less: {
    readonly count: number;
    readonly share: number | null;
    readonly meetsRule: boolean;
  };
  /** Null with no statements: nobody can answer anything. */
  readonly yesSayer: YesSayer | null;
  /** One row per share of skipped statements, as the report's table. */
  readonly randomVoters: readonly RandomVoterFigures[];
  /**
   * Share 0..1 of random voters who answer every statement and see every party ranked: the row
   * with `skipped` 0; null when no such row was measured.
   */
  readonly allRanked: number | null;
  readonly voters: number;
  readonly seed: number;
  readonly rules: Pick<BankRules, 'minCoverage' | 'minLessShare' | 'maxAgreeAllPercent'>;
  /**
   * Cells with no stance yet: every figure counts them as silent. Empty when the compass is
   * completely coded (`complete`).
   */
  readonly uncoded: readonly BalanceCell[];
  readonly complete: boolean;
}

/** The report's rows: random voters who skip nothing, one statement in ten, three in ten. */
export const REPORT_SKIPS: readonly number[] = [0, 0.1, 0.3];

/**
 * Random voters per row in the live panel: 3 rows × 300 voters keep a recompute of a 60 × 10
 * compass within 200 ms on a 2-core machine (`npm run bench:balance`), and a share's standard
 * error stays at most 2.9 percentage points (`shareStandardError(300)`). The report uses 1000.
 */
export const BALANCE_VOTERS = 300;

export interface BalanceOptions {
  /** Random voters per row; default `BALANCE_VOTERS`. */
  readonly voters?: number;
  /** Default the report's seed, `RANDOM_VOTER_SEED`. */
  readonly seed?: number;
  /** Shares (0..1) of skipped statements, one row each; default `REPORT_SKIPS`. */
  readonly skipped?: readonly number[];
}

/**
 * The balance figures of a compass, complete or not: each party's coverage, the share of "less"
 * statements, a yes-sayer's matches, and what seeded random voters see first. Deterministic for
 * the options. Stances missing from the compass (cells not coded yet) count as silent, and
 * `uncoded` lists them. Throws the engine's ScoringError on a stance off the scale.
 */
export function draftBalance(compass: Compass, options: BalanceOptions = {}): DraftBalance {
  const { voters = BALANCE_VOTERS, seed = RANDOM_VOTER_SEED, skipped = REPORT_SKIPS } = options;
  const { compass: filled, uncoded } = withSilentGaps(compass);
  const n = filled.statements.length;
  const coverage = partyCoverage(filled);
  const parties = filled.parties.map((party, i): PartyBalance => {
    const own = coverage[i]!;
    return {
      ...own,
      short: party.short,
      name: party.name,
      coverage: n === 0 ? null : own.stated / n,
      uncoded: uncoded.filter((cell) => cell.party === party.id).length,
      // As src/domain/bank/check-content.ts compares.
      meetsCoverageRule: own.stated >= filled.rules.minCoverage * n,
    };
  });
  const less = filled.statements.filter((s) => s.direction === 'less').length;
  const { minCoverage, minLessShare, maxAgreeAllPercent } = filled.rules;
  const randomVoters = skipped.map((share) => measureRandomVoters(filled, share, voters, seed));
  return {
    statements: n,
    parties,
    less: {
      count: less,
      share: n === 0 ? null : less / n,
      meetsRule: less >= minLessShare * n,
    },
    yesSayer: yesSayer(filled),
    randomVoters,
    allRanked: randomVoters.find((row) => row.skipped === 0)?.allRanked ?? null,
    voters,
    seed,
    rules: { minCoverage, minLessShare, maxAgreeAllPercent },
    uncoded,
    complete: uncoded.length === 0,
  };
}

function yesSayer(compass: Compass): YesSayer | null {
  const result = scoreVoter(compass, { answers: uniformAnswers(compass, 1) });
  if (result.status !== 'ok') return null;
  const byParty = new Map(result.parties.map((m) => [m.party, m]));
  const parties = compass.parties.map((p) => {
    const m = byParty.get(p.id)!;
    return {
      party: p.id,
      percent: m.percent,
      rank: m.rank,
      aboveLimit: m.percent > compass.rules.maxAgreeAllPercent,
    };
  });
  return {
    top: result.stability.top,
    parties,
    highest: parties.length === 0 ? null : Math.max(...parties.map((p) => p.percent)),
  };
}
