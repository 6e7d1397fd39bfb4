import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useCompassLoad } from '../data/use-compass.ts';
import { CompassGate } from '../shared/CompassGate.tsx';
import { CompassProvider } from '../shared/compass-context.tsx';
import { useAnswers } from '../state/answers-store.ts';
import type { Compass } from '../domain/bank/types.ts';

/** The compass this build serves. */
export const COMPASS_ID = 'socialpolitik';

/** Loads and validates the compass once, ties the stored answers to its version, and provides it. */
export function CompassLayout() {
  const load = useCompassLoad(COMPASS_ID);
  return (
    <CompassGate load={load}>
      {(compass) => (
        <CompassProvider value={compass}>
          <BoundAnswers compass={compass} />
          <Outlet />
        </CompassProvider>
      )}
    </CompassGate>
  );
}

function BoundAnswers({ compass }: { compass: Compass }) {
  const { t } = useTranslation();
  const bindCompass = useAnswers((s) => s.bindCompass);
  const outdated = useAnswers((s) => s.outdated);
  const dismiss = useAnswers((s) => s.dismissOutdated);
  useEffect(
    () => bindCompass(compass.id, compass.version),
    [bindCompass, compass.id, compass.version],
  );
  if (!outdated) return null;
  return (
    <div className="notice" role="status">
      <p>{t('answers.outdated')}</p>
      <button type="button" onClick={dismiss}>
        {t('answers.dismiss')}
      </button>
    </div>
  );
}
