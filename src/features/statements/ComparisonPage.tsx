import { useCompass } from '../../context/compass-context.tsx';
import { useAnswers } from '../../state/answers-store.ts';
import { StatementList } from './StatementList.tsx';

/** Per statement, all parties, next to the voter's own answer. */
export function ComparisonPage() {
  const answers = useAnswers((s) => s.answers);
  return <StatementList compass={useCompass()} answers={answers} />;
}
