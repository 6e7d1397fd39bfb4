/**
 * A promise React's `use()` reads at once: marked fulfilled the way React marks the thenables
 * it has seen, so a page rendered from data that is already here never suspends.
 */
export function settled<T>(value: T): Promise<T> {
  return Object.assign(Promise.resolve(value), { status: 'fulfilled', value });
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
      if (pending === undefined) cache.set(key, (pending = load(key)));
      return pending;
    },
    seed(key: string, value: T): void {
      cache.set(key, settled(value));
    },
  };
}
