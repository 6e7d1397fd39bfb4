import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClearAnswers } from '../../components/ClearAnswers.tsx';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { ResultsView } from './ResultsView.tsx';
import { SharePanel } from './SharePanel.tsx';
import { useResult } from './use-result.ts';

/**
 * The voter's own result, recomputed at once whenever an answer or an importance changes.
 * `classPanel`: what the app puts below the share panel when there is a result (the classroom's
 * "send to the class" panel; features do not import each other, so the app passes it in).
 */
export function ResultsPage({ classPanel }: { classPanel?: ReactNode } = {}) {
  const paths = usePaths();
  const { t } = useTranslation();
  const compass = useCompass();
  const result = useResult(compass);
  return (
    <>
      <h1>{t('results.title')}</h1>
      <p>{t('results.intro')}</p>
      <ResultsView compass={compass} result={result} own />
      <nav aria-label={t('results.more')} className="more-links">
        <ul>
          <li>
            <Link to={paths.comparison}>{t('results.byStatement')}</Link>
          </li>
          <li>
            <Link to={paths.review}>{t('results.changeAnswers')}</Link>
          </li>
          <li>
            <Link to={paths.method}>{t('results.howItWorks')}</Link>
          </li>
        </ul>
      </nav>
      {result.status === 'ok' && (
        <>
          <SharePanel compass={compass} />
          {classPanel}
        </>
      )}
      <ClearAnswers />
    </>
  );
}
