import { useCallback, useEffect, useState } from 'react';
import type { WorkspaceView } from '../../../domain/workbench/api.ts';
import type { WorkbenchAccess, WorkbenchClient, WorkbenchFailure } from '../api/client.ts';
import { CoderScreen } from '../editor/CoderScreen.tsx';
import { EditorScreen } from '../editor/EditorScreen.tsx';
import { failureText } from '../ui/failure-text.ts';
import { useWt } from '../ui/use-wt.ts';
import { workbenchKeys } from './keys.ts';

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly failure: WorkbenchFailure }
  | { readonly kind: 'loaded'; readonly view: WorkspaceView };

/** Loads a workspace with this browser's key, then shows the editor's or the coder's screen. */
export function WorkspaceScreen({
  access,
  client,
  onLeave,
}: {
  access: WorkbenchAccess;
  client: WorkbenchClient;
  onLeave: () => void;
}) {
  const { t } = useWt();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const fetchState = useCallback(async (): Promise<State> => {
    const outcome = await client.workspace(access);
    if (!outcome.ok) return { kind: 'failed', failure: outcome };
    const { workspace, role } = outcome.body;
    workbenchKeys.put({ id: workspace.id, key: access.key, role, title: workspace.title });
    return { kind: 'loaded', view: outcome.body };
  }, [access, client]);
  useEffect(() => {
    let live = true;
    void fetchState().then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [fetchState]);

  const reload = () => {
    setState({ kind: 'loading' });
    void fetchState().then(setState);
  };

  if (state.kind === 'loading') return <p role="status">{t('load.loading')}</p>;
  if (state.kind === 'failed')
    return (
      <>
        <p role="alert" className="wb-issues">
          {failureText(t, state.failure)}
        </p>
        <p className="wb-actions">
          {(state.failure.kind === 'network' || state.failure.kind === 'unexpected') && (
            <button type="button" onClick={reload}>
              {t('load.retry')}
            </button>
          )}{' '}
          <button type="button" onClick={onLeave}>
            {t('load.back')}
          </button>
        </p>
      </>
    );
  const { view } = state;
  return (
    <>
      <p className="wb-workspace-title">
        {view.workspace.title} ({t(`start.role.${view.role}`)}){' '}
        <button type="button" className="wb-link" onClick={onLeave}>
          {t('load.back')}
        </button>
      </p>
      {view.role === 'editor' ? (
        <EditorScreen access={access} view={view} client={client} onReload={reload} />
      ) : (
        <CoderScreen access={access} view={view} client={client} />
      )}
    </>
  );
}
