import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import type { Compass } from '../../domain/bank/types.ts';
import { localized } from './localized.ts';

/** The start page: what this compass is, what it is not, and where the positions come from. */
export function CompassOverview({ compass }: { compass: Compass }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h1>{localized(compass.title, i18n.language)}</h1>
      <p>{localized(compass.description, i18n.language)}</p>
      <p>
        {t('overview.facts', {
          statements: compass.statements.length,
          themes: compass.themes.length,
        })}
      </p>
      <p>{t('overview.notAnswered')}</p>
      <p>{t('overview.quizComing')}</p>
      <p>
        <Link className="button" to={paths.statements}>
          {t('overview.browse')}
        </Link>
      </p>
      <h2>{t('overview.parties')}</h2>
      <ul>
        {compass.parties.map((party) => (
          <li key={party.id}>
            <a href={party.source.url} rel="noreferrer noopener" target="_blank">
              {t('overview.programme', { name: party.name, municipality: party.municipality })}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
