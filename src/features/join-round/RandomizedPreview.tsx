import './join-round.css';
import { useTranslation } from 'react-i18next';
import { useStatementText } from '../../components/use-statement-text.ts';
import { direction } from '../../config/languages.ts';
import type { Statement } from '../../domain/bank/types.ts';
import type { Category, RandomizedSubmission } from '../../domain/classroom/randomized-response.ts';
import type { Voter } from '../../domain/scoring/index.ts';
import { previewRows } from './randomized-submission.ts';

/** Up to this many statements the table is shown at once; a longer list is in a disclosure. */
export const OPEN_UP_TO = 6;

/** The string key of each category (classroom namespace). */
export const CATEGORY_KEY = {
  emot: 'randomized.category.emot',
  varken: 'randomized.category.varken',
  for: 'randomized.category.for',
  'hoppade-over': 'randomized.category.hoppadeOver',
} as const satisfies Record<Category, string>;

/**
 * What a pupil's browser will send to a randomized class round, shown before it is sent: per
 * statement (compass order) the pupil's own category, the category in the submission and a
 * "bytt" mark where the randomization swapped it, and one sentence on why. (That "Viktigt för mig"
 * is not sent the class panel says, in its list of what is not sent.) `submission` is the one the caller will send (drawn once with `drawSubmission`),
 * so what is shown is what is sent. Only the pupil sees the marks: they are on the pupil's own
 * device and never leave it.
 *
 * Sits under an h2 (the class panel's): its own heading is an h3. Render inside the `classroom`
 * namespace's gate.
 */
export function RandomizedPreview({
  statements,
  answers,
  submission,
}: {
  /** The compass's statements, in compass order. */
  statements: readonly Statement[];
  /** The pupil's own answers, as the answers store keeps them. */
  answers: Voter['answers'];
  /** Exactly what will be sent. */
  submission: RandomizedSubmission;
}) {
  const { t, i18n } = useTranslation('classroom');
  const shownText = useStatementText();
  const rows = previewRows(statements, answers, submission);
  const swapped = rows.filter((row) => row.swapped).length;
  const lang = i18n.language;

  const table = (
    <div className="reflow">
      <table className="randomized-table">
        <caption>{t('randomized.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('randomized.statement')}</th>
            <th scope="col">{t('randomized.own')}</th>
            <th scope="col">{t('randomized.sent')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ statement, own, sent, swapped: isSwapped }) => {
            const shown = shownText(statement);
            const langOf =
              shown.textLang === lang
                ? {}
                : { lang: shown.textLang, dir: direction(shown.textLang) };
            return (
              <tr key={statement.id} className={isSwapped ? 'swapped-row' : undefined}>
                <th scope="row" {...langOf}>
                  {shown.text}
                </th>
                <td data-label={t('randomized.own')}>{t(CATEGORY_KEY[own])}</td>
                <td data-label={t('randomized.sent')}>
                  <span>
                    {t(CATEGORY_KEY[sent])}
                    {isSwapped && (
                      <>
                        {' '}
                        <strong className="swapped-mark">{t('randomized.swapped')}</strong>
                      </>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  return (
    <div className="randomized-preview">
      <h3 className="small-heading">{t('randomized.title')}</h3>
      <p>{t('randomized.why')}</p>
      <p>{t('randomized.groups')}</p>
      <p>{t('randomized.swappedCount', { swapped, total: rows.length })}</p>
      {rows.length <= OPEN_UP_TO ? (
        table
      ) : (
        <details className="randomized-details">
          <summary>{t('randomized.show', { total: rows.length })}</summary>
          {table}
        </details>
      )}
      <details>
        <summary>{t('randomized.raw')}</summary>
        <pre data-testid="randomized-submission-json">{JSON.stringify(submission, null, 2)}</pre>
      </details>
    </div>
  );
}
