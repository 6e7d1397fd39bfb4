import { useTranslation } from 'react-i18next';
import type { Compass } from '../../domain/bank/types.ts';
import type { MethodScore, ScoredVoter } from '../../domain/scoring/index.ts';

/**
 * The same answers under the three methods, side by side, with why they differ. On a narrow
 * screen the table reflows into one block per party (app.css, `.reflow`); each cell's data-label
 * repeats its column header for sighted readers.
 */
export function MethodComparison({ compass, result }: { compass: Compass; result: ScoredVoter }) {
  const { t } = useTranslation();
  const of = (list: readonly MethodScore[], id: string) => list.find((m) => m.party === id)!;
  const cell = (percent: number | null, rank: number | null) =>
    percent === null
      ? '–'
      : rank === null
        ? t('results.methods.unranked', { percent })
        : t('results.methods.cell', { percent, rank });
  return (
    <section aria-labelledby="methods-heading">
      <h2 id="methods-heading">{t('results.methods.title')}</h2>
      <p>{t('results.methods.why')}</p>
      <div className="table-scroll reflow">
        <table>
          <caption>{t('results.methods.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.methods.party')}</th>
              <th scope="col">{t('results.methods.default')}</th>
              <th scope="col">{t('results.methods.statedOnly')}</th>
              <th scope="col">{t('results.methods.wahlOMat')}</th>
            </tr>
          </thead>
          <tbody>
            {result.parties.map((p) => {
              const party = compass.parties.find((q) => q.id === p.party)!;
              const stated = of(result.methods.statedOnly, p.party);
              const wom = of(result.methods.wahlOMat, p.party);
              return (
                <tr key={p.party}>
                  <th scope="row">
                    {t('party.label', { name: party.name, municipality: party.municipality })}
                  </th>
                  <td data-label={t('results.methods.default')}>{cell(p.percent, p.rank)}</td>
                  <td data-label={t('results.methods.statedOnly')}>
                    {cell(stated.percent, stated.rank)}
                  </td>
                  <td data-label={t('results.methods.wahlOMat')}>{cell(wom.percent, wom.rank)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
