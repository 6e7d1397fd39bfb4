import type { SubmissionEvent, SubmissionListener, Unsubscribe } from './types.ts';

/**
 * Listeners by round code, each call guarded: a listener that throws is reported to its own
 * `onError` and does not keep the others from hearing the event.
 */
export class ListenerRegistry {
  readonly #byCode = new Map<string, Set<SubmissionListener>>();

  /** Adds a listener; the returned function removes it (idempotent). */
  add(code: string, listener: SubmissionListener, onError: (error: unknown) => void): () => void {
    const guarded: SubmissionListener = (event) => {
      try {
        listener(event);
      } catch (error) {
        onError(error);
      }
    };
    let set = this.#byCode.get(code);
    if (!set) {
      set = new Set();
      this.#byCode.set(code, set);
    }
    set.add(guarded);
    return () => {
      const current = this.#byCode.get(code);
      if (!current?.delete(guarded)) return;
      if (current.size === 0) this.#byCode.delete(code);
    };
  }

  emit(event: SubmissionEvent): void {
    for (const listener of [...(this.#byCode.get(event.code) ?? [])]) listener(event);
  }

  /** The codes that have at least one listener. */
  codes(): string[] {
    return [...this.#byCode.keys()];
  }

  get size(): number {
    return this.#byCode.size;
  }

  clear(): void {
    this.#byCode.clear();
  }
}

/** An `Unsubscribe` from a remove function and a readiness promise (marked handled, so an unobserved rejection cannot crash the process). */
export function subscription(remove: () => void, ready: Promise<void>): Unsubscribe {
  ready.catch(() => undefined);
  return Object.assign(() => remove(), { ready });
}
