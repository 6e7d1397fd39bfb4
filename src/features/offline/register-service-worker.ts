import { matchPath } from 'react-router';
import { paths } from '../../config/paths.ts';
import { SERVICE_WORKER_FILE } from './offline-files.ts';
import { offerUpdate, watchForUpdates } from './update-store.ts';
import type { WatchOptions } from './watch-service-worker.ts';

/** What registering depends on, from `window` (tests pass their own). */
export interface RegisterEnv {
  readonly self: unknown;
  readonly top: unknown;
  readonly location: Pick<Location, 'pathname'>;
  readonly navigator: object;
}

/**
 * Whether this page may register the service worker: a browser that has them, and the compass's
 * own pages only, never an embed frame (`/embed/<compass>`) or any page inside a frame, where a
 * news site's reader did not choose to keep the compass offline.
 */
export function mayRegister(env: RegisterEnv): boolean {
  if (!('serviceWorker' in env.navigator)) return false;
  if (env.self !== env.top) return false;
  return matchPath(paths.embedFramePattern, env.location.pathname) === null;
}

export interface RegisterOptions {
  /** Only built sites have a service worker (default: a production build). */
  readonly enabled?: boolean;
  readonly win?: Window;
  /** Loads the registration code (default: a dynamic import, a chunk of its own). */
  readonly load?: () => Promise<{ watchServiceWorker(options: WatchOptions): Promise<unknown> }>;
}

/**
 * Registers the service worker (which keeps the whole compass working offline) once the page has
 * loaded and the browser is idle. The registration code and workbox-window are imported only
 * then, so the start page's first load carries none of it. Call once, from main.tsx.
 */
export function registerServiceWorker({
  enabled = import.meta.env.PROD,
  win = window,
  load = () => import('./watch-service-worker.ts'),
}: RegisterOptions = {}): void {
  if (!enabled || !mayRegister(win)) return;
  const start = () => {
    const run = () =>
      void load()
        .then(({ watchServiceWorker }) => {
          watchForUpdates();
          return watchServiceWorker({
            url: `${import.meta.env.BASE_URL}${SERVICE_WORKER_FILE}`,
            onUpdate: offerUpdate,
          });
        })
        // Without a service worker the site works as before, online: nothing to tell the voter.
        .catch((error: unknown) => console.warn('service worker not registered', error));
    // Safari before 18 has no requestIdleCallback.
    if (typeof win.requestIdleCallback === 'function')
      win.requestIdleCallback(run, { timeout: 5000 });
    else win.setTimeout(run, 0);
  };
  if (win.document.readyState === 'complete') start();
  else win.addEventListener('load', start, { once: true });
}
