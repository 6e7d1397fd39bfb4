import { Workbox } from 'workbox-window';

/** How often an open page asks whether there is a new deployment (a page of a single-page app is
 * rarely navigated away from, and a browser only checks by itself on navigation). */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface WatchOptions {
  /** The service worker's URL, e.g. `/sw.js`. */
  readonly url: string;
  /** Offers the voter a waiting version; `apply` lets it take over and reloads the page. */
  readonly onUpdate: (apply: () => void) => void;
  /** Reloads the page once the new version has taken over (tests pass a stub). */
  readonly reload?: () => void;
}

/**
 * Registers the service worker and offers a new deployment when one is installed and waiting
 * (the worker is built with `registerType: 'prompt'`: it never takes over by itself). Only the
 * page whose voter pressed the button reloads; other open tabs keep their offer and reload when
 * their voter chooses. Loaded lazily by register-service-worker.ts, after the page has loaded,
 * so that workbox-window costs the start page nothing.
 */
export async function watchServiceWorker({
  url,
  onUpdate,
  reload = () => window.location.reload(),
}: WatchOptions): Promise<ServiceWorkerRegistration | undefined> {
  // The scope is the worker's folder: the site root.
  const wb = new Workbox(url);
  const registered = wb.register();
  const apply = () =>
    void registered.then((registration) => {
      // Another tab may have let the same version take over already: then only reload.
      if (!registration?.waiting) {
        reload();
        return;
      }
      wb.addEventListener('controlling', () => reload());
      wb.messageSkipWaiting();
    });
  // Fired for a version found by this page or by another tab, and on load for one that was
  // already waiting (the voter said "Inte nu" last time, or never answered).
  wb.addEventListener('waiting', () => onUpdate(apply));
  const registration = await registered;
  setInterval(() => {
    // Offline the check can only fail; the browser checks again on the next navigation anyway.
    if (navigator.onLine) wb.update().catch(() => undefined);
  }, UPDATE_CHECK_MS);
  return registration;
}
