import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../components/NotFound.tsx';
import { useStatementText } from '../../components/use-statement-text.ts';
import { direction } from '../../config/languages.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { confidenceKey, formatDecimal, positionKey } from '../../i18n/labels.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { coverageText } from './coverage-text.ts';
import { useResult } from './use-result.ts';

/** One party, statement by statement: your answer, its position, the quote, and what each added. */
export function PartyDetail() {
  const paths = usePaths();
  const { t, i18n } = useTranslation();
  const compass = useCompass();
  const partyId = useParams().party ?? '';
  const party = compass.parties.find((p) => p.id === partyId);
  const answers = useAnswers((s) => s.answers);
  const shown = useStatementText();
  const result = useResult(compass, { answers, parties: party ? [party.id] : [] });
  if (!party) return <NotFound />;
  const lang = i18n.language;
  // Marked up when the text is not in the page's language (easy-read, or the Swedish fallback).
  const langOf = (textLang: string) =>
    textLang === i18n.language ? {} : { lang: textLang, dir: direction(textLang) };
  const score = result.status === 'ok' ? result.parties[0]! : null;
  return (
    <>
      <h1>{t('party.title', { name: party.name, municipality: party.municipality })}</h1>
      <p>
        <a href={party.source.url} rel="noreferrer noopener" target="_blank">
          {t('party.sourcePage')}
        </a>{' '}
        · <Link to={paths.programme(party.id)}>{t('party.programme')}</Link>
      </p>
      {score === null || result.status !== 'ok' ? (
        <p role="status">{t('results.noResult')}</p>
      ) : (
        <>
          <p className="lead">
            {t('party.summary', {
              percent: score.percent,
              low: score.range[0],
              high: score.range[1],
            })}{' '}
            {coverageText(t, score, result.answered)}
          </p>
          <h2>{t('party.byStatement')}</h2>
          <p className="hint">{t('party.contributionHint')}</p>
          <p className="hint">{t('statements.quoteNote')}</p>
          <ol className="comparison">
            {result.statements.map((id, j) => {
              const statement = compass.statements.find((s) => s.id === id)!;
              const given = answers[id]!;
              const stance = statement.stances[party.id]!;
              const points = (100 * score.contributions[j]!) / score.exactScore.denominator;
              return (
                <li key={id}>
                  <h3 {...langOf(shown(statement).textLang)}>{shown(statement).text}</h3>
                  <dl>
                    <dt>{t('party.yourAnswer')}</dt>
                    <dd>
                      {t(positionKey(given.answer))}
                      {given.important && <> ({t('quiz.important').toLowerCase()})</>}
                    </dd>
                    <dt>{t('party.position', { party: party.short })}</dt>
                    <dd>
                      {stance.position === null
                        ? t(positionKey(null))
                        : t(positionKey(stance.position))}
                      {stance.position !== null && <> · {t(confidenceKey(stance.confidence))}</>}
                    </dd>
                    <dt>{t('party.contribution')}</dt>
                    <dd>{t('party.points', { points: formatDecimal(points, lang, 1) })}</dd>
                  </dl>
                  {stance.quotes.map((quote) => (
                    <blockquote key={quote} lang="sv">
                      {quote}
                    </blockquote>
                  ))}
                  {stance.quotes.length > 0 && (
                    <p>
                      <Link to={paths.programme(party.id, id)}>{t('party.quoteInProgramme')}</Link>
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
      <p>
        <Link to={paths.results}>{t('party.back')}</Link>
      </p>
    </>
  );
}
