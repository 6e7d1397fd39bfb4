import { lazy, Suspense } from 'react';
import { useClassRound } from '../state/class-round.ts';

const ClassSubmitPanel = lazy(() =>
  import('../features/classroom/ClassSubmitPanel.tsx').then((module) => ({
    default: module.ClassSubmitPanel,
  })),
);

/**
 * The results page's place for the "send my answers to the class" panel: empty (and nothing
 * loaded) unless the pupil has joined a class round on this device.
 */
export function ClassPanelSlot() {
  const joined = useClassRound((state) => state.round !== null);
  if (!joined) return null;
  return (
    <Suspense fallback={null}>
      <ClassSubmitPanel />
    </Suspense>
  );
}
