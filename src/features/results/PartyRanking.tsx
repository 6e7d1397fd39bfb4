import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePaths } from '../../context/scope-context.tsx';
import type { Compass } from '../../domain/bank/types.ts';
import type { PartyScore, ScoredVoter } from '../../domain/scoring/index.ts';
import { coverageText } from './coverage-text.ts';

/** The ranked parties with bars, range and coverage in words; then the parties not ranked, and why. */
export function PartyRanking({
  compass,
  result,
  linkToParty = true,
}: {
  compass: Compass;
  result: ScoredVoter;
  linkToParty?: boolean;
}) {
  const paths = usePaths();
  const { t } = useTranslation();
  const partyOf = (id: string) => compass.parties.find((p) => p.id === id)!;
  const ranked = result.parties.filter((p) => p.rank !== null);
  const unranked = result.parties.filter((p) => p.rank === null);
  const name = (score: PartyScore) => {
    const party = partyOf(score.party);
    return t('party.label', { name: party.name, municipality: party.municipality });
  };
  return (
    <>
      <ol className="ranking">
        {ranked.map((score) => {
          const party = partyOf(score.party);
          return (
            <li key={score.party} className="ranking-row">
              <p className="ranking-head">
                <span className="rank">{t('results.rank', { rank: score.rank })}</span>{' '}
                <span
                  className="party-swatch"
                  style={{ backgroundColor: party.colour }}
                  aria-hidden="true"
                />
                <strong>{name(score)}</strong>{' '}
                <span className="percent">
                  {t('results.percentRange', {
                    percent: score.percent,
                    low: score.range[0],
                    high: score.range[1],
                  })}
                </span>
              </p>
              <div className="bar" aria-hidden="true">
                <div style={{ width: `${score.percent}%`, backgroundColor: party.colour }} />
              </div>
              <p className="coverage">{coverageText(t, score, result.answered)}</p>
              {linkToParty && (
                <p>
                  <Link to={paths.party(score.party)}>
                    {t('results.partyDetail', { party: party.short })}
                  </Link>
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {unranked.length > 0 && (
        <section aria-labelledby="unranked-heading">
          <h2 id="unranked-heading">{t('results.unrankedTitle')}</h2>
          <ul className="unranked">
            {unranked.map((score) => (
              <li key={score.party}>
                <strong>{name(score)}</strong>:{' '}
                {t(`results.reason.${score.reason!}`, { stated: score.stated })}{' '}
                {t('results.unrankedPercent', { percent: score.percent })}
                {linkToParty && (
                  <>
                    {' '}
                    <Link to={paths.party(score.party)}>
                      {t('results.partyDetail', { party: partyOf(score.party).short })}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
