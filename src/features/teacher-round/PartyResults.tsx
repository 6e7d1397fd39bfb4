import { useTranslation } from 'react-i18next';
import type { Compass } from '../../domain/bank/types.ts';
import type { ClassFigures } from '../../domain/classroom/index.ts';

/**
 * Per party: the class's mean match and how many pupils had it first, as bars (hidden from screen
 * readers) and as a table. Highest mean first; parties nobody got a result for last.
 */
export function PartyResults({ compass, figures }: { compass: Compass; figures: ClassFigures }) {
  const { t } = useTranslation('teacher');
  const { t: tApp } = useTranslation();
  const rows = compass.parties
    .filter((p) => figures.parties[p.id] !== undefined)
    .map((party) => ({ party, figure: figures.parties[party.id]! }))
    .sort((a, b) => (b.figure.meanPercent ?? -1) - (a.figure.meanPercent ?? -1));
  const name = (row: (typeof rows)[number]) =>
    tApp('party.label', { name: row.party.name, municipality: row.party.municipality });
  const mean = (row: (typeof rows)[number]) =>
    row.figure.meanPercent === null
      ? t('results.noMean')
      : t('results.percent', { percent: row.figure.meanPercent });
  const first = (row: (typeof rows)[number]) =>
    t('results.firstCount', { count: row.figure.first, total: figures.submissions });
  return (
    <section className="class-parties" aria-labelledby="class-parties-heading">
      <h2 id="class-parties-heading">{t('results.partiesTitle')}</h2>
      <p>{t('results.partiesIntro')}</p>
      <ul className="party-bars" aria-hidden="true">
        {rows.map((row) => (
          <li key={row.party.id}>
            <p className="ranking-head">
              <span
                className="party-swatch"
                style={{ backgroundColor: row.party.colour }}
                aria-hidden="true"
              />
              <strong>{name(row)}</strong> <span className="percent">{mean(row)}</span>
            </p>
            <div className="bar">
              <div
                style={{
                  width: `${row.figure.meanPercent ?? 0}%`,
                  backgroundColor: row.party.colour,
                }}
              />
            </div>
            <p className="hint">
              {t('results.first')}: {first(row)}
            </p>
          </li>
        ))}
      </ul>
      <div className="reflow">
        <table className="parties-table">
          <caption>{t('results.partiesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.party')}</th>
              <th scope="col">{t('results.mean')}</th>
              <th scope="col">{t('results.first')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.party.id}>
                <th scope="row">{name(row)}</th>
                <td data-label={t('results.mean')} className="nowrap">
                  {mean(row)}
                </td>
                <td data-label={t('results.first')}>{first(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
