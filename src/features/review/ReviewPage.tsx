import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClearAnswers } from '../../components/ClearAnswers.tsx';
import { useStatementText } from '../../components/use-statement-text.ts';
import { direction } from '../../config/languages.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { type Position, POSITIONS } from '../../domain/bank/types.ts';
import type { Answer } from '../../domain/scoring/index.ts';
import { positionKey } from '../../i18n/labels.ts';
import { useAnswers } from '../../state/answers-store.ts';

const UNANSWERED = 'none';

/** Every statement with the voter's answer: change answers, mark importance, choose parties. */
export function ReviewPage() {
  const paths = usePaths();
  const { t, i18n } = useTranslation();
  const shown = useStatementText();
  // Marked up when the text is not in the page's language (easy-read, or the Swedish fallback).
  const langOf = (textLang: string) =>
    textLang === i18n.language ? {} : { lang: textLang, dir: direction(textLang) };
  const compass = useCompass();
  const answers = useAnswers((s) => s.answers);
  const parties = useAnswers((s) => s.parties);
  const answer = useAnswers((s) => s.answer);
  const setImportant = useAnswers((s) => s.setImportant);
  const setParties = useAnswers((s) => s.setParties);
  const chosen = parties ?? compass.parties.map((p) => p.id);
  const answered = compass.statements.filter((s) => {
    const a = answers[s.id];
    return a !== undefined && a.answer !== 'skip';
  }).length;

  const toggleParty = (id: string, on: boolean) => {
    const next = on ? [...chosen, id] : chosen.filter((p) => p !== id);
    setParties(next.length === compass.parties.length ? null : next);
  };

  return (
    <>
      <h1>{t('review.title')}</h1>
      <p>{t('review.intro', { answered, total: compass.statements.length })}</p>
      <ol className="review-list">
        {compass.statements.map((s, i) => {
          const given = answers[s.id];
          const value = given === undefined ? UNANSWERED : String(given.answer);
          const selectId = `answer-${s.id}`;
          return (
            <li key={s.id}>
              <p className="review-statement" id={`text-${s.id}`}>
                <Link to={paths.statement(i + 1)} {...langOf(shown(s).textLang)}>
                  {shown(s).text}
                </Link>
              </p>
              <div className="review-controls">
                <label htmlFor={selectId}>{t('review.answerLabel')}</label>
                <select
                  id={selectId}
                  aria-describedby={`text-${s.id}`}
                  value={value}
                  onChange={(e) => {
                    const v = e.target.value;
                    if (v !== UNANSWERED)
                      answer(s.id, v === 'skip' ? 'skip' : (Number(v) as Position as Answer));
                  }}
                >
                  {given === undefined && (
                    <option value={UNANSWERED}>{t('review.notAnswered')}</option>
                  )}
                  {[...POSITIONS].reverse().map((p) => (
                    <option key={p} value={String(p)}>
                      {t(positionKey(p))}
                    </option>
                  ))}
                  <option value="skip">{t('review.skipped')}</option>
                </select>
                <label className="important">
                  <input
                    type="checkbox"
                    checked={
                      given !== undefined && given.answer !== 'skip' && given.important === true
                    }
                    disabled={given === undefined || given.answer === 'skip'}
                    onChange={(e) => setImportant(s.id, e.target.checked)}
                  />
                  {t('quiz.important')}
                </label>
              </div>
            </li>
          );
        })}
      </ol>
      <fieldset className="party-filter">
        <legend>{t('review.parties')}</legend>
        {compass.parties.map((p) => (
          <label key={p.id}>
            <input
              type="checkbox"
              checked={chosen.includes(p.id)}
              disabled={chosen.length === 1 && chosen.includes(p.id)}
              onChange={(e) => toggleParty(p.id, e.target.checked)}
            />
            {t('party.label', { name: p.name, municipality: p.municipality })}
          </label>
        ))}
      </fieldset>
      <p className="actions">
        <Link className="button primary" to={paths.results}>
          {t('review.toResults')}
        </Link>
      </p>
      <ClearAnswers />
    </>
  );
}
