import { settled, tracked } from '../config/thenables.ts';

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
