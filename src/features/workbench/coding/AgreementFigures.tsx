import { useTranslation } from 'react-i18next';
import type { AgreementJson } from '../../../domain/workbench/api.ts';
import { formatDecimal } from '../../../i18n/labels.ts';

/**
 * The two coders' agreement before reconciliation: for direction and for the exact position, the
 * share of cells with the same answer and Cohen's κ, over the cells both coded, with κ in words.
 */
export function AgreementFigures({ agreement }: { readonly agreement: AgreementJson }) {
  const { t, i18n } = useTranslation('workbenchCoding');
  const [a, b] = agreement.coders;
  const percent = (value: number | null) =>
    value === null
      ? t('reconcile.notMeasured')
      : t('reconcile.percentValue', { value: formatDecimal(value, i18n.language, 1) });
  const kappa = (value: number | null) =>
    value === null ? t('reconcile.notMeasured') : formatDecimal(value, i18n.language, 3);
  const rows = [
    ['direction', agreement.direction],
    ['position', agreement.position],
  ] as const;
  return (
    <div className="reconcile-agreement">
      <table className="reconcile-figures">
        <caption>{t('reconcile.figures', { a: a.label, b: b.label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reconcile.measure')}</th>
            <th scope="col">{t('reconcile.percent')}</th>
            <th scope="col">{t('reconcile.kappa')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, figure]) => (
            <tr key={key}>
              <th scope="row">{t(`reconcile.${key}`)}</th>
              <td>{percent(figure.percent)}</td>
              <td>{kappa(figure.kappa)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('reconcile.cells', { count: agreement.cells })}</p>
      {(agreement.onlyA > 0 || agreement.onlyB > 0) && (
        <p>
          {t('reconcile.only', {
            a: a.label,
            b: b.label,
            onlyA: agreement.onlyA,
            onlyB: agreement.onlyB,
          })}
        </p>
      )}
      <p className="coding-hint">{t('reconcile.kappaHelp')}</p>
    </div>
  );
}
