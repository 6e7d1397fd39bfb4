import { useTranslation } from 'react-i18next';
import { StanceView } from '../../components/StanceView.tsx';
import { useStatementText } from '../../components/use-statement-text.ts';
import { direction } from '../../config/languages.ts';
import type { Compass, Statement } from '../../domain/bank/types.ts';
import type { VoterAnswer } from '../../domain/scoring/index.ts';
import { positionKey } from '../../i18n/labels.ts';
import { localized } from '../../i18n/localized.ts';

/** Every statement with what each programme says, quotes included: the coding laid open. */
export function StatementList({
  compass,
  answers,
}: {
  compass: Compass;
  answers?: Readonly<Record<string, VoterAnswer>>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('statements.title')}</h1>
      <p>{t('statements.intro')}</p>
      <p>{t('statements.quoteNote')}</p>
      <ol className="statements">
        {compass.statements.map((statement) => (
          <StatementItem
            key={statement.id}
            compass={compass}
            statement={statement}
            given={answers?.[statement.id]}
            showAnswer={answers !== undefined}
          />
        ))}
      </ol>
    </>
  );
}

function StatementItem({
  compass,
  statement,
  given,
  showAnswer,
}: {
  compass: Compass;
  statement: Statement;
  given: VoterAnswer | undefined;
  showAnswer: boolean;
}) {
  const { t, i18n } = useTranslation();
  const theme = compass.themes.find((th) => th.id === statement.theme);
  const headingId = `statement-${statement.id}`;
  const shown = useStatementText()(statement);
  // Marked up when the text is not in the page's language (easy-read, or the Swedish fallback).
  const langOf = (textLang: string) =>
    textLang === i18n.language ? {} : { lang: textLang, dir: direction(textLang) };
  return (
    <li className="statement" aria-labelledby={headingId}>
      {theme && (
        <p className="theme">
          {t('statements.theme', { theme: localized(theme.name, i18n.language) })}
        </p>
      )}
      <h2 id={headingId} {...langOf(shown.textLang)}>
        {shown.text}
      </h2>
      {showAnswer && (
        <p className="your-answer">
          {t('statements.yourAnswer', {
            answer: given ? t(positionKey(given.answer)) : t('review.notAnswered'),
          })}
        </p>
      )}
      <details>
        <summary>{t('statements.explainer')}</summary>
        <p {...langOf(shown.explainerLang)}>{shown.explainer}</p>
      </details>
      <h3>{t('statements.stances')}</h3>
      <ul className="stances">
        {compass.parties.map((party) => (
          <StanceView key={party.id} party={party} stance={statement.stances[party.id]!} />
        ))}
      </ul>
    </li>
  );
}
