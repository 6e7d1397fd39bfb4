import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { scoreVoter } from '../../domain/scoring/index.ts';
import { decodeShare } from '../../domain/share-link/share-code.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { ResultsView } from './ResultsView.tsx';

/**
 * A result someone shared: decoded from the URL fragment in the browser only. A broken,
 * truncated, tampered or outdated link gets a friendly message, never a crash.
 */
export function SharedResultPage() {
  const paths = usePaths();
  const { t } = useTranslation();
  const compass = useCompass();
  const { hash } = useLocation();
  const navigate = useNavigate();
  const replace = useAnswers((s) => s.replace);
  const decoded = useMemo(() => decodeShare(compass, hash), [compass, hash]);
  const result = useMemo(
    () => (decoded.ok ? scoreVoter(compass, decoded.voter) : null),
    [compass, decoded],
  );
  return (
    <>
      <h1>{t('shared.title')}</h1>
      {!decoded.ok || result === null ? (
        <div className="notice" role="alert">
          <p>{t(`shared.problem.${decoded.ok ? 'malformed' : decoded.problem}`)}</p>
        </div>
      ) : (
        <>
          <p>{t('shared.intro')}</p>
          <ResultsView compass={compass} result={result} own={false} />
          <p>
            <button
              type="button"
              onClick={() => {
                replace(decoded.voter);
                void navigate(paths.review);
              }}
            >
              {t('shared.takeOver')}
            </button>
          </p>
        </>
      )}
      <p className="actions">
        <Link className="button primary" to={paths.home}>
          {t('shared.yourself')}
        </Link>
      </p>
    </>
  );
}
