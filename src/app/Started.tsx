import { useEffect } from 'react';
import { STARTED_EVENT } from '../config/boot-contract.ts';

/**
 * Says that the app has taken the page over: rendered last in the app (main.tsx), its effect runs
 * once the whole page is committed. The script that started the app then lets presses through
 * and presses again a button pressed before (src/app/boot.ts).
 */
export function Started() {
  useEffect(() => {
    document.dispatchEvent(new Event(STARTED_EVENT));
  }, []);
  return null;
}
