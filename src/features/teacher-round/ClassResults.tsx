import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compass } from '../../domain/bank/types.ts';
import { byDivisiveness, type ClassFigures } from '../../domain/classroom/index.ts';
import { DISPLAY_ORDER, LABEL_KEY, SEGMENT_CLASS } from './answer-scale.ts';
import { classResultCsv, type CsvVariant, downloadText } from './class-csv.ts';
import { PartyResults } from './PartyResults.tsx';
import { StatementResult } from './StatementResult.tsx';

type Order = 'compass' | 'divided';

/**
 * The class's figures of a closed round (≥ 5 pupils): per statement (compass order, or most
 * divided first) with the parties' positions, per party (first: the overview), and print and
 * CSV export (for Excel in Swedish, and standard RFC 4180).
 */
export function ClassResults({
  compass,
  figures,
  code,
}: {
  compass: Compass;
  figures: ClassFigures;
  code: string;
}) {
  const { t, i18n } = useTranslation('teacher');
  const { t: tApp } = useTranslation();
  const [order, setOrder] = useState<Order>('compass');
  const orderName = useId();
  // Only statements both the round and this compass have (a changed compass version drops some).
  const statements = useMemo(
    () => compass.statements.filter((s) => figures.statements[s.id] !== undefined),
    [compass, figures],
  );
  const numbers = useMemo(
    () => new Map(compass.statements.map((s, i) => [s.id, i + 1])),
    [compass],
  );
  const ordered = useMemo(() => {
    if (order === 'compass') return statements;
    const ids = byDivisiveness(
      figures.statements,
      statements.map((s) => s.id),
    );
    return ids.map((id) => statements.find((s) => s.id === id)!);
  }, [order, statements, figures]);

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
      <PartyResults compass={compass} figures={figures} />
      <section className="class-statements" aria-labelledby="class-statements-heading">
        <h2 id="class-statements-heading">{t('results.statementsTitle')}</h2>
        <fieldset className="order-choice no-print">
          <legend>{t('results.order')}</legend>
          {(['compass', 'divided'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={orderName}
                value={value}
                checked={order === value}
                onChange={() => setOrder(value)}
              />
              <span>
                {value === 'compass' ? t('results.orderCompass') : t('results.orderDivided')}
              </span>
            </label>
          ))}
        </fieldset>
        <p className="hint">{t('results.dividedExplain')}</p>
        <div className="legend" aria-hidden="true">
          <p className="legend-title">{t('results.legend')}</p>
          <ul>
            {DISPLAY_ORDER.map((key) => (
              <li key={key}>
                <span className={`swatch ${SEGMENT_CLASS[key]}`} />
                {tApp(LABEL_KEY[key])}
              </li>
            ))}
          </ul>
        </div>
        <ol className="class-statement-list">
          {ordered.map((statement) => (
            <StatementResult
              key={statement.id}
              compass={compass}
              statement={statement}
              number={numbers.get(statement.id)!}
              counts={figures.statements[statement.id]!}
              submissions={figures.submissions}
            />
          ))}
        </ol>
      </section>
    </>
  );
}
