import { useEffect } from 'react';
import { STARTED_EVENT } from '../config/boot-contract.ts';

/**
 * Says that the part of the page it is in has been taken over by the app: its effect runs once
 * that part is committed. React hydrates a prerendered page in parts (the frame, then each
 * `<Suspense>` boundary in a pass of its own), so there is one in the app's frame (main.tsx) and
 * one in each boundary around page content (routes.tsx, CompassLayout.tsx). The script that
 * started the app lets presses through once every part is taken (src/app/boot.ts).
 */
export function Started() {
  useEffect(() => {
    document.dispatchEvent(new Event(STARTED_EVENT));
  }, []);
  return null;
}
