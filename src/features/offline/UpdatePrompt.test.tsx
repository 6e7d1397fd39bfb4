// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import sv from '../../i18n/locales/sv.json';
import { renderPage } from '../../test/render-app.tsx';
import { offerUpdate, useUpdate, watchForUpdates } from './update-store.ts';
import { watchServiceWorker } from './watch-service-worker.ts';

/** workbox-window's Workbox as far as the app uses it: events can be fired by hand. */
const fake = vi.hoisted(() => {
  const state = {
    registration: { waiting: null as object | null },
    listeners: new Map<string, (() => void)[]>(),
    messageSkipWaiting: (() => undefined) as () => void,
    update: (() => Promise.resolve()) as () => Promise<void>,
  };
  class Workbox {
    constructor(readonly url: string) {}
    addEventListener(type: string, listener: () => void) {
      state.listeners.set(type, [...(state.listeners.get(type) ?? []), listener]);
    }
    register() {
      return Promise.resolve(state.registration);
    }
    messageSkipWaiting() {
      state.messageSkipWaiting();
    }
    update() {
      return state.update();
    }
  }
  const fire = (type: string) => {
    for (const listener of state.listeners.get(type) ?? []) listener();
  };
  return { state, Workbox, fire };
});
vi.mock('workbox-window', () => ({ Workbox: fake.Workbox }));

const reloadButton = () => screen.queryByRole('button', { name: sv.update.reload });
const region = () => screen.getByRole('status');

let reload: ReturnType<typeof vi.fn<() => void>>;
let skipWaiting: ReturnType<typeof vi.fn<() => void>>;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  useUpdate.setState(useUpdate.getInitialState(), true);
  fake.state.listeners.clear();
  fake.state.registration = { waiting: {} };
  reload = vi.fn<() => void>();
  skipWaiting = vi.fn<() => void>();
  fake.state.messageSkipWaiting = skipWaiting;
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

/** The app with its service worker registered (registration stubbed) and the reload stubbed. */
async function renderWatched() {
  renderPage(<p>Sidan</p>);
  act(() => watchForUpdates());
  await act(() => watchServiceWorker({ url: '/sw.js', onUpdate: offerUpdate, reload }));
}

describe('UpdatePrompt', () => {
  it('is not in the page while no service worker is registered', () => {
    renderPage(<p>Sidan</p>);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows nothing while no new version is waiting', async () => {
    await renderWatched();
    expect(screen.queryByText(sv.update.available)).not.toBeInTheDocument();
    expect(reloadButton()).not.toBeInTheDocument();
    // The status region is there all along, so that the offer is announced when it comes.
    expect(region()).toBeEmptyDOMElement();
  });

  it('offers a waiting version; its button asks it to take over, then reloads', async () => {
    await renderWatched();
    act(() => fake.fire('waiting'));
    expect(region()).toHaveTextContent(sv.update.available);
    await userEvent.click(reloadButton()!);
    expect(skipWaiting).toHaveBeenCalledTimes(1);
    // Not before the new version controls the page, so that the reload gets it.
    expect(reload).not.toHaveBeenCalled();
    act(() => fake.fire('controlling'));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never reloads by itself when the new version takes over from another tab', async () => {
    await renderWatched();
    act(() => fake.fire('waiting'));
    act(() => fake.fire('controlling'));
    expect(reload).not.toHaveBeenCalled();
    expect(reloadButton()).toBeInTheDocument();
    // The other tab's voter already accepted it: the button then only reloads.
    fake.state.registration.waiting = null;
    await userEvent.click(reloadButton()!);
    expect(skipWaiting).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('"Inte nu" puts the offer away until the next page load', async () => {
    await renderWatched();
    act(() => fake.fire('waiting'));
    await userEvent.click(screen.getByRole('button', { name: sv.update.later }));
    expect(reloadButton()).not.toBeInTheDocument();
    expect(skipWaiting).not.toHaveBeenCalled();
    expect(reload).not.toHaveBeenCalled();
  });

  it('asks for a new deployment every hour while online', async () => {
    const update = vi.fn(() => Promise.resolve());
    fake.state.update = update;
    await renderWatched();
    expect(update).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(update).toHaveBeenCalledTimes(1);
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(update).toHaveBeenCalledTimes(1);
    online.mockRestore();
  });
});
