import { useState } from 'react';
import type { DraftCheckJson, PublishedVersion } from '../../../domain/workbench/api.ts';
import type { DraftWhere } from '../../../domain/workbench/draft.ts';
import type { WorkbenchAccess, WorkbenchClient } from '../api/client.ts';
import { FolderExport } from '../folder/FolderExport.tsx';
import { failureText } from '../ui/failure-text.ts';
import { useWt } from '../ui/use-wt.ts';

/** The public addresses of a published compass. */
export const publishedLinks = (id: string) => {
  const root = import.meta.env.BASE_URL.replace(/\/$/, '');
  const seg = encodeURIComponent(id);
  return {
    site: `${root}/${seg}/`,
    embed: `${root}/embed/${seg}`,
    data: `${root}/data/${seg}.json`,
  };
};

/**
 * Step 8: the service's draft check (every issue with a link to its field), then publishing under
 * the compass's id; on success the compass's addresses. Last, the export as the bank's folder (zip).
 */
export function PublishStep({
  access,
  client,
  compass,
  published: initial,
  onGoTo,
}: {
  access: WorkbenchAccess;
  client: WorkbenchClient;
  compass: string;
  published: readonly PublishedVersion[];
  onGoTo: (where: DraftWhere) => void;
}) {
  const { t } = useWt();
  const [check, setCheck] = useState<DraftCheckJson | null>(null);
  const [busy, setBusy] = useState<'check' | 'publish' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [published, setPublished] = useState(initial);
  const [done, setDone] = useState<PublishedVersion | null>(null);
  const runCheck = async () => {
    setBusy('check');
    setProblem(null);
    const outcome = await client.draft(access);
    setBusy(null);
    if (outcome.ok) setCheck(outcome.body);
    else setProblem(failureText(t, outcome));
  };
  const publish = async () => {
    setBusy('publish');
    setProblem(null);
    const outcome = await client.publish(access, compass);
    setBusy(null);
    if (!outcome.ok) {
      // A draft the service finds not ready comes back with its issues: list them as a check does.
      if (outcome.kind === 'refused' && Array.isArray(outcome.details.issues))
        setCheck({ issues: outcome.details.issues as DraftCheckJson['issues'], undecided: [] });
      return setProblem(failureText(t, outcome));
    }
    setDone(outcome.body);
    setPublished((list) => [outcome.body, ...list]);
  };
  const links = done ? publishedLinks(done.compass) : null;
  return (
    <>
      <p>
        <button type="button" onClick={() => void runCheck()} disabled={busy !== null}>
          {busy === 'check' ? t('publish.checking') : t('publish.check')}
        </button>
      </p>
      <div role="status">
        {check &&
          (check.issues.length === 0 ? (
            <p>{t('publish.noIssues')}</p>
          ) : (
            <p>{t('publish.issues', { count: check.issues.length })}</p>
          ))}
        {check && check.undecided.length > 0 && (
          <p>{t('publish.undecided', { count: check.undecided.length })}</p>
        )}
      </div>
      {check && check.issues.length > 0 && (
        <ol className="wb-issue-list" aria-label={t('field.issues')}>
          {check.issues.map((issue, i) => (
            <li key={i}>
              {issue.message}{' '}
              <button type="button" className="wb-link" onClick={() => onGoTo(issue.where)}>
                {t('publish.goTo')}
              </button>
            </li>
          ))}
        </ol>
      )}
      <h3>{t('publish.compass')}</h3>
      {compass === '' ? (
        <p>{t('publish.noId')}</p>
      ) : (
        <p>
          <button type="button" onClick={() => void publish()} disabled={busy !== null}>
            {busy === 'publish' ? t('publish.publishing') : t('publish.publish', { id: compass })}
          </button>
        </p>
      )}
      {problem && (
        <p role="alert" className="wb-issues">
          {problem}
        </p>
      )}
      {done && links && (
        <div role="status">
          <p>{t('publish.done', { version: done.version, id: done.compass })}</p>
          <ul>
            <li>
              <a href={links.site}>{t('publish.site')}</a>
            </li>
            <li>
              <a href={links.embed}>{t('publish.embed')}</a>
            </li>
            <li>
              <a href={links.data}>{t('publish.data')}</a>
            </li>
          </ul>
        </div>
      )}
      {published.length > 0 && !done && (
        <ul>
          {published.map((p) => (
            <li key={`${p.compass}@${p.version}`}>
              {t('publish.done', { version: p.version, id: p.compass })}
            </li>
          ))}
        </ul>
      )}
      <FolderExport access={access} />
    </>
  );
}
