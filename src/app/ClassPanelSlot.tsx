import { lazy, Suspense, useState } from 'react';
import { useClassRound } from '../state/class-round.ts';

const ClassSubmitPanel = lazy(() =>
  import('../features/join-round/ClassSubmitPanel.tsx').then((module) => ({
    default: module.ClassSubmitPanel,
  })),
);

/**
 * The results page's place for the "send my answers to the class" panel: empty (and nothing
 * loaded) unless the pupil has joined a class round on this device. Once shown, the panel stays
 * for the rest of the visit even after "Lämna klassomgången", so that it can confirm the leaving
 * where the pupil's focus is (it then shows only that sentence).
 */
export function ClassPanelSlot() {
  const joined = useClassRound((state) => state.round !== null);
  const [shown, setShown] = useState(joined);
  if (joined && !shown) setShown(true);
  if (!joined && !shown) return null;
  return (
    <Suspense fallback={null}>
      <ClassSubmitPanel />
    </Suspense>
  );
}
