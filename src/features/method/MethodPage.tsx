import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { methodFigures } from '../../data/load-method.ts';
import { PERTURBATIONS } from '../../domain/method/figures.ts';
import { percentHalfUp } from '../../domain/scoring/index.ts';
import { formatDecimal } from '../../i18n/labels.ts';

/** A share of `total` simulated voters as a whole percent, rounded once and exactly. */
const pct = (share: number, total: number) => percentHalfUp(Math.round(share * total), total);

/** How the matching works, in plain words, with the coding and robustness figures and the limits. */
export function MethodPage() {
  const paths = usePaths();
  const { t, i18n } = useTranslation();
  const compass = useCompass();
  const figures = use(methodFigures.read(compass.id));
  const paragraphs = (key: 'method.matching' | 'method.coding' | 'method.limits') =>
    t(key, { returnObjects: true }).map((text) => <p key={text}>{text}</p>);
  const agreement = figures?.agreement;
  const robustness = figures?.robustness;
  return (
    <>
      <h1>{t('method.title')}</h1>
      <h2>{t('method.matchingTitle')}</h2>
      {paragraphs('method.matching')}
      {figures?.ranking && (
        <p>
          {t('method.allRanked', {
            count: figures.ranking.everything.voters,
            everything: pct(
              figures.ranking.everything.allRanked,
              figures.ranking.everything.voters,
            ),
            tenth: pct(figures.ranking.tenthSkipped.allRanked, figures.ranking.tenthSkipped.voters),
          })}
        </p>
      )}
      <h2>{t('method.codingTitle')}</h2>
      {paragraphs('method.coding')}
      {agreement && (
        <p>
          {t('method.agreement', {
            cells: agreement.cells,
            same: agreement.samePosition,
            percent: percentHalfUp(agreement.samePosition, agreement.cells),
            kappa: formatDecimal(agreement.kappa, i18n.language, 2),
          })}
        </p>
      )}
      <h2>{t('method.robustnessTitle')}</h2>
      {robustness ? (
        <>
          <p>{t('method.robustnessIntro', { count: robustness.perKind })}</p>
          <div className="table-scroll reflow">
            <table>
              <caption>{t('method.robustnessCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('method.change')}</th>
                  <th scope="col">{t('method.randomVoters')}</th>
                  <th scope="col">{t('method.partyVoters')}</th>
                </tr>
              </thead>
              <tbody>
                {PERTURBATIONS.map((key) => (
                  <tr key={key}>
                    <th scope="row">{t(`method.changes.${key}`)}</th>
                    <td data-label={t('method.randomVoters')}>
                      {t('results.percent', {
                        percent: pct(robustness.changed[key].random, robustness.perKind),
                      })}
                    </td>
                    <td data-label={t('method.partyVoters')}>
                      {t('results.percent', {
                        percent: pct(robustness.changed[key].partyLike, robustness.perKind),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {t('method.modelFirst', { percent: pct(robustness.modelFirst, robustness.perKind) })}
          </p>
        </>
      ) : null}
      <h2>{t('method.limitsTitle')}</h2>
      {paragraphs('method.limits')}
      <p>
        <Link to={paths.statements}>{t('start.allStatements')}</Link>
      </p>
    </>
  );
}
