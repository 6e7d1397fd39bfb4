import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompassLoad } from '../data/load-compass.ts';
import type { Compass } from '../domain/bank/types.ts';

/** Shows the loading and failure states of a compass, and its content once it is valid. */
export function CompassGate({
  load,
  children,
}: {
  load: CompassLoad | undefined;
  children: (compass: Compass) => ReactNode;
}) {
  const { t } = useTranslation();
  if (load === undefined) return <p role="status">{t('app.loading')}</p>;
  if (load.status === 'network') return <p role="alert">{t('app.loadFailed')}</p>;
  if (load.status === 'invalid') return <p role="alert">{t('app.invalidData')}</p>;
  return <>{children(load.compass)}</>;
}
