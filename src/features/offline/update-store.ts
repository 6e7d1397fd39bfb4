import { create } from 'zustand';

/** A new deployment that is installed and waiting to take over from the running one. */
export interface UpdateState {
  /**
   * The service worker is being registered: from then on the prompt's status region is in the
   * page (empty), so that an offer put into it later is announced. Before (a development server,
   * an embed frame, the first moments of a page load, the prerendered HTML) there is no region.
   */
  readonly watching: boolean;
  /**
   * Lets the waiting version take over and reloads the page; null while there is none. Set by
   * watch-service-worker.ts, called only when the voter presses the button: an update is never
   * forced in the middle of a quiz.
   */
  readonly apply: (() => void) | null;
  /** The voter chose "Inte nu": the offer stays hidden until the next page load. */
  readonly dismissed: boolean;
}

/**
 * Whether a new version is on offer. Not persisted: a waiting version is found again by the
 * service worker's registration on every page load. Starts empty, on the server too, so that the
 * prerendered page and the hydrated one agree.
 */
export const useUpdate = create<UpdateState>()(() => ({
  watching: false,
  apply: null,
  dismissed: false,
}));

/** Puts the (empty) status region in the page: offers may come from now on. */
export function watchForUpdates(): void {
  useUpdate.setState({ watching: true });
}

/** Offers the voter a new version; `apply` is what the button does. */
export function offerUpdate(apply: () => void): void {
  useUpdate.setState({ apply, dismissed: false });
}

/** Hides the offer until the next page load. */
export function dismissUpdate(): void {
  useUpdate.setState({ dismissed: true });
}
