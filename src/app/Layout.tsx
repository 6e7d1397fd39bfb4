import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { ReadingLink } from '../components/reading-link.tsx';
import { direction, type Language, LANGUAGES } from '../config/languages.ts';
import { useEmbed } from '../context/embed-context.tsx';
import { usePaths, useScope } from '../context/scope-context.tsx';
import { UpdatePrompt } from '../features/offline/UpdatePrompt.tsx';
import { EASY_READ_NAME, LANGUAGE_NAMES } from '../i18n/i18n.ts';
import { readingLanguage, READINGS } from '../i18n/reading.ts';
import { ReadingOffers } from './ReadingOffer.tsx';

/**
 * Page frame: skip link, header with the offer of the page in the visitor's language (shown only
 * to some: ReadingOffer.tsx) and the choice of language and of easy-read Swedish (links to the
 * same page in that reading, in the languages the compass has; the choice is remembered on this
 * device), main landmark, privacy line, and links to the compass's other pages.
 */
export function Layout({
  children,
  compassLinks = true,
  languages = LANGUAGES,
}: {
  children?: ReactNode;
  /** False on the list of compasses: the footer's links lead to one compass's pages. */
  compassLinks?: boolean;
  /**
   * The languages the page's compass is written in: the header and the offer leave out the
   * others (but name the page's own reading, whatever it is). Every language when absent.
   */
  languages?: readonly Language[];
}) {
  const { t, i18n } = useTranslation();
  const { reading } = useScope();
  const paths = usePaths();
  const embedded = useEmbed() !== null;
  const { pathname } = useLocation();
  const brand = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    // Only when they change (a prerendered page has them already): setting either restyles the page.
    const html = document.documentElement;
    const dir = direction(i18n.language);
    if (html.lang !== i18n.language) html.lang = i18n.language;
    if (html.dir !== dir) html.dir = dir;
  }, [i18n, i18n.language]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        {!embedded && <ReadingOffers next={brand} languages={languages} />}
        <Link to={paths.site} className="brand" ref={brand}>
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
            {READINGS.filter(
              (option) => option === reading || languages.includes(readingLanguage(option)),
            ).map((option) => (
              <li key={option}>
                <ReadingLink reading={option} current={option === reading}>
                  {option === 'lattlast' ? EASY_READ_NAME : LANGUAGE_NAMES[option]}
                </ReadingLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <UpdatePrompt />
      <main id="main" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
      <footer className="site-footer">
        <p>{t('app.privacy')}</p>
        {compassLinks && (
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
        )}
      </footer>
    </>
  );
}
