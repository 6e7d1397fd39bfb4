import { Suspense, useEffect, useState } from 'react';
import { NamespaceGate } from '../../../components/NamespaceGate.tsx';
import type {
  AgreementJson,
  DecisionBody,
  DecisionLogEntry,
} from '../../../domain/workbench/api.ts';
import type { WorkbenchAccess, WorkbenchClient, WorkbenchOutcome } from '../api/client.ts';
import { ReconcileView } from '../coding/ReconcileView.tsx';
import type { SaveState } from '../coding/save-state.ts';
import { itemKey } from '../sync/items.ts';
import { failureText } from '../ui/failure-text.ts';
import { useWt } from '../ui/use-wt.ts';
import { orderedStatements } from './draft-of-view.ts';
import type { LocalWorkspace } from './local-model.ts';

/**
 * Step 5: the two coders' agreement from the service, and the editor's decisions on every
 * disagreement (ReconcileView of src/features/workbench/coding), saved through the queue.
 */
export function ReconcileStep({
  access,
  client,
  local,
  log,
  onSave,
  saveStateOf,
}: {
  access: WorkbenchAccess;
  client: WorkbenchClient;
  local: LocalWorkspace;
  log: readonly DecisionLogEntry[];
  onSave: (item: string, body: DecisionBody) => void;
  saveStateOf: (item: string) => SaveState;
}) {
  const { t } = useWt();
  const [agreement, setAgreement] = useState<WorkbenchOutcome<AgreementJson> | null>(null);
  useEffect(() => {
    let live = true;
    void client.agreement(access).then((outcome) => live && setAgreement(outcome));
    return () => {
      live = false;
    };
  }, [access, client]);
  if (agreement === null) return <p role="status">{t('steps.loading')}</p>;
  if (!agreement.ok) return <p role="alert">{failureText(t, agreement)}</p>;
  const loading = <p role="status">{t('steps.loading')}</p>;
  return (
    <Suspense fallback={loading}>
      <NamespaceGate namespace="workbenchCoding">
        <ReconcileView
          agreement={agreement.body}
          statements={orderedStatements(local).map(({ id, value }) => ({ id, ...value }))}
          parties={local.parties.map(({ id, value }) => ({ id, ...value }))}
          decisions={Object.values(local.decisions)}
          log={log}
          onDecide={(statement, party, body) => onSave(itemKey.decision(statement, party), body)}
          stateOf={(statement, party) => saveStateOf(itemKey.decision(statement, party))}
          titled={false}
        />
      </NamespaceGate>
    </Suspense>
  );
}
