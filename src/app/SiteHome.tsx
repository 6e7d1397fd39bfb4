import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPASSES, ONLY_COMPASS } from '../config/compasses.ts';
import { usePaths } from '../context/scope-context.tsx';
import { CompassList } from '../features/start/CompassList.tsx';
import { StartPage } from '../features/start/StartPage.tsx';
import { CompassLayout } from './CompassLayout.tsx';
import { Layout } from './Layout.tsx';
import { PageReady } from './PageReady.tsx';

/**
 * The site's start page: the only compass's start page, or the list of compasses; either with a
 * link to the list of every compass, those published on the service too (UnbuiltCompass.tsx).
 */
export function SiteHome() {
  const { t } = useTranslation();
  const all = (
    <p>
      <Link to={usePaths().compassList}>{t('compasses.all')}</Link>
    </p>
  );
  if (ONLY_COMPASS !== null)
    return (
      <CompassLayout id={ONLY_COMPASS}>
        <StartPage />
        {all}
        <PageReady />
      </CompassLayout>
    );
  return (
    <Layout compassLinks={false}>
      <CompassList compasses={COMPASSES} />
      {all}
      <PageReady />
    </Layout>
  );
}
