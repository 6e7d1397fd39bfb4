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
 * pressed again once the part of the page it is in has been taken over by the app (each part
 * says so with `STARTED_EVENT` when it has; a part that waits for its data comes after the rest).
 * Links need no help: they work as plain links. A press on a button the app has taken over goes
 * straight to it.
 */
let pressed: HTMLElement | null = null;
const taken = (element: HTMLElement) =>
  Object.keys(element).some((key) => key.startsWith('__reactProps'));
const remember = (event: Event) => {
  const target = event.target as Element | null;
  const button = target?.closest?.('button');
  // Kept from the app until it has taken the button over, so that it is pressed exactly once.
  if (button instanceof HTMLElement && !taken(button)) {
    event.stopPropagation();
    event.preventDefault();
    pressed = button;
  }
  // A reading chosen in the header before the app runs is remembered as the app would.
  const reading = target?.closest?.('a[data-reading]')?.getAttribute('data-reading');
  if (isReading(reading))
    try {
      localStorage.setItem(READING_PREFS_STORAGE_KEY, storedReadingChoice(reading));
    } catch {
      // Blocked storage: the link still leads to the page in that reading.
    }
};
const started = () => {
  const button = pressed;
  if (!button?.isConnected || !taken(button)) return;
  pressed = null;
  button.click();
};
// Both stay: once the app has a button, a press on it goes straight through.
document.addEventListener('click', remember, true);
document.addEventListener(STARTED_EVENT, started);

// A frame is painted before the next task runs: start then.
requestAnimationFrame(() => setTimeout(start, 0));
