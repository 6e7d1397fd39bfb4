import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ClearAnswers } from '../../components/ClearAnswers.tsx';
import { EasyReadToggle } from '../../components/reading-link.tsx';
import { useEasyRead } from '../../components/use-statement-text.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { fallbackLang, localized } from '../../i18n/localized.ts';
import { useAnswers } from '../../state/answers-store.ts';

/** What the compass is and is not, how long it takes, the privacy promise, and the way in. */
export function StartPage() {
  const paths = usePaths();
  const { t, i18n } = useTranslation();
  const compass = useCompass();
  const answers = useAnswers((s) => s.answers);
  const easy = useEasyRead();
  // True once "Rensa mina svar" has cleared the answers: ClearAnswers then stays on screen with its
  // confirmation, although nothing is answered any more.
  const [justCleared, setJustCleared] = useState(false);
  const lang = i18n.language;
  // Every text of a compass is in the same languages (the bank's rule), so the title tells.
  const inSwedish = fallbackLang(compass.title, lang);
  const total = compass.statements.length;
  const reached = compass.statements.filter((s) => answers[s.id] !== undefined).length;
  const firstOpen = compass.statements.findIndex((s) => answers[s.id] === undefined);
  const minutes = Math.max(1, Math.round((total * 12) / 60));
  return (
    <>
      <h1 {...inSwedish}>{localized(compass.title, lang)}</h1>
      <p className="lead" {...inSwedish}>
        {localized(compass.description, lang)}
      </p>
      <ul className="facts">
        <li>{t('start.length', { count: total, minutes })}</li>
        <li>
          {t('start.programmes', {
            parties: compass.parties.length,
            municipalities: new Set(compass.parties.map((p) => p.municipality)).size,
          })}
        </li>
        <li>{t('start.notAnswered')}</li>
        <li>{t('start.notAdvice')}</li>
      </ul>
      <p className="privacy-promise">{t('start.privacy')}</p>
      {compass.statements.some((s) => s.easy) && (
        <p className="easy-read-offer needs-js">
          <span id="easy-read-what">{t('start.easyRead')}</span>
          <EasyReadToggle on={easy} describedBy="easy-read-what" />
        </p>
      )}
      <p className="actions">
        {reached === 0 ? (
          <Link className="button primary" to={paths.statement(1)}>
            {t('start.begin')}
          </Link>
        ) : (
          <>
            <Link
              className="button primary"
              to={firstOpen === -1 ? paths.results : paths.statement(firstOpen + 1)}
            >
              {firstOpen === -1 ? t('start.seeResults') : t('start.resume', { reached, total })}
            </Link>
            <Link className="button" to={paths.review}>
              {t('start.review')}
            </Link>
          </>
        )}
      </p>
      {(reached > 0 || justCleared) && <ClearAnswers onCleared={() => setJustCleared(true)} />}
      <p>
        <Link to={paths.method}>{t('start.howItWorks')}</Link> ·{' '}
        <Link to={paths.statements}>{t('start.allStatements')}</Link> ·{' '}
        <Link to={paths.about}>{t('start.about')}</Link>
      </p>
    </>
  );
}
