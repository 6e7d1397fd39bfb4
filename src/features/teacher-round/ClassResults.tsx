import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compass } from '../../domain/bank/types.ts';
import type { RandomizedClassFigures } from '../../domain/classroom/randomized-estimate.ts';
import { classResultCsv, type CsvVariant, downloadText } from './class-csv.ts';
import { EstimatedResults } from './EstimatedResults.tsx';

/**
 * The class's figures of a closed randomized round (at least ten submissions): print and CSV
 * export (for Excel in Swedish, and standard RFC 4180), then the estimates (EstimatedResults):
 * the class profile's agreement with each party, and per statement (in compass order, or where
 * the class seems most divided first, from the estimated shares) the estimated share of each
 * answer with its interval and the parties' positions.
 */
export function ClassResults({
  compass,
  figures,
  code,
}: {
  compass: Compass;
  figures: RandomizedClassFigures;
  code: string;
}) {
  const { t, i18n } = useTranslation('teacher');

  const download = (variant: CsvVariant) =>
    downloadText(
      classResultCsv(compass, figures, i18n.language, variant),
      variant === 'excel-sv'
        ? t('results.csvNameExcelSv', { code })
        : t('results.csvName', { code }),
    );

  useEffect(() => {
    // A printout has every party's position and quote: the disclosures open for printing and
    // close again afterwards (those the teacher had opened stay open).
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('details.class-stances')].filter(
        (d) => !d.open,
      );
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  return (
    <>
      <section className="class-export no-print" aria-labelledby="class-export-heading">
        <h2 id="class-export-heading">{t('results.exportTitle')}</h2>
        <p className="actions">
          <button type="button" onClick={() => window.print()}>
            {t('results.print')}
          </button>
          <button type="button" onClick={() => download('excel-sv')}>
            {t('results.csvExcelSv')}
          </button>
          <button type="button" onClick={() => download('standard')}>
            {t('results.csv')}
          </button>
        </p>
        <p className="hint">{t('results.csvHint')}</p>
      </section>
      <EstimatedResults compass={compass} figures={figures} />
    </>
  );
}
