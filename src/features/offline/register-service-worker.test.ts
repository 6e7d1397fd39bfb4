import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mayRegister, type RegisterEnv, registerServiceWorker } from './register-service-worker.ts';
import { useUpdate } from './update-store.ts';

beforeEach(() => useUpdate.setState(useUpdate.getInitialState(), true));

const top = {};
/** A top-level page at `pathname` in a browser with service workers, unless told otherwise. */
const env = (pathname: string, more: Partial<RegisterEnv> = {}): RegisterEnv => ({
  self: top,
  top,
  location: { pathname },
  navigator: { serviceWorker: {} },
  ...more,
});

/** Just enough of `window` for registerServiceWorker: load and idle callbacks run by hand. */
function fakeWindow(pathname: string, { framed = false, loaded = false } = {}) {
  const onLoad: (() => void)[] = [];
  const onIdle: (() => void)[] = [];
  const win = {
    ...env(pathname),
    ...(framed ? { top: {} } : {}),
    document: { readyState: loaded ? 'complete' : 'interactive' },
    addEventListener: (type: string, listener: () => void) => {
      if (type === 'load') onLoad.push(listener);
    },
    requestIdleCallback: (callback: () => void) => onIdle.push(callback),
  };
  const run = (callbacks: (() => void)[]) => callbacks.splice(0).forEach((c) => c());
  return {
    win: win as unknown as Window,
    load: () => run(onLoad),
    idle: () => run(onIdle),
  };
}

const loader = () => {
  const watchServiceWorker = vi.fn(() => Promise.resolve());
  return { watchServiceWorker, load: vi.fn(() => Promise.resolve({ watchServiceWorker })) };
};

describe('mayRegister', () => {
  it('registers on the compass’s own pages', () => {
    for (const path of ['/', '/fraga/3', '/resultat', '/embed', '/en/socialpolitik/metod'])
      expect(mayRegister(env(path)), path).toBe(true);
  });

  it('never in an embed frame, nor in any frame, nor without service workers', () => {
    expect(mayRegister(env('/embed/socialpolitik'))).toBe(false);
    expect(mayRegister(env('/fraga/3', { top: {} }))).toBe(false);
    expect(mayRegister(env('/', { navigator: {} }))).toBe(false);
  });
});

describe('registerServiceWorker', () => {
  it('loads the registration code only after the page has loaded, when the browser is idle', async () => {
    const page = fakeWindow('/');
    const { load, watchServiceWorker } = loader();
    registerServiceWorker({ enabled: true, win: page.win, load });
    page.idle();
    expect(load).not.toHaveBeenCalled();
    page.load();
    expect(load).not.toHaveBeenCalled();
    page.idle();
    expect(load).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(watchServiceWorker).toHaveBeenCalledTimes(1));
    expect(watchServiceWorker).toHaveBeenCalledWith(expect.objectContaining({ url: '/sw.js' }));
    // The update prompt's status region is in the page from now on.
    expect(useUpdate.getState().watching).toBe(true);
  });

  it('registers at once on a page that has loaded already', () => {
    const page = fakeWindow('/resultat', { loaded: true });
    const { load } = loader();
    registerServiceWorker({ enabled: true, win: page.win, load });
    page.idle();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('skips an embed frame, a page in a frame and a development server', () => {
    for (const [page, enabled] of [
      [fakeWindow('/embed/socialpolitik', { loaded: true }), true],
      [fakeWindow('/', { loaded: true, framed: true }), true],
      [fakeWindow('/', { loaded: true }), false],
    ] as const) {
      const { load } = loader();
      registerServiceWorker({ enabled, win: page.win, load });
      page.load();
      page.idle();
      expect(load).not.toHaveBeenCalled();
    }
    expect(useUpdate.getState().watching).toBe(false);
  });
});
