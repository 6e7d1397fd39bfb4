import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StanceView } from '../../components/StanceView.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import type { Compass, Statement } from '../../domain/bank/types.ts';
import { divisiveness, type StatementCounts } from '../../domain/classroom/index.ts';
import { percentHalfUp } from '../../domain/scoring/index.ts';
import { localized } from '../../i18n/localized.ts';
import { DISPLAY_ORDER, LABEL_KEY, SEGMENT_CLASS } from './answer-scale.ts';

/** A segment gets its count written in it from this share of the bar on (else only in the table). */
const LABEL_FROM_PERCENT = 8;

/**
 * One statement in the class result: how divided the class was, a stacked bar of the five answers
 * and skips (colour and pattern, hidden from screen readers) with the real table behind it, how
 * many marked it important, and each party's stated position with its quotes (in a disclosure,
 * so that 32 statements stay scannable; opened for printing).
 */
export function StatementResult({
  compass,
  statement,
  number,
  counts,
  submissions,
}: {
  compass: Compass;
  statement: Statement;
  /** The statement's number in the compass (1-based). */
  number: number;
  counts: StatementCounts;
  submissions: number;
}) {
  const paths = usePaths();
  const { t, i18n } = useTranslation('teacher');
  const { t: tApp } = useTranslation();
  const headingId = `class-statement-${statement.id}`;
  const d = divisiveness(counts);
  const answered = submissions - counts.skip;
  const share = (n: number) => (submissions === 0 ? 0 : percentHalfUp(n, submissions));
  const quoted = compass.parties.filter((p) => statement.stances[p.id]!.quotes.length > 0);
  const stated = compass.parties.filter((p) => statement.stances[p.id]!.position !== null).length;
  return (
    <li className="class-statement" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="statement-number">{number}.</span>{' '}
        {localized(statement.text, i18n.language)}
      </h3>
      <p className="divided">
        {d === null ? t('results.dividedNone') : t('results.divided', { percent: d.percent })}
      </p>
      <div className="stacked-bar" aria-hidden="true">
        {DISPLAY_ORDER.map((key) =>
          counts[key] === 0 ? null : (
            <div
              key={key}
              className={`segment ${SEGMENT_CLASS[key]}`}
              style={{ flexGrow: counts[key] }}
              title={`${tApp(LABEL_KEY[key])}: ${counts[key]}`}
            >
              {share(counts[key]) >= LABEL_FROM_PERCENT && (
                <span className="segment-label">{counts[key]}</span>
              )}
            </div>
          ),
        )}
      </div>
      <div className="reflow">
        <table className="answers-table">
          <caption>{t('results.tableCaption', { number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.answer')}</th>
              <th scope="col">{t('results.pupils')}</th>
              <th scope="col">{t('results.share')}</th>
            </tr>
          </thead>
          <tbody>
            {DISPLAY_ORDER.map((key) => (
              <tr key={key}>
                <th scope="row">
                  <span className={`swatch ${SEGMENT_CLASS[key]}`} aria-hidden="true" />
                  {tApp(LABEL_KEY[key])}
                </th>
                <td data-label={t('results.pupils')}>{counts[key]}</td>
                <td data-label={t('results.share')} className="nowrap">
                  {t('results.percent', { percent: share(counts[key]) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="important-count">
        {t('results.important', { count: counts.important, answered })}
      </p>
      <details className="class-stances">
        <summary>{t('results.stancesSummary', { stated, total: compass.parties.length })}</summary>
        <ul className="stances">
          {compass.parties.map((party) => (
            <StanceView key={party.id} party={party} stance={statement.stances[party.id]!} />
          ))}
        </ul>
        {quoted.length > 0 && (
          <div className="quote-links">
            <p>{t('results.quoteLinks')}</p>
            <ul>
              {quoted.map((party) => (
                <li key={party.id}>
                  <Link to={paths.programme(party.id, statement.id)}>
                    {t('results.quoteLink', { party: party.short })}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </details>
    </li>
  );
}
