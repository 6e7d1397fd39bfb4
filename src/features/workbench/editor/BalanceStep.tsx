import { Suspense } from 'react';
import { NamespaceGate } from '../../../components/NamespaceGate.tsx';
import type { Compass } from '../../../domain/bank/types.ts';
import { BalancePanel } from '../balance/BalancePanel.tsx';
import { useDraftBalance } from '../balance/use-draft-balance.ts';
import { useWt } from '../ui/use-wt.ts';

function Balance({ compass }: { compass: Compass }) {
  const { balance, status, updates } = useDraftBalance(compass);
  // The step's own heading names it.
  return <BalancePanel balance={balance} status={status} updates={updates} titled={false} />;
}

/** Step 6: the draft's balance figures (BalancePanel of src/features/workbench/balance), live. */
export function BalanceStep({ compass }: { compass: Compass }) {
  const { t } = useWt();
  return (
    <Suspense fallback={<p role="status">{t('steps.loading')}</p>}>
      <NamespaceGate namespace="workbenchBalance">
        <Balance compass={compass} />
      </NamespaceGate>
    </Suspense>
  );
}
