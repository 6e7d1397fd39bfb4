import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isServedCompass } from '../../../config/compasses.ts';
import { sitePaths } from '../../../config/paths.ts';
import { useScope } from '../../../context/scope-context.tsx';
import { storeDraftPreview } from '../../../data/draft-preview.ts';
import { toOpenData } from '../../../domain/bank/open-data.ts';
import { parseCompass } from '../../../domain/bank/parse-compass.ts';
import type { Compass } from '../../../domain/bank/types.ts';
import { withSilentGaps } from '../../../domain/workbench/balance.ts';
import { readingPrefix } from '../../../i18n/reading.ts';
import { useWt } from '../ui/use-wt.ts';
import { orderedStatements } from './draft-of-view.ts';
import type { LocalWorkspace } from './local-model.ts';

type Problem =
  { kind: 'built' } | { kind: 'invalid'; messages: readonly string[] } | { kind: 'storage' };

/**
 * Step 7: the draft taken as a voter, in the real quiz (the app shows it marked as a draft, from
 * this tab's storage: it is not sent anywhere), and the statements in the quiz's order. Cells
 * not coded yet count as silent there, and the step says how many.
 */
export function PreviewStep({ local, compass }: { local: LocalWorkspace; compass: Compass }) {
  const { t } = useWt();
  const navigate = useNavigate();
  const { reading } = useScope();
  const [problem, setProblem] = useState<Problem | null>(null);
  const statements = orderedStatements(local);
  if (statements.length === 0) return <p>{t('preview.empty')}</p>;
  const { compass: filled, uncoded } = withSilentGaps(compass);

  const open = () => {
    if (isServedCompass(filled.id)) return setProblem({ kind: 'built' });
    const data = toOpenData(filled);
    const parsed = parseCompass(data);
    if (!parsed.ok)
      return setProblem({ kind: 'invalid', messages: parsed.issues.map((i) => i.message) });
    if (!storeDraftPreview(data)) return setProblem({ kind: 'storage' });
    void navigate(sitePaths(readingPrefix(reading), filled.id).home);
  };

  return (
    <>
      <p>{t('preview.asVoter')}</p>
      {uncoded.length > 0 && <p>{t('preview.uncoded', { count: uncoded.length })}</p>}
      <button type="button" onClick={open}>
        {t('preview.open')}
      </button>
      {problem && (
        <div role="alert" className="wb-issues">
          <p>
            {problem.kind === 'built'
              ? t('preview.built', { id: filled.id })
              : problem.kind === 'invalid'
                ? t('preview.invalid', { count: problem.messages.length })
                : t('preview.storage')}
          </p>
          {problem.kind === 'invalid' && (
            // The bank's own messages, as `npm run validate` gives them (in English).
            <ul lang="en">
              {problem.messages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <h3>{t('preview.listHeading')}</h3>
      <p>{t('preview.text')}</p>
      <ol className="wb-preview" lang="sv">
        {statements.map(({ id, value }) => (
          <li key={id}>
            <p>
              <strong>{value.text.sv}</strong>
            </p>
            <p>{value.explainer.sv}</p>
            {value.easy && <p className="wb-hint">{value.easy.text}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
