import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompassEntry } from '../../config/compasses.ts';
import { sitePaths } from '../../config/paths.ts';
import { useScope } from '../../context/scope-context.tsx';
import { localized } from '../../i18n/localized.ts';
import { readingPrefix } from '../../i18n/reading.ts';

/** The site's start page when it serves several compasses: each with its title and description. */
export function CompassList({ compasses }: { compasses: readonly CompassEntry[] }) {
  const { t, i18n } = useTranslation();
  const { reading } = useScope();
  const lang = i18n.language;
  return (
    <>
      <h1>{t('compasses.title')}</h1>
      <p className="lead">{t('compasses.intro')}</p>
      <ul className="compass-list">
        {compasses.map((compass) => (
          <li key={compass.id}>
            <h2>
              <Link to={sitePaths(readingPrefix(reading), compass.id).home}>
                {localized(compass.title, lang)}
              </Link>
            </h2>
            <p>{localized(compass.description, lang)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
