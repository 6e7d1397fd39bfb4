import { useId, useState } from 'react';
import type { CoderInfo } from '../../../domain/workbench/api.ts';
import type { WorkbenchAccess, WorkbenchClient } from '../api/client.ts';
import { keyLink } from '../start/keys.ts';
import { CopyLink } from '../ui/CopyLink.tsx';
import { failureText } from '../ui/failure-text.ts';
import { useWt } from '../ui/use-wt.ts';

/** Step 4: the coders, and a form that makes a new coder's link (shown once). */
export function CodersStep({
  access,
  client,
  coders,
  onAdded,
}: {
  access: WorkbenchAccess;
  client: WorkbenchClient;
  coders: readonly CoderInfo[];
  onAdded: (coder: CoderInfo) => void;
}) {
  const { t } = useWt();
  const id = useId();
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [made, setMade] = useState<{ label: string; link: string } | null>(null);
  const add = async () => {
    setBusy(true);
    setProblem(null);
    const outcome = await client.addCoder(access, label.trim());
    setBusy(false);
    if (!outcome.ok) return setProblem(failureText(t, outcome));
    onAdded(outcome.body.coder);
    setMade({
      label: outcome.body.coder.label,
      link: keyLink(access.workspace, outcome.body.coderKey),
    });
    setLabel('');
  };
  return (
    <>
      <p>{t('coders.text')}</p>
      {coders.length === 0 ? (
        <p>{t('coders.none')}</p>
      ) : (
        <ul>
          {coders.map((c) => (
            <li key={c.id}>{c.label}</li>
          ))}
        </ul>
      )}
      <form
        className="wb-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim() !== '') void add();
        }}
      >
        <label htmlFor={`${id}-label`}>{t('coders.label')}</label>
        <input
          id={`${id}-label`}
          value={label}
          maxLength={100}
          onChange={(e) => setLabel(e.target.value)}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        <button type="submit" disabled={busy}>
          {t('coders.add')}
        </button>
        {problem && (
          <p id={`${id}-problem`} role="alert" className="wb-issues">
            {problem}
          </p>
        )}
      </form>
      {made && (
        <section className="wb-once" aria-labelledby={`${id}-made`}>
          <h3 id={`${id}-made`}>{t('coders.linkHeading', { label: made.label })}</h3>
          <p className="wb-warning">{t('coders.linkWarning', { label: made.label })}</p>
          <CopyLink value={made.link} label={t('coders.linkLabel', { label: made.label })} />
        </section>
      )}
    </>
  );
}
