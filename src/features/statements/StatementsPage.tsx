import { useCompass } from '../../context/compass-context.tsx';
import { StatementList } from './StatementList.tsx';

/** Every statement with every programme's position and quotes. */
export function StatementsPage() {
  return <StatementList compass={useCompass()} />;
}
