import { COMPASSES, ONLY_COMPASS } from '../config/compasses.ts';
import { CompassList } from '../features/start/CompassList.tsx';
import { StartPage } from '../features/start/StartPage.tsx';
import { CompassLayout } from './CompassLayout.tsx';
import { Layout } from './Layout.tsx';
import { PageReady } from './PageReady.tsx';

/** The site's start page: the only compass's start page, or the list of compasses. */
export function SiteHome() {
  if (ONLY_COMPASS !== null)
    return (
      <CompassLayout id={ONLY_COMPASS}>
        <StartPage />
        <PageReady />
      </CompassLayout>
    );
  return (
    <Layout compassLinks={false}>
      <CompassList compasses={COMPASSES} />
      <PageReady />
    </Layout>
  );
}
