/**
 * A promise React's `use()` reads at once: marked fulfilled the way React marks the thenables
 * it has seen, so a page rendered from data that is already here never suspends.
 */
export function settled<T>(value: T): Promise<T> {
  return Object.assign(Promise.resolve(value), { status: 'fulfilled', value });
}

/**
 * `promise`, marked the way React marks the thenables it has seen once it settles, so that a
 * render after that reads it at once with `use()` instead of suspending for a turn: data loaded
 * before the app hydrates a prerendered page (main.tsx) then hydrates it without waiting.
 */
export function tracked<T>(promise: Promise<T>): Promise<T> {
  const marked = promise as Promise<T> & { status?: string; value?: T; reason?: unknown };
  // The handlers return nothing: returning the promise itself would make this chain follow it,
  // and a failed load would also be reported as a rejection nobody handled.
  promise.then(
    (value) => {
      Object.assign(marked, { status: 'fulfilled', value });
    },
    (reason: unknown) => {
      Object.assign(marked, { status: 'rejected', reason });
    },
  );
  return promise;
}

/**
 * Data a page reads with `use()` while rendering: fetched once per key and kept for the life of
 * the page (a failed fetch too: a reload tries again), so every render gets the same promise, as
 * React requires. `seed` puts data that is already at hand (the prerendering at build time reads
 * the published files) in place, so those pages render without suspending.
 */
export function resource<T>(load: (key: string) => Promise<T>) {
  const cache = new Map<string, Promise<T>>();
  return {
    read(key: string): Promise<T> {
      let pending = cache.get(key);
      if (pending === undefined) cache.set(key, (pending = tracked(load(key))));
      return pending;
    },
    seed(key: string, value: T): void {
      cache.set(key, settled(value));
    },
  };
}
