/**
 * The editor's autosave: every edit is queued in the browser with the version it was based on,
 * kept in storage (per workspace) until the service acknowledges it, and sent one at a time in
 * order. Pure logic over an injected transport, storage and timer, so it is tested without a
 * network or a browser.
 *
 * - A newer edit of an item that is still waiting replaces it (the version it was based on stays).
 * - An acknowledged write moves the item's later edits onto the version it made.
 * - No network: the edit stays first and is tried again after 1, 2, 4 … 30 s (or at `retryNow`).
 * - 409: that item's edits stop (the others go on) until the user keeps theirs (sent again on
 *   the stored version) or takes the stored one. A stored item equal to the edit is no conflict
 *   (an earlier answer was lost on the way back).
 * - Another refusal stops the item too, with the service's message, until it is edited again or
 *   the edit is dropped.
 */
import { parseQueue, type PersistedQueue } from './persisted.ts';

export type EditOp = 'put' | 'delete';

export interface Edit {
  readonly seq: number;
  /** What is written: `meta`, `party/<id>`, `programme/<id>`, `statement/<id>`. */
  readonly item: string;
  readonly op: EditOp;
  readonly body: unknown;
  /** The version the edit replaces; null for the item's first write. */
  readonly base: number | null;
}

export type SendResult =
  | { readonly kind: 'ok'; readonly version: number | null; readonly answer?: unknown }
  | { readonly kind: 'network' }
  | {
      readonly kind: 'conflict';
      readonly storedVersion: number | null;
      readonly stored: unknown;
      readonly message: string;
    }
  | { readonly kind: 'refused'; readonly message: string };

export interface Transport {
  send(edit: Edit): Promise<SendResult>;
}

/** Where the queue is kept: one text per workspace (localStorage in the browser). */
export interface QueueStorage {
  read(): string | null;
  write(text: string | null): void;
}

export interface Timer {
  /** Runs `run` after `ms`; returns a function that cancels it. */
  after(ms: number, run: () => void): () => void;
}

export interface Blocked {
  readonly item: string;
  readonly kind: 'conflict' | 'refused';
  readonly message: string;
  readonly storedVersion: number | null;
  readonly stored: unknown;
  /** The newest waiting edit of the item: what "keep mine" sends. */
  readonly mine: Edit;
}

export interface QueueSnapshot {
  /** Edits not yet acknowledged, stopped ones included. */
  readonly pending: number;
  /** `offline`: the last try found no network; `sending`: edits are on their way. */
  readonly state: 'idle' | 'sending' | 'offline';
  readonly blocked: readonly Blocked[];
  /** The items with edits not yet acknowledged. */
  readonly waiting: readonly string[];
}

/** Waits between tries while there is no network, in ms; the last repeats. */
export const RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000, 30000] as const;

const same = (a: unknown, b: unknown) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, canonical(v)]),
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A stored item's value as it compares with an edit: the body inside a `Versioned` answer (else
 * the answer itself), with only the fields the edit has when `mine` is given (the service adds
 * its own, such as a programme's `sha256` or a coding's `version`).
 */
export function storedValue(stored: unknown, mine?: unknown): unknown {
  const value =
    isRecord(stored) && 'value' in stored && 'version' in stored ? stored.value : stored;
  if (!isRecord(value) || !isRecord(mine)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k in mine));
}

export class SyncQueue {
  private state: PersistedQueue;
  private inFlight: number | null = null;
  private offline = false;
  private attempts = 0;
  private cancelRetry: (() => void) | null = null;
  private cancelDelay: (() => void) | null = null;
  private running = false;
  private disposed = false;
  private readonly listeners = new Set<() => void>();
  private snapshot: QueueSnapshot;

  constructor(
    private readonly transport: Transport,
    private readonly storage: QueueStorage,
    private readonly timer: Timer,
    private readonly options: {
      /** Quiet time after an edit before sending, in ms (typing is sent in one write). */
      readonly delayMs?: number;
      /** Told about every acknowledged edit, with the service's answer. */
      readonly onAck?: (edit: Edit, result: Extract<SendResult, { kind: 'ok' }>) => void;
    } = {},
  ) {
    this.state = parseQueue(storage.read());
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): QueueSnapshot => this.snapshot;

  /** The edits waiting, oldest first (what a reload lays over the service's view). */
  edits(): readonly Edit[] {
    return this.state.edits;
  }

  /** The service's version of an item, from a read; edits made from now on are based on it. */
  know(item: string, version: number | null): void {
    if (this.state.edits.some((e) => e.item === item)) return;
    this.update({ ...this.state, versions: withVersion(this.state.versions, item, version) });
  }

  version(item: string): number | null {
    return this.state.versions[item] ?? null;
  }

  put(item: string, body: unknown): void {
    this.enqueue(item, 'put', body);
  }

  delete(item: string): void {
    this.enqueue(item, 'delete', null);
  }

  private enqueue(item: string, op: EditOp, body: unknown): void {
    const edits = [...this.state.edits];
    let blocked = this.state.blocked;
    const last = lastIndexOf(edits, item);
    const waiting = last >= 0 && edits[last]!.seq !== this.inFlight ? edits[last]! : null;
    if (
      op === 'delete' &&
      waiting &&
      this.version(item) === null &&
      last === edits.findIndex((e) => e.item === item)
    ) {
      // Never written: forget it here instead of asking the service to delete nothing.
      edits.splice(last, 1);
      blocked = without(blocked, item);
      this.update({ ...this.state, edits, blocked });
      return;
    }
    if (waiting) edits[last] = { ...waiting, op, body };
    else {
      const base = last >= 0 ? edits[last]!.base : this.version(item);
      edits.push({ seq: this.state.seq, item, op, body, base });
    }
    if (blocked[item]?.kind === 'refused') blocked = without(blocked, item);
    this.update({ ...this.state, edits, blocked, seq: this.state.seq + 1 });
    if (!this.offline) this.soon();
  }

  /** Sends the waiting edits now (the network is back, or the user asked). */
  retryNow = (): void => {
    this.cancelRetry?.();
    this.cancelRetry = null;
    void this.run();
  };

  /** Keep mine: the item's newest edit, sent again on the stored version. */
  keepMine(item: string): void {
    const block = this.state.blocked[item];
    if (!block) return;
    const edits = this.state.edits.filter((e) => e.item !== item || e.seq === block.mine.seq);
    const rebased = edits.map((e) => (e.item === item ? { ...e, base: block.storedVersion } : e));
    const blocked = without(this.state.blocked, item);
    this.update({ ...this.state, edits: rebased, blocked });
    this.retryNow();
  }

  /** Take theirs (or drop a refused edit): the item's edits are dropped, the stored one known. */
  takeTheirs(item: string): void {
    const block = this.state.blocked[item];
    if (!block) return;
    const blocked = without(this.state.blocked, item);
    const versions =
      block.kind === 'conflict'
        ? withVersion(this.state.versions, item, block.storedVersion)
        : this.state.versions;
    this.update({
      ...this.state,
      edits: this.state.edits.filter((e) => e.item !== item),
      blocked,
      versions,
    });
    this.retryNow();
  }

  /** Stops sending (the page is leaving); what waits stays in storage. */
  dispose(): void {
    this.disposed = true;
    this.cancelRetry?.();
    this.cancelDelay?.();
    this.cancelRetry = this.cancelDelay = null;
  }

  /** Starts (again) after `dispose`, sending what waits. */
  resume(): void {
    this.disposed = false;
    this.retryNow();
  }

  private soon(): void {
    this.cancelDelay?.();
    const delay = this.options.delayMs ?? 0;
    this.cancelDelay = this.timer.after(delay, () => {
      this.cancelDelay = null;
      void this.run();
    });
  }

  private next(): Edit | undefined {
    return this.state.edits.find((e) => this.state.blocked[e.item] === undefined);
  }

  private async run(): Promise<void> {
    if (this.running || this.disposed) return;
    this.running = true;
    try {
      for (let edit = this.next(); edit && !this.disposed; edit = this.next()) {
        if (edit.op === 'delete' && edit.base === null) {
          this.acknowledge(edit, { kind: 'ok', version: null });
          continue;
        }
        this.inFlight = edit.seq;
        this.emit();
        const result = await this.transport.send(edit);
        this.inFlight = null;
        if (this.disposed) return;
        if (result.kind === 'network') {
          this.offline = true;
          const delay = RETRY_DELAYS[Math.min(this.attempts, RETRY_DELAYS.length - 1)]!;
          this.attempts++;
          this.cancelRetry = this.timer.after(delay, () => {
            this.cancelRetry = null;
            void this.run();
          });
          this.emit();
          return;
        }
        this.offline = false;
        this.attempts = 0;
        this.settle(edit, result);
      }
    } finally {
      this.running = false;
      this.inFlight = null;
      this.emit();
    }
  }

  private settle(edit: Edit, result: Exclude<SendResult, { kind: 'network' }>): void {
    if (result.kind === 'ok') return this.acknowledge(edit, result);
    const current = this.state.edits.filter((e) => e.item === edit.item).at(-1) ?? edit;
    if (
      result.kind === 'conflict' &&
      current.op === 'put' &&
      same(storedValue(result.stored, current.body), current.body)
    )
      return this.acknowledge(edit, { kind: 'ok', version: result.storedVersion });
    const block: Blocked = {
      item: edit.item,
      kind: result.kind,
      message: result.message,
      storedVersion: result.kind === 'conflict' ? result.storedVersion : null,
      stored: result.kind === 'conflict' ? result.stored : null,
      mine: current,
    };
    this.update({ ...this.state, blocked: { ...this.state.blocked, [edit.item]: block } });
  }

  private acknowledge(edit: Edit, result: Extract<SendResult, { kind: 'ok' }>): void {
    const version = edit.op === 'delete' ? null : result.version;
    const edits = this.state.edits
      .filter((e) => e.seq !== edit.seq)
      .map((e) => (e.item === edit.item ? { ...e, base: version } : e));
    this.update({
      ...this.state,
      edits,
      versions: withVersion(this.state.versions, edit.item, version),
    });
    this.options.onAck?.(edit, result);
  }

  private update(next: PersistedQueue): void {
    this.state = next;
    const empty = next.edits.length === 0 && Object.keys(next.blocked).length === 0;
    this.storage.write(empty ? null : JSON.stringify(next));
    this.emit();
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(): QueueSnapshot {
    const pending = this.state.edits.length;
    const moving = this.state.edits.some((e) => this.state.blocked[e.item] === undefined);
    return {
      pending,
      state: this.offline ? 'offline' : moving ? 'sending' : 'idle',
      waiting: [...new Set(this.state.edits.map((e) => e.item))],
      blocked: Object.values(this.state.blocked).map((b) => ({
        ...b,
        mine: this.state.edits.filter((e) => e.item === b.item).at(-1) ?? b.mine,
      })),
    };
  }
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function lastIndexOf(edits: readonly Edit[], item: string): number {
  for (let i = edits.length - 1; i >= 0; i--) if (edits[i]!.item === item) return i;
  return -1;
}

function withVersion(
  versions: Readonly<Record<string, number>>,
  item: string,
  version: number | null,
): Record<string, number> {
  return version === null ? without(versions, item) : { ...versions, [item]: version };
}
