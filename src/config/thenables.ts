/**
 * Promises marked the way React marks the thenables it has seen, so that `use()` reads a settled
 * one at once instead of suspending for a turn. Without imports, in the lowest layer, because
 * every layer that hands promises to `use()` needs them: i18n (strings loaded with a page), data
 * (`resource`) and the app (lazily loaded pages).
 */

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
