import { useState } from 'react';
import type { WorkbenchAccess } from '../api/client.ts';
import { failureText } from '../ui/failure-text.ts';
import { useWt } from '../ui/use-wt.ts';
import { downloadBlob } from './download.ts';
import { exportFolder, folderExportClient } from './export-folder.ts';
import { ProblemNote } from './ProblemNote.tsx';
import { refusalIssues } from './refusal-issues.ts';

/**
 * "Exportera som mapp (zip)": downloads the draft as the bank's folder `<id>.zip`. Its code (yaml,
 * fflate) is in the workbench's own lazy chunk, which the offline version does not precache: a
 * chunk of its own would be precached for every voter (src/tools/pwa.ts, PRECACHE_IGNORES).
 */
export function FolderExport({
  access,
  fetcher,
}: {
  access: WorkbenchAccess;
  /** The service's fetch; the browser's by default. */
  fetcher?: typeof fetch;
}) {
  const { t } = useWt();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; issues: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    const result = await exportFolder(folderExportClient(fetcher), access);
    setBusy(false);
    if (result.ok) {
      const file = `${result.id}.zip`;
      downloadBlob(result.zip, file);
      return setDone(file);
    }
    if ('failure' in result) {
      return setProblem({
        text: failureText(t, result.failure),
        issues: refusalIssues(result.failure),
      });
    }
    setProblem({
      text: t('folder.exportInvalid', { message: result.issues[0]?.message ?? '' }),
      issues: [],
    });
  };
  return (
    <>
      <h3>{t('folder.exportHeading')}</h3>
      <p className="wb-hint">{t('folder.exportHint')}</p>
      <p>
        <button type="button" onClick={() => void run()} disabled={busy}>
          {busy ? t('folder.exporting') : t('folder.export')}
        </button>
      </p>
      <div role="status">{done && <p>{t('folder.exported', { file: done })}</p>}</div>
      {problem && <ProblemNote text={problem.text} issues={problem.issues} />}
    </>
  );
}
