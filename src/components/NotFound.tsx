import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePaths } from '../context/scope-context.tsx';

export function NotFound() {
  const paths = usePaths();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('app.notFoundTitle')}</h1>
      <p>{t('app.notFoundText')}</p>
      <p>
        <Link to={paths.site}>{t('app.backHome')}</Link>
      </p>
    </>
  );
}
