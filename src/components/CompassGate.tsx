import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompassLoad } from '../data/load-compass.ts';
import type { Compass } from '../domain/bank/types.ts';

/** The message for each way loading can fail (see CompassLoad). */
const FAILURE = {
  network: 'app.loadFailed',
  unreadable: 'app.unreadableData',
  invalid: 'app.invalidData',
} as const satisfies Record<Exclude<CompassLoad['status'], 'ok'>, string>;

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
  if (load.status !== 'ok') return <p role="alert">{t(FAILURE[load.status])}</p>;
  return <>{children(load.compass)}</>;
}
