import './ui/workbench.css';
import './strings.ts';
import { useEffect, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { NamespaceGate, useNamespaceLanguage } from '../../components/NamespaceGate.tsx';
import { workbenchClient } from './api/client.ts';
import { fragmentOf, readFragment, workbenchKeys } from './start/keys.ts';
import { StartScreen } from './start/StartScreen.tsx';
import { WorkspaceScreen } from './start/WorkspaceScreen.tsx';
import { useWt } from './ui/use-wt.ts';

const client = workbenchClient();

/** /redaktion: the newsroom's workbench (Redaktionen). */
export function WorkbenchPage() {
  return (
    <NamespaceGate namespace="workbench">
      <Workbench />
    </NamespaceGate>
  );
}

/**
 * Which workspace is open is in the fragment (`#w=<id>`), so a reload keeps it. A link's key
 * (`#w=<id>&k=<key>`) is kept in this browser and at once taken out of the address bar.
 */
function Workbench() {
  const lng = useNamespaceLanguage('workbench');
  const { t } = useWt();
  const { hash, pathname, search } = useLocation();
  const navigate = useNavigate();
  const fragment = readFragment(hash);
  const open = fragment !== null && fragment !== 'invalid' ? fragment.workspace : null;
  const linkKey = fragment !== null && fragment !== 'invalid' ? fragment.key : null;

  useEffect(() => {
    if (open === null || linkKey === null) return;
    workbenchKeys.put({ id: open, key: linkKey, role: null, title: '' });
    void navigate({ pathname, search, hash: fragmentOf(open) }, { replace: true });
  }, [open, linkKey, pathname, search, navigate]);

  const key = linkKey ?? (open === null ? null : (workbenchKeys.get(open)?.key ?? null));
  const access = useMemo(
    () => (open !== null && key !== null ? { workspace: open, key } : null),
    [open, key],
  );
  const go = (workspace: string | null) =>
    void navigate({ pathname, search, hash: workspace === null ? '' : fragmentOf(workspace) });

  return (
    <div className="workbench" lang={lng} dir="ltr">
      <h1>{t('title')}</h1>
      {fragment === 'invalid' && (
        <p role="alert" className="wb-issues">
          {t('start.badLink')}
        </p>
      )}
      {access ? (
        <WorkspaceScreen
          key={access.workspace}
          access={access}
          client={client}
          onLeave={() => go(null)}
        />
      ) : (
        <>
          {open !== null && (
            <p role="alert" className="wb-issues">
              {t('start.noKey')}
            </p>
          )}
          <StartScreen client={client} onOpen={go} />
        </>
      )}
    </div>
  );
}
