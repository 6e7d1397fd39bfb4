import { type RefObject, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadingLink } from '../components/reading-link.tsx';
import { direction, type Language } from '../config/languages.ts';
import { useScope } from '../context/scope-context.tsx';
import { OFFER_ATTRIBUTE, readingLanguage } from '../i18n/reading.ts';
import { rememberReading, useReadingPrefs } from '../state/reading-prefs.ts';

/** Hides the offer: the stylesheet shows it only while `<html>` names its language. */
const endOffer = () => document.documentElement.removeAttribute(OFFER_ATTRIBUTE);

/**
 * "This compass is also in English: Read it in English", at the top of the page, for a visitor
 * whose browser asks for another language than the page's and who has never chosen a reading on
 * this device (`offeredReading` in src/i18n/reading.ts). Such a visitor is not sent to the other
 * page: that would cost a second page load before anything is painted. The visitor decides.
 *
 * One notice per language other than the page's, each written in the language it offers (its
 * words are in every language from the start: i18n.ts), all hidden by the stylesheet but the one
 * whose language the arrival script names on `<html>` before the first paint (src/app/arrival.ts):
 * so it is there in the first paint and nothing moves after it. What is rendered does not depend
 * on the visitor, so a prerendered page hydrates as it was painted.
 *
 * Each is a named group, not a landmark and not a live region: it is there from the start and is
 * not announced. Following the link remembers that reading, as the header's links do; "No,
 * thanks" remembers the page's own, and focus moves on to `next`. Once a reading is chosen,
 * here or anywhere on the page, the offer goes.
 */
export function ReadingOffers({
  next,
  languages,
}: {
  next: RefObject<HTMLElement | null>;
  /** The languages the page's compass is written in: no offer of another. */
  languages: readonly Language[];
}) {
  const { i18n } = useTranslation();
  const { reading } = useScope();
  const chosen = useReadingPrefs((prefs) => prefs.language !== null);
  useEffect(() => {
    if (chosen) endOffer();
  }, [chosen]);
  const own = readingLanguage(reading);
  return languages
    .filter((language) => language !== own)
    .map((language) => {
      const t = i18n.getFixedT(language);
      return (
        <div
          key={language}
          role="group"
          className="reading-offer"
          data-offer={language}
          lang={language}
          dir={direction(language)}
          aria-label={t('readingOffer.name')}
        >
          <p>
            {t('readingOffer.text')}{' '}
            <ReadingLink reading={language} current={false}>
              {t('readingOffer.link')}
            </ReadingLink>
          </p>
          <button
            type="button"
            className="secondary"
            onClick={(event) => {
              const focused = document.activeElement === event.currentTarget;
              rememberReading(reading);
              endOffer();
              if (focused) next.current?.focus();
            }}
          >
            {t('readingOffer.dismiss')}
          </button>
        </div>
      );
    });
}
