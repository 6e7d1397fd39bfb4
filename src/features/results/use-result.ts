import { useMemo } from 'react';
import type { Compass } from '../../domain/bank/types.ts';
import type { ScoreResult, Voter } from '../../domain/scoring/index.ts';
import { scoreVoter } from '../../domain/scoring/index.ts';
import { useAnswers, voterOf } from '../../state/answers-store.ts';

/** Answers for statements the compass does not have are dropped, never an error on screen. */
export function knownAnswers(compass: Compass, voter: Voter): Voter {
  const ids = new Set(compass.statements.map((s) => s.id));
  const parties = voter.parties?.filter((p) => compass.parties.some((q) => q.id === p));
  const answers = Object.fromEntries(Object.entries(voter.answers).filter(([id]) => ids.has(id)));
  return parties && parties.length > 0 ? { answers, parties } : { answers };
}

/** The result, derived on every read from the compass and the stored answers (never stored). */
export function useResult(compass: Compass, voter?: Voter): ScoreResult {
  const answers = useAnswers((s) => s.answers);
  const parties = useAnswers((s) => s.parties);
  return useMemo(
    () => scoreVoter(compass, knownAnswers(compass, voter ?? voterOf({ answers, parties }))),
    [compass, voter, answers, parties],
  );
}
