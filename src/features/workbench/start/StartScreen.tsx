import { useId, useState } from 'react';
import type { WorkbenchClient } from '../api/client.ts';
import { CopyLink } from '../ui/CopyLink.tsx';
import { failureText } from '../ui/failure-text.ts';
import { useWt } from '../ui/use-wt.ts';
import { keyLink, type KnownWorkspace, workbenchKeys } from './keys.ts';

/**
 * Redaktionen's start: what it is, a form that creates a workspace (its editor link then shown
 * once, to be kept), and the workspaces whose keys this browser holds.
 */
export function StartScreen({
  client,
  onOpen,
}: {
  client: WorkbenchClient;
  onOpen: (workspace: string) => void;
}) {
  const { t } = useWt();
  const id = useId();
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ id: string; link: string } | null>(null);
  const [known, setKnown] = useState<KnownWorkspace[]>(() => workbenchKeys.list());

  const create = async () => {
    if (title.trim() === '') return setProblem(t('start.titleMissing'));
    setBusy(true);
    setProblem(null);
    const outcome = await client.createWorkspace(title.trim());
    setBusy(false);
    if (!outcome.ok) return setProblem(failureText(t, outcome));
    const { workspace, editorKey } = outcome.body;
    workbenchKeys.put({ id: workspace.id, key: editorKey, role: 'editor', title: workspace.title });
    setKnown(workbenchKeys.list());
    setCreated({ id: workspace.id, link: keyLink(workspace.id, editorKey) });
    setTitle('');
  };

  return (
    <>
      <section aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>{t('about.heading')}</h2>
        <p>{t('about.text')}</p>
      </section>
      <section aria-labelledby={`${id}-create`}>
        <h2 id={`${id}-create`}>{t('start.createHeading')}</h2>
        <form
          className="wb-add"
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label htmlFor={`${id}-title`}>{t('start.titleLabel')}</label>
          <p id={`${id}-hint`} className="wb-hint">
            {t('start.titleHint')}
          </p>
          <input
            id={`${id}-title`}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={problem !== null || undefined}
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          />
          <button type="submit" disabled={busy}>
            {busy ? t('start.creating') : t('start.create')}
          </button>
          {problem && (
            <p id={`${id}-problem`} role="alert" className="wb-issues">
              {problem}
            </p>
          )}
        </form>
        {created && (
          <section className="wb-once" aria-labelledby={`${id}-link`}>
            <h3 id={`${id}-link`}>{t('start.linkHeading')}</h3>
            <p className="wb-warning">{t('start.linkWarning')}</p>
            <CopyLink value={created.link} label={t('start.linkLabel')} />
            <p>
              <button type="button" onClick={() => onOpen(created.id)}>
                {t('start.open')}
              </button>
            </p>
          </section>
        )}
      </section>
      <section aria-labelledby={`${id}-known`}>
        <h2 id={`${id}-known`}>{t('start.knownHeading')}</h2>
        {known.length === 0 ? (
          <p>{t('start.knownNone')}</p>
        ) : (
          <ul className="wb-known">
            {known.map((w) => (
              <li key={w.id}>
                <button type="button" className="wb-link" onClick={() => onOpen(w.id)}>
                  {w.title || t('start.untitled')}
                </button>{' '}
                ({t(`start.role.${w.role ?? 'unknown'}`)}){' '}
                <button
                  type="button"
                  onClick={() => {
                    workbenchKeys.forget(w.id);
                    setKnown(workbenchKeys.list());
                  }}
                >
                  {t('start.forget', { title: w.title || t('start.untitled') })}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
