import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ListenButton } from '../../components/ListenButton.tsx';
import { EasyReadToggle } from '../../components/reading-link.tsx';
import { useEasyRead, useStatementText } from '../../components/use-statement-text.ts';
import { direction } from '../../config/languages.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import type { Answer } from '../../domain/scoring/index.ts';
import { positionKey } from '../../i18n/labels.ts';
import { fallbackLang, localized } from '../../i18n/localized.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { ANSWER_OPTIONS, IMPORTANT_KEY, SKIP_KEY } from './answer-options.ts';
import { MarkedText } from './MarkedText.tsx';
import { TermList } from './TermList.tsx';
import { useShortcuts } from './use-shortcuts.ts';

/** One statement per screen: answer, skip or mark as important; answering moves on. */
export function QuizPage() {
  const paths = usePaths();
  const { t, i18n } = useTranslation();
  const compass = useCompass();
  const navigate = useNavigate();
  const number = Number(useParams().number);
  const total = compass.statements.length;
  const statement = Number.isInteger(number) ? compass.statements[number - 1] : undefined;
  const given = useAnswers((s) => (statement ? s.answers[statement.id] : undefined));
  const answer = useAnswers((s) => s.answer);
  const setImportant = useAnswers((s) => s.setImportant);
  // Importance chosen before answering, for the statement it was chosen on.
  const [pending, setPending] = useState<{ id: string; on: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownText = useStatementText();
  const easy = useEasyRead();

  // Each statement's heading takes the focus, so a screen reader reads the new statement. Only
  // while this document has the focus: an embedded quiz (and the embed builder's preview) must not
  // pull the focus, and the host page's scroll position with it, out of the page around it.
  useEffect(() => {
    if (document.hasFocus()) heading.current?.focus();
  }, [number]);

  const pendingImportant = statement !== undefined && pending?.id === statement.id && pending.on;
  const important = given ? given.answer !== 'skip' && given.important === true : pendingImportant;
  const next = number < total ? paths.statement(number + 1) : paths.review;
  const previous = number > 1 ? paths.statement(number - 1) : paths.home;
  const choose = (value: Answer) => {
    if (!statement) return;
    answer(statement.id, value);
    if (value !== 'skip' && important) setImportant(statement.id, true);
    void navigate(next);
  };
  const toggleImportant = (on: boolean) => {
    if (statement && given && given.answer !== 'skip') setImportant(statement.id, on);
    else if (statement) setPending({ id: statement.id, on });
  };
  const rtl = direction(i18n.language) === 'rtl';
  useShortcuts({
    ...Object.fromEntries(ANSWER_OPTIONS.map((o) => [o.key, () => choose(o.value)])),
    [SKIP_KEY]: () => choose('skip'),
    [IMPORTANT_KEY]: () => toggleImportant(!important),
    [rtl ? 'ArrowRight' : 'ArrowLeft']: () => void navigate(previous),
    [rtl ? 'ArrowLeft' : 'ArrowRight']: () => void navigate(next),
  });

  if (!statement) return <Navigate to={paths.statement(1)} replace />;
  const theme = compass.themes.find((th) => th.id === statement.theme);
  const terms = compass.glossary.filter((g) => statement.terms.includes(g.id));
  const lang = i18n.language;
  const shown = shownText(statement);
  // Marked up when the text is not in the page's language (easy-read, or the Swedish fallback).
  const langOf = (textLang: string) =>
    textLang === lang ? {} : { lang: textLang, dir: direction(textLang) };
  return (
    <article className="quiz" aria-labelledby="statement-heading">
      <p className="progress-text" aria-live="polite">
        {t('quiz.progress', { number, total })}
        {theme && (
          <>
            {' · '}
            <span {...fallbackLang(theme.name, lang)}>{localized(theme.name, lang)}</span>
          </>
        )}
      </p>
      {/* SVG attributes, not a style attribute: the prerendered page's policy allows no inline styles. */}
      <svg
        className="progress-bar"
        aria-hidden="true"
        viewBox="0 0 100 1"
        preserveAspectRatio="none"
      >
        <rect width={(100 * number) / total} height="1" />
      </svg>
      <h1 id="statement-heading" ref={heading} tabIndex={-1} {...langOf(shown.textLang)}>
        <MarkedText text={shown.text} terms={terms} language={shown.textLang} />
      </h1>
      <div className="reading-tools">
        <ListenButton text={shown.text} lang={shown.textLang} name={t('listen.statement')} />
        {compass.statements.some((s) => s.easy) && <EasyReadToggle on={easy} />}
      </div>
      {easy && !shown.easy && <p className="hint">{t('quiz.noEasy')}</p>}
      <details className="explainer">
        <summary>{t('quiz.explainer')}</summary>
        <p {...langOf(shown.explainerLang)}>{shown.explainer}</p>
        <ListenButton
          text={shown.explainer}
          lang={shown.explainerLang}
          name={t('listen.explainer')}
        />
      </details>
      <TermList terms={terms} />
      <noscript>
        <p className="notice">
          {t('noscript.quiz')} <a href={paths.statements}>{t('noscript.statements')}</a>
        </p>
      </noscript>
      <fieldset className="answers needs-js">
        <legend>{t('quiz.yourAnswer')}</legend>
        <div className="answer-buttons">
          {ANSWER_OPTIONS.map((option) => (
            <button
              key={option.key}
              type="button"
              className="answer"
              aria-pressed={given?.answer === option.value}
              aria-keyshortcuts={option.key}
              onClick={() => choose(option.value)}
            >
              {t(positionKey(option.value))}
            </button>
          ))}
        </div>
        <label className="important">
          <input
            type="checkbox"
            checked={important}
            aria-keyshortcuts={IMPORTANT_KEY}
            onChange={(e) => toggleImportant(e.target.checked)}
          />
          {t('quiz.important')}
        </label>
        <button
          type="button"
          className="skip"
          aria-pressed={given?.answer === 'skip'}
          aria-keyshortcuts={SKIP_KEY}
          onClick={() => choose('skip')}
        >
          {t('quiz.skip')}
        </button>
        <p className="hint">{t('quiz.neutralVsSkip')}</p>
      </fieldset>
      <nav className="quiz-nav" aria-label={t('quiz.navigation')}>
        <Link to={previous}>{number > 1 ? t('quiz.previous') : t('quiz.toStart')}</Link>
        <Link to={next}>{number < total ? t('quiz.next') : t('quiz.toReview')}</Link>
      </nav>
      <p className="hint shortcuts needs-js">{t('quiz.shortcuts')}</p>
    </article>
  );
}
