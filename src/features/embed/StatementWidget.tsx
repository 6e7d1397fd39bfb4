import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ListenButton } from '../../components/ListenButton.tsx';
import { StanceView } from '../../components/StanceView.tsx';
import { useStatementText } from '../../components/use-statement-text.ts';
import { direction } from '../../config/languages.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import type { Position } from '../../domain/bank/types.ts';
import { handoverFragment } from '../../domain/share-link/answer-handover.ts';
import { positionKey } from '../../i18n/labels.ts';
import { useAnswers } from '../../state/answers-store.ts';

const OPTIONS: readonly Position[] = [1, 0.5, 0, -0.5, -1];

/**
 * One statement inside an article: the reader answers, then sees what each programme says (with
 * quotes), and can go on to the whole quiz with that answer already given (in the link's fragment).
 */
export function StatementWidget() {
  const paths = usePaths();
  const { t, i18n } = useTranslation();
  const compass = useCompass();
  const id = useParams().statement ?? '';
  const index = compass.statements.findIndex((s) => s.id === id);
  const statement = compass.statements[index];
  const answer = useAnswers((s) => s.answer);
  const shownText = useStatementText();
  const [chosen, setChosen] = useState<Position | null>(null);
  const partiesHeading = useRef<HTMLHeadingElement>(null);
  const answered = chosen !== null;
  useEffect(() => {
    if (answered) partiesHeading.current?.focus();
  }, [answered]);
  if (!statement) return <p role="alert">{t('widget.unknown')}</p>;
  const shown = shownText(statement);
  // Marked up when the text is not in the page's language (easy-read, or the Swedish fallback).
  const langOf = (textLang: string) =>
    textLang === i18n.language ? {} : { lang: textLang, dir: direction(textLang) };
  // The whole quiz goes on after this statement, with this answer handed over in the fragment.
  const next = index + 2 <= compass.statements.length ? paths.statement(index + 2) : paths.review;
  const full = (answer: Position) =>
    `${window.location.origin}${next}${handoverFragment(statement.id, answer)}`;
  return (
    <article className="widget" aria-labelledby="widget-statement">
      <p className="progress-text">{t('widget.kicker')}</p>
      <h1 id="widget-statement" {...langOf(shown.textLang)}>
        {shown.text}
      </h1>
      <div className="reading-tools">
        <ListenButton text={shown.text} lang={shown.textLang} name={t('listen.statement')} />
      </div>
      <details className="explainer">
        <summary>{t('quiz.explainer')}</summary>
        <p {...langOf(shown.explainerLang)}>{shown.explainer}</p>
        <ListenButton
          text={shown.explainer}
          lang={shown.explainerLang}
          name={t('listen.explainer')}
        />
      </details>
      <fieldset className="answers">
        <legend>{t('quiz.yourAnswer')}</legend>
        <div className="answer-buttons">
          {OPTIONS.map((value) => (
            <button
              key={value}
              type="button"
              className="answer"
              aria-pressed={chosen === value}
              onClick={() => {
                setChosen(value);
                answer(statement.id, value);
              }}
            >
              {t(positionKey(value))}
            </button>
          ))}
        </div>
      </fieldset>
      {chosen !== null && (
        <section aria-labelledby="widget-parties">
          <h2 id="widget-parties" ref={partiesHeading} tabIndex={-1}>
            {t('widget.parties')}
          </h2>
          <p className="hint">{t('statements.quoteNote')}</p>
          <ul className="stances">
            {compass.parties.map((party) => (
              <StanceView key={party.id} party={party} stance={statement.stances[party.id]!} />
            ))}
          </ul>
          <p>
            <a className="button primary" href={full(chosen)} target="_blank" rel="noopener">
              {t('widget.fullQuiz')}
            </a>
          </p>
        </section>
      )}
    </article>
  );
}
