import { useTranslation } from 'react-i18next';
import type { Compass } from '../../domain/bank/types.ts';
import type { ScoreResult } from '../../domain/scoring/index.ts';
import { MethodComparison } from './MethodComparison.tsx';
import { PartyRanking } from './PartyRanking.tsx';
import { Stability } from './Stability.tsx';
import { ThemeProfile } from './ThemeProfile.tsx';

/** A result laid out: ranking, stability, themes, methods. Shared by own and shared results. */
export function ResultsView({
  compass,
  result,
  own,
}: {
  compass: Compass;
  result: ScoreResult;
  own: boolean;
}) {
  const { t } = useTranslation();
  if (result.status !== 'ok') return <p role="status">{t('results.noResult')}</p>;
  return (
    <>
      {result.preliminary && (
        <p className="notice" role="note">
          {t('results.preliminary', { answered: result.answered, needed: result.needed })}
        </p>
      )}
      <PartyRanking compass={compass} result={result} linkToParty={own} />
      <Stability compass={compass} result={result} />
      <ThemeProfile compass={compass} result={result} />
      <MethodComparison compass={compass} result={result} />
    </>
  );
}
