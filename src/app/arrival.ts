/**
 * Runs in the head of every prerendered page, before its first paint (a script file of its own,
 * put there by the build: src/tools/vite-plugin-prerender.ts): a visitor whose reading is not the
 * page's (they chose English here before, or their browser asks for Arabic) goes straight to the
 * same page in theirs, without seeing this one first.
 */
import { arrivalPath, storedReadingText } from '../i18n/reading.ts';

const target = arrivalPath(window.location, storedReadingText(), navigator.languages ?? []);
if (target !== null) {
  document.documentElement.hidden = true;
  window.location.replace(target);
}
