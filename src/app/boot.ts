/**
 * Starts the app on a prerendered page once the page's HTML has been painted (the build puts it
 * there in place of the entry script; src/tools/vite-plugin-prerender.ts): the app's scripts and
 * data then do not compete with the first paint on a slow connection. It asks for everything the
 * page needs at once (`data-preload`), then runs the app, which loads what the page reads and
 * hydrates it.
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
 * A press in the moment between the paint and the app's start is not lost, and does not reach a
 * page React has not yet taken over (React would try to take over just that part then, and could
 * leave it waiting). Until the app says it has taken the page over (`STARTED_EVENT`, once the page
 * is hydrated; it loads what the page reads first, so that happens in one pass), presses are kept
 * from it: links and the explainers (`<details>`) work as they do without the app, and a button
 * pressed is pressed again once the app is there. After that, everything goes straight to the app.
 */
let pressed: HTMLElement | null = null;
const hold = (event: Event) => {
  event.stopPropagation();
  const target = event.target instanceof Element ? event.target : null;
  if (event.type !== 'click') return;
  const button = target?.closest('button');
  if (button) {
    event.preventDefault();
    pressed = button;
  }
  // A reading chosen in the header before the app runs is remembered as the app would.
  const reading = target?.closest('a[data-reading]')?.getAttribute('data-reading');
  if (isReading(reading))
    try {
      localStorage.setItem(READING_PREFS_STORAGE_KEY, storedReadingChoice(reading));
    } catch {
      // Blocked storage: the link still leads to the page in that reading.
    }
};
const PRESSES = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'click',
];
for (const type of PRESSES) document.addEventListener(type, hold, { capture: true });
document.addEventListener(
  STARTED_EVENT,
  () => {
    for (const type of PRESSES) document.removeEventListener(type, hold, { capture: true });
    const button = pressed;
    pressed = null;
    // In a task of its own, after React has finished committing the page.
    if (button) setTimeout(() => button.isConnected && button.click(), 0);
  },
  { once: true },
);

// A frame is painted before the next task runs: start then.
requestAnimationFrame(() => setTimeout(start, 0));
