import type { Compass } from '../../../domain/bank/types.ts';
import { BalancePanel } from './BalancePanel.tsx';
import { type DraftBalanceOptions, useDraftBalance } from './use-draft-balance.ts';

/**
 * The balance panel of a draft as the workbench shows it: `compass` is what `draftToCompass`
 * gives for the current draft (a new object on each edit, not on each render: memoize it; null
 * before there is one), recomputed in a Web Worker as it changes. Render it inside `<NamespaceGate namespace="workbenchBalance">`.
 */
export function LiveBalance({
  compass,
  options,
}: {
  compass: Compass | null;
  /** For tests: a fake worker, no delay. */
  options?: DraftBalanceOptions;
}) {
  const { balance, status, updates } = useDraftBalance(compass, options);
  return <BalancePanel balance={balance} status={status} updates={updates} />;
}
