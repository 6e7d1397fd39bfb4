import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { WorkspaceView } from '../../../domain/workbench/api.ts';
import { draftToCompass, type DraftWhere } from '../../../domain/workbench/draft.ts';
import type { WorkbenchAccess, WorkbenchClient } from '../api/client.ts';
import { FolderImport } from '../folder/FolderImport.tsx';
import { itemKey } from '../sync/items.ts';
import { useWt } from '../ui/use-wt.ts';
import { BalanceStep } from './BalanceStep.tsx';
import { CodersStep } from './CodersStep.tsx';
import { ConflictPanel } from './ConflictPanel.tsx';
import { draftOfView } from './draft-of-view.ts';
import { viewParts } from './local-model.ts';
import { MetaStep } from './MetaStep.tsx';
import { PartiesStep } from './PartiesStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { PublishStep } from './PublishStep.tsx';
import { ReconcileStep } from './ReconcileStep.tsx';
import { StatementsStep } from './StatementsStep.tsx';
import { elementOf, STEPS, type Target, targetOf } from './steps.ts';
import { SyncStatus } from './SyncStatus.tsx';
import { useEditor } from './use-editor.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The steps whose figures count the coders' codings, which may have grown since the page loaded. */
const COUNTS_CODINGS: ReadonlySet<string> = new Set(['reconcile', 'balance', 'preview', 'publish']);

/** The editor's workbench: the steps as a nav, the current step, and whether edits are saved. */
export function EditorScreen({
  access,
  view,
  client,
  onReload,
}: {
  access: WorkbenchAccess;
  view: WorkspaceView;
  client: WorkbenchClient;
  /** Loads the workspace again (after an import into it). */
  onReload?: () => void;
}) {
  const { t } = useWt();
  const editor = useEditor(access, view, client);
  const { local, status } = editor;
  const [coders, setCoders] = useState(view.coders);
  const [target, setTarget] = useState<Target>({ step: 'meta', chosen: null, domId: null });
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  // The check runs on every edit; deferred, so typing never waits for it.
  const deferred = useDeferredValue(local);
  const drafted = useMemo(
    () => draftToCompass(draftOfView(viewParts(deferred), today())),
    [deferred],
  );
  const { issues } = drafted;

  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (elementOf(target.domId) ?? heading.current)?.focus();
  }, [target]);

  const go = (next: Target) => {
    moved.current = true;
    setTarget(next);
  };
  const goTo = (where: DraftWhere) => go(targetOf(where, local));
  const step = target.step;
  const { refreshCoders } = editor;
  useEffect(() => {
    if (COUNTS_CODINGS.has(step)) void refreshCoders();
  }, [step, refreshCoders]);
  const n = STEPS.indexOf(step) + 1;
  return (
    <div className="wb-editor">
      <SyncStatus status={status} onRetry={editor.retry} />
      <ConflictPanel
        blocked={status.blocked}
        onKeepMine={editor.keepMine}
        onTakeTheirs={editor.takeTheirs}
      />
      <nav aria-label={t('steps.label')} className="wb-steps">
        <ol>
          {STEPS.map((s) => (
            <li key={s}>
              <button
                type="button"
                aria-current={s === step ? 'step' : undefined}
                onClick={() => go({ step: s, chosen: null, domId: null })}
              >
                {t(`steps.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="wb-step-heading" className="wb-step">
        <h2 id="wb-step-heading" ref={heading} tabIndex={-1}>
          {n}. {t(`steps.${step}`)}
        </h2>
        {step === 'meta' &&
          onReload &&
          view.parties.length === 0 &&
          view.statements.length === 0 && (
            <FolderImport access={access} client={client} onImported={onReload} />
          )}
        {step === 'meta' && (
          <MetaStep
            meta={local.meta}
            issues={issues}
            onSave={(m) => editor.save(itemKey.meta, m)}
          />
        )}
        {step === 'parties' && (
          <PartiesStep
            key={target.chosen}
            local={local}
            issues={issues}
            chosen={target.chosen}
            lost={editor.lost}
            onSave={editor.save}
            onRemove={editor.remove}
          />
        )}
        {step === 'statements' && (
          <StatementsStep
            key={target.chosen}
            local={local}
            issues={issues}
            chosen={target.chosen}
            onSave={editor.save}
            onRemove={editor.remove}
          />
        )}
        {step === 'coders' && (
          <CodersStep
            access={access}
            client={client}
            coders={coders}
            onAdded={(coder) => setCoders((list) => [...list, coder])}
          />
        )}
        {step === 'reconcile' && (
          <ReconcileStep
            access={access}
            client={client}
            local={local}
            log={view.log}
            onSave={editor.save}
            saveStateOf={editor.saveStateOf}
          />
        )}
        {step === 'balance' && <BalanceStep compass={drafted.compass} />}
        {step === 'preview' && <PreviewStep local={local} compass={drafted.compass} />}
        {step === 'publish' && (
          <PublishStep
            access={access}
            client={client}
            compass={local.meta?.id ?? ''}
            published={view.published}
            onGoTo={goTo}
          />
        )}
      </section>
    </div>
  );
}
