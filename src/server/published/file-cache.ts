/**
 * Published files kept in memory: a version never changes, so its text, once read, can be served
 * again without the database. Least recently used out first, within a budget of characters.
 */
export class FileCache {
  readonly #entries = new Map<string, string>();
  #size = 0;

  /** `budget`: the most characters held in all. */
  constructor(readonly budget: number) {}

  get(key: string): string | undefined {
    const text = this.#entries.get(key);
    if (text !== undefined) {
      // Map keeps insertion order: move it to the end, the most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, text);
    }
    return text;
  }

  set(key: string, text: string): void {
    if (text.length > this.budget) return;
    const old = this.#entries.get(key);
    if (old !== undefined) {
      this.#entries.delete(key);
      this.#size -= old.length;
    }
    this.#entries.set(key, text);
    this.#size += text.length;
    for (const [oldest, value] of this.#entries) {
      if (this.#size <= this.budget) break;
      this.#entries.delete(oldest);
      this.#size -= value.length;
    }
  }

  /** Characters held now. */
  get size(): number {
    return this.#size;
  }
}
