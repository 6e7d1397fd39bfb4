import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../config/paths.ts';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('app.notFoundTitle')}</h1>
      <p>{t('app.notFoundText')}</p>
      <p>
        <Link to={paths.home}>{t('app.backHome')}</Link>
      </p>
    </>
  );
}
