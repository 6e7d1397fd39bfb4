/**
 * A first-in, first-out async lock: `run` calls wait for every earlier call to settle. Used to
 * serialize SQLite write transactions of every store in this process on the same file.
 */
export class AsyncLock {
  #tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
