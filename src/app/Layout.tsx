import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { paths } from '../config/paths.ts';
import { useEmbed } from '../context/embed-context.tsx';
import { EASY_READ_NAME, LANGUAGE_NAMES, LANGUAGES } from '../i18n/i18n.ts';
import { useEasyRead } from '../i18n/statement-text.ts';
import { chooseReading } from '../state/reading-prefs.ts';

/**
 * Page frame: skip link, header with the choice of language and of easy-read Swedish (remembered
 * on this device), main landmark, privacy line.
 */
export function Layout() {
  const { t, i18n } = useTranslation();
  const easy = useEasyRead();
  const embedded = useEmbed() !== null;
  const { pathname } = useLocation();
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.documentElement.dir = i18n.dir(i18n.language);
  }, [i18n, i18n.language]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <Link to={paths.home} className="brand">
          {t('app.name')}
        </Link>
        {embedded && (
          // In a frame the app uses an in-memory router; this opens the same page in a tab of its own.
          <a
            href={`${window.location.origin}${pathname}`}
            target="_blank"
            rel="noopener"
            className="open-full"
          >
            {t('embed.openFull')}
          </a>
        )}
        <nav aria-label={t('app.language')}>
          <ul className="languages">
            {LANGUAGES.map((lng) => (
              <li key={lng}>
                <button
                  type="button"
                  lang={lng}
                  aria-pressed={i18n.language === lng && !easy}
                  onClick={() => void chooseReading(i18n, lng, false)}
                >
                  {LANGUAGE_NAMES[lng]}
                </button>
              </li>
            ))}
            <li>
              <button
                type="button"
                lang="sv"
                aria-pressed={easy}
                onClick={() => void chooseReading(i18n, 'sv', true)}
              >
                {EASY_READ_NAME}
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('app.privacy')}</p>
        <nav aria-label={t('app.footerNav')}>
          <Link to={paths.method}>{t('app.method')}</Link> ·{' '}
          <Link to={paths.about}>{t('app.about')}</Link>
          {!embedded && (
            <>
              {' · '}
              <Link to={paths.classroom}>{t('app.classroom')}</Link>
              {' · '}
              <Link to={paths.quoteGame}>{t('app.quoteGame')}</Link>
              {' · '}
              <Link to={paths.teachers}>{t('app.teachers')}</Link>
            </>
          )}
        </nav>
      </footer>
    </>
  );
}
