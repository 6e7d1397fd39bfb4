import { useTranslation } from 'react-i18next';
import type { StatementBody } from '../../../domain/workbench/api.ts';

/** The statement's explainer and which way agreeing points (its text is the cell's heading). */
export function StatementCard({ statement }: { readonly statement: StatementBody }) {
  const { t } = useTranslation('workbenchCoding');
  return (
    <section className="coding-statement" aria-label={t('cell.statement')}>
      {statement.explainer.sv && (
        <>
          <h3>{t('cell.explainer')}</h3>
          <p lang="sv">{statement.explainer.sv}</p>
        </>
      )}
      <p className="coding-hint">{t(`direction.${statement.direction}`)}</p>
    </section>
  );
}
