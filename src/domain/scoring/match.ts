import type { Position, Statement } from '../bank/types.ts';
import { halfSteps, percentHalfUp, quarters } from './exact.ts';

/** A voter's answer to one statement: a position on the scale, or skipped. */
export type Answer = Position | 'skip';

export interface VoterAnswer {
  readonly answer: Answer;
  /** "Viktigt för mig": the statement weighs double (w = 2). */
  readonly important?: boolean;
}

/** A voter's answers by statement id; missing ids count as skipped. */
export type Answers = Readonly<Record<string, VoterAnswer | undefined>>;

export interface PartyMatch {
  readonly party: string;
  /** S as a whole percent, round-half-up of the exact rational, 0..100. */
  readonly percent: number;
  /** S, 0..1 (1 = identical answers with full coverage). */
  readonly score: number;
  /** K, 0..1: how much of the voter's answers the programme addresses, confidence-weighted. */
  readonly coverage: number;
  /** M, 0..1, agreement where the programme takes a stand; null when it takes none (cannot tell). */
  readonly agreement: number | null;
  /** Number of answered statements on which the programme states a position. */
  readonly stated: number;
}

export interface MatchResult {
  /** Number of answered (not skipped) statements. */
  readonly answered: number;
  readonly parties: readonly PartyMatch[];
}

/**
 * The match S = Σ w·e / Σ w with e = c·a + (1 − c)·½ and a = 1 − |v − p| / 2 (SCORING.md),
 * computed in integers: 16·e = c₄·a₄ + 2·(4 − c₄) with a₄ = 4 − |v₂ − p₂|.
 * Returns null when nothing is answered: no answers, no result (never 0 % for everyone).
 */
export function matchParties(
  partyIds: readonly string[],
  statements: readonly Statement[],
  answers: Answers,
): MatchResult | null {
  const answered = statements.filter((s) => {
    const a = answers[s.id];
    return a !== undefined && a.answer !== 'skip';
  });
  if (answered.length === 0) return null;
  let weights = 0;
  for (const s of answered) weights += answers[s.id]!.important ? 2 : 1;
  const parties = partyIds.map((party): PartyMatch => {
    let e16 = 0;
    let c4Sum = 0;
    let c4a4Sum = 0;
    let stated = 0;
    for (const s of answered) {
      const { answer, important } = answers[s.id]!;
      const w = important ? 2 : 1;
      const stance = s.stances[party];
      const p = stance?.position ?? null;
      const c4 = p === null ? 0 : quarters(stance!.confidence);
      const a4 = p === null ? 0 : 4 - Math.abs(halfSteps(answer as number) - halfSteps(p));
      if (p !== null) stated += 1;
      e16 += w * (c4 * a4 + 2 * (4 - c4));
      c4Sum += w * c4;
      c4a4Sum += w * c4 * a4;
    }
    return {
      party,
      percent: percentHalfUp(e16, 16 * weights),
      score: e16 / (16 * weights),
      coverage: c4Sum / (4 * weights),
      agreement: c4Sum === 0 ? null : c4a4Sum / (4 * c4Sum),
      stated,
    };
  });
  return { answered: answered.length, parties };
}
