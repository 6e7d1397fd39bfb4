/**
 * Starts the app on a prerendered page once the page's HTML has been painted (the build puts it
 * there in place of the entry script; src/tools/vite-plugin-prerender.ts): the app's scripts and
 * data then do not compete with the first paint on a slow connection. It asks for everything the
 * page needs at once (`data-preload`), then runs the app, which loads what the page reads and
 * hydrates it.
 */
import { STARTED_EVENT } from '../config/boot-contract.ts';
import { nextTask } from '../data/next-task.ts';
import { isReading, READING_PREFS_STORAGE_KEY, storedReadingChoice } from '../i18n/reading.ts';

const me = document.querySelector<HTMLScriptElement>('script[data-entry]');

/** How many files are asked for in one task. */
const LINKS_PER_TASK = 4;

async function start(): Promise<void> {
  if (!me?.dataset.entry) return;
  const hrefs = (me.dataset.preload ?? '').split(' ').filter(Boolean);
  // A few at a time: asking for a file costs the page a little time, and all at once a lot.
  for (const [index, href] of hrefs.entries()) {
    if (index > 0 && index % LINKS_PER_TASK === 0) await nextTask();
    const link = document.createElement('link');
    if (href.endsWith('.json')) {
      link.rel = 'preload';
      link.as = 'fetch';
    } else link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  }
  await run(me.dataset.entry, (me.dataset.modules ?? '').split(' ').filter(Boolean));
}

/**
 * Runs the modules the entry imports one at a time, each in a task of its own (React DOM, the
 * router, i18next…), and then the entry: run all at once, as the browser would, they would keep
 * the page from answering a tap for longer than a phone user should wait. A module that fails to
 * load here fails the entry too, which then reports it as it would have.
 */
async function run(entry: string, modules: readonly string[]): Promise<void> {
  try {
    for (const module of modules) {
      await import(/* @vite-ignore */ module);
      await nextTask();
    }
  } catch {
    // The entry needs the module too, and fails as it would have.
  }
  void import(/* @vite-ignore */ entry);
}

/**
 * A press in the moment between the paint and the app's start is not lost, and does not reach a
 * page React has not yet taken over (React would try to take over just that part then, and could
 * leave it waiting). Until the app has taken the whole page over (`STARTED_EVENT`, as each part
 * of the page is hydrated), presses are kept from it: links and the explainers (`<details>`) work
 * as they do without the app; a button pressed is pressed again once the app is there; a
 * checkbox ticks at once, as it would, and the app is told once it is there. After that,
 * everything goes straight to the app.
 */
let pressed: HTMLElement | null = null;
/** Checkboxes changed before the app started, with the state the page was rendered with. */
const ticked = new Map<HTMLInputElement, boolean>();
const hold = (event: Event) => {
  event.stopPropagation();
  const target = event.target instanceof Element ? event.target : null;
  if (event.type !== 'click') return;
  if (target instanceof HTMLInputElement && target.type === 'checkbox') {
    // The box has already changed when its click is dispatched: it was the other way before.
    if (!ticked.has(target)) ticked.set(target, !target.checked);
    return;
  }
  const button = target?.closest('button, input');
  if (button instanceof HTMLElement) {
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

/**
 * Hands the presses held back to the app: a ticked box is set back to the state the app knows,
 * then clicked, so that the app sees the change; then a button is pressed again.
 */
function handOver(): void {
  for (const [box, rendered] of ticked)
    if (box.isConnected && box.checked !== rendered) {
      box.checked = rendered;
      box.click();
    }
  ticked.clear();
  const button = pressed;
  pressed = null;
  // After the app has taken in the ticks (its updates are committed before the next task).
  if (button) setTimeout(() => button.isConnected && button.click(), 0);
}

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
/**
 * Whether React has taken over every control on the page. React takes a page over in parts: the
 * frame first, then each part that can wait (a `<Suspense>` boundary) in a pass of its own; each
 * part says when it is done (`Started`), and a control carries React's props once its part is.
 */
const taken = (element: Element) =>
  Object.keys(element).some((key) => key.startsWith('__reactProps'));
const CONTROLS = 'a, button, input, select, textarea, summary';
const wholePageTaken = () =>
  [...(document.getElementById('root')?.querySelectorAll(CONTROLS) ?? [])].every(taken);

const started = () => {
  if (!wholePageTaken()) return;
  document.removeEventListener(STARTED_EVENT, started);
  for (const type of PRESSES) document.removeEventListener(type, hold, { capture: true });
  // In a task of its own, after React has finished committing the page.
  setTimeout(handOver, 0);
};
document.addEventListener(STARTED_EVENT, started);

/**
 * Starts once the browser has painted the page's content (its first-contentful-paint entry): a
 * browser may hold that paint back well after the page has arrived, and what the app fetches in
 * the meantime would only compete with it. Where the browser does not report paints, in the task
 * after the next frame.
 */
function afterFirstPaint(then: () => void): void {
  if (
    typeof PerformanceObserver === 'undefined' ||
    !PerformanceObserver.supportedEntryTypes?.includes('paint')
  ) {
    requestAnimationFrame(() => setTimeout(then, 0));
    return;
  }
  let done = false;
  const observer = new PerformanceObserver((list) => {
    if (done || !list.getEntriesByName('first-contentful-paint').length) return;
    done = true;
    observer.disconnect();
    setTimeout(then, 0);
  });
  observer.observe({ type: 'paint', buffered: true });
}

afterFirstPaint(() => void start());
