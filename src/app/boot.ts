/**
 * Starts the app on a prerendered page once the page's HTML has been painted (the build puts it
 * there in place of the entry script; src/tools/vite-plugin-prerender.ts): the app's scripts and
 * data then do not compete with the first paint on a slow connection. It asks for everything the
 * page needs at once (`data-preload`), then runs the app, which hydrates the page.
 */
import { STARTED_EVENT } from '../config/boot-contract.ts';
import { isReading, READING_PREFS_STORAGE_KEY, storedReadingChoice } from '../i18n/reading.ts';

const me = document.querySelector<HTMLScriptElement>('script[data-entry]');

function start(): void {
  if (!me?.dataset.entry) return;
  for (const href of (me.dataset.preload ?? '').split(' ').filter(Boolean)) {
    const link = document.createElement('link');
    if (href.endsWith('.json')) {
      link.rel = 'preload';
      link.as = 'fetch';
    } else link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  }
  void import(/* @vite-ignore */ me.dataset.entry);
}

/**
 * A button pressed in the moment between the paint and the app's start is not lost: it is
 * pressed again as soon as the app has taken that button over (main.tsx says when the app has
 * started, `STARTED_EVENT`; the button is React's once React has put its props on it; a part of
 * the page that waits for its data is taken over after the rest). Links need no help: they work
 * as plain links.
 */
const taken = (element: HTMLElement) =>
  Object.keys(element).some((key) => key.startsWith('__reactProps'));

function pressAgain(button: HTMLElement, framesLeft: number): void {
  if (!button.isConnected || framesLeft === 0) return;
  if (taken(button)) button.click();
  else requestAnimationFrame(() => pressAgain(button, framesLeft - 1));
}

let pressed: HTMLElement | null = null;
const remember = (event: Event) => {
  const target = event.target as Element | null;
  const button = target?.closest?.('button');
  if (button instanceof HTMLElement) pressed = button;
  // A reading chosen in the header before the app runs is remembered as the app would.
  const reading = target?.closest?.('a[data-reading]')?.getAttribute('data-reading');
  if (isReading(reading))
    try {
      localStorage.setItem(READING_PREFS_STORAGE_KEY, storedReadingChoice(reading));
    } catch {
      // Blocked storage: the link still leads to the page in that reading.
    }
};
document.addEventListener('click', remember, true);
document.addEventListener(
  STARTED_EVENT,
  () => {
    document.removeEventListener('click', remember, true);
    // About ten seconds of frames: enough for a slow connection, not a surprise much later.
    if (pressed) pressAgain(pressed, 600);
  },
  { once: true },
);

// A frame is painted before the next task runs: start then.
requestAnimationFrame(() => setTimeout(start, 0));
