import { Navigate, useLocation } from 'react-router';
import { NotFound } from '../components/NotFound.tsx';
import { LEGACY_COMPASS } from '../config/compasses.ts';
import { LEGACY_SEGMENTS } from '../config/paths.ts';
import { inReading, splitReading } from '../i18n/reading.ts';
import { Layout } from './Layout.tsx';
import { PageReady } from './PageReady.tsx';

/**
 * An address that is no page: an old root-level link (`/fraga/3`, `/resultat`, `/delat#…`, from
 * before compasses had their own addresses) goes on to the same page of the compass it was made
 * for, keeping its query and fragment (a shared result lives there); anything else is not found.
 */
export function LegacyOrNotFound() {
  const { pathname, search, hash } = useLocation();
  const { reading, rest } = splitReading(pathname);
  const first = rest.split('/')[1] ?? '';
  if (LEGACY_COMPASS !== null && LEGACY_SEGMENTS.includes(first)) {
    const page = inReading(`/${encodeURIComponent(LEGACY_COMPASS)}${rest}`, reading);
    return <Navigate replace to={`${page}${search}${hash}`} />;
  }
  return (
    <Layout compassLinks={false}>
      <NotFound />
      <PageReady />
    </Layout>
  );
}
