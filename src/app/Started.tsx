import { useEffect } from 'react';
import { STARTED_EVENT } from '../config/boot-contract.ts';

/**
 * Says that the part of the page it is in has been taken over by the app (its effects run once
 * that part is committed): the script that started the app then presses again a button pressed
 * before (src/app/boot.ts).
 */
export function Started() {
  useEffect(() => {
    document.dispatchEvent(new Event(STARTED_EVENT));
  }, []);
  return null;
}
