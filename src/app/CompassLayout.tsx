import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { CompassGate } from '../components/CompassGate.tsx';
import { CompassProvider } from '../context/compass-context.tsx';
import { useEmbed } from '../context/embed-context.tsx';
import { useCompassLoad } from '../data/use-compass.ts';
import type { Compass } from '../domain/bank/types.ts';
import { readHandover } from '../domain/share-link/answer-handover.ts';
import { EmbedBridge } from '../features/embed/EmbedBridge.tsx';
import { useAnswers } from '../state/answers-store.ts';

/** The compass this build serves. */
export const COMPASS_ID = 'socialpolitik';

/** Loads and validates the compass once, ties the stored answers to its version, and provides it. */
export function CompassLayout() {
  const load = useCompassLoad(COMPASS_ID);
  const embed = useEmbed();
  return (
    <CompassGate load={load}>
      {(compass) => (
        <CompassProvider value={compass}>
          <BoundAnswers compass={compass} />
          <GivenAnswer compass={compass} />
          {embed && <EmbedBridge options={embed} />}
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

/**
 * An answer handed over in the URL fragment (from the single-statement widget; the format is in
 * answer-handover.ts): stored if the compass has that statement, then the fragment is dropped,
 * readable or not. Never in the path or query.
 */
function GivenAnswer({ compass }: { compass: Compass }) {
  const { hash, pathname, search } = useLocation();
  const navigate = useNavigate();
  const answer = useAnswers((s) => s.answer);
  const bound = useAnswers((s) => s.compassVersion === compass.version);
  useEffect(() => {
    if (!bound) return;
    const handover = readHandover(hash);
    if (handover.kind === 'none') return;
    if (handover.kind === 'answer' && compass.statements.some((s) => s.id === handover.statement))
      answer(handover.statement, handover.answer);
    void navigate({ pathname, search }, { replace: true });
  }, [bound, hash, pathname, search, compass, answer, navigate]);
  return null;
}
