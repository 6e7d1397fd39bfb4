import { useId, useState } from 'react';
import type { ImportResult } from '../../../domain/workbench/api.ts';
import type { WorkbenchAccess, WorkbenchClient } from '../api/client.ts';
import { failureText } from '../ui/failure-text.ts';
import { useWt } from '../ui/use-wt.ts';
import { ProblemNote } from './ProblemNote.tsx';
import { readImportFile } from './read-import.ts';
import { refusalIssues } from './refusal-issues.ts';

type Problem = { readonly text: string; readonly issues: readonly string[] };

/**
 * "Starta från en mapp (zip) eller öppna data (JSON)", for a workspace without parties and
 * statements: reads the chosen file (a compass folder's zip through the bank's parser, every
 * problem at its file and line; or JSON) and imports it.
 */
export function FolderImport({
  access,
  client,
  onImported,
}: {
  access: WorkbenchAccess;
  client: WorkbenchClient;
  /** Reloads the workspace to show what was imported. */
  onImported: () => void;
}) {
  const { t } = useWt();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);

  const choose = async (file: File) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    const read = await readImportFile(file);
    if (!read.ok) {
      setBusy(false);
      if (read.reason === 'issues')
        return setProblem({
          text: t('folder.issues', { count: read.issues.length }),
          issues: read.issues,
        });
      if (read.reason === 'wrong-type')
        return setProblem({ text: t('folder.wrongType'), issues: [] });
      if (read.reason === 'not-json') return setProblem({ text: t('folder.notJson'), issues: [] });
      return setProblem({ text: t(`folder.reason.${read.reason}`), issues: [] });
    }
    const outcome = await client.importCompass(access, read.body);
    setBusy(false);
    if (outcome.ok) return setDone(outcome.body);
    setProblem({ text: failureText(t, outcome), issues: refusalIssues(outcome) });
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="wb-import">
      <h3 id={`${id}-heading`}>{t('folder.importHeading')}</h3>
      <p id={`${id}-hint`} className="wb-hint">
        {t('folder.importHint')}
      </p>
      <p>
        <label htmlFor={`${id}-file`}>{t('folder.importLabel')}</label>{' '}
        <input
          id={`${id}-file`}
          type="file"
          accept=".zip,.json,application/zip,application/json"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void choose(file);
          }}
        />
      </p>
      <div role="status">
        {busy && <p>{t('folder.importing')}</p>}
        {done && (
          <p>{t('folder.imported', { statements: done.statements, parties: done.parties })}</p>
        )}
      </div>
      {done && done.issues.length > 0 && (
        <>
          <p>{t('folder.importedIssues', { count: done.issues.length })}</p>
          <ol className="wb-issue-list">
            {done.issues.map((issue, i) => (
              <li key={i}>{issue.message}</li>
            ))}
          </ol>
        </>
      )}
      {done && (
        <p>
          <button type="button" onClick={onImported}>
            {t('folder.open')}
          </button>
        </p>
      )}
      {problem && <ProblemNote text={problem.text} issues={problem.issues} />}
    </section>
  );
}
