/**
 * The queue as it is kept in storage between visits, read back as `unknown` and checked: anything
 * malformed (another version of the app, a hand edit) is left out rather than sent.
 */
import type { Blocked, Edit } from './queue.ts';

export interface PersistedQueue {
  readonly edits: readonly Edit[];
  readonly blocked: Readonly<Record<string, Blocked>>;
  /** The versions the service last gave, by item. */
  readonly versions: Readonly<Record<string, number>>;
  /** The next edit's number. */
  readonly seq: number;
}

export const emptyQueue = (): PersistedQueue => ({ edits: [], blocked: {}, versions: {}, seq: 1 });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isVersion = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value > 0;

function edit(value: unknown): Edit | null {
  if (!isRecord(value)) return null;
  const { seq, item, op, body, base } = value;
  if (typeof seq !== 'number' || typeof item !== 'string' || (op !== 'put' && op !== 'delete'))
    return null;
  if (base !== null && !isVersion(base)) return null;
  return { seq, item, op, body, base };
}

function blocked(value: unknown): Blocked | null {
  if (!isRecord(value)) return null;
  const mine = edit(value.mine);
  const { item, kind, message, storedVersion, stored } = value;
  if (mine === null || typeof item !== 'string' || typeof message !== 'string') return null;
  if (kind !== 'conflict' && kind !== 'refused') return null;
  if (storedVersion !== null && !isVersion(storedVersion)) return null;
  return { item, kind, message, storedVersion, stored, mine };
}

export function parseQueue(text: string | null): PersistedQueue {
  if (text === null) return emptyQueue();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return emptyQueue();
  }
  if (!isRecord(value)) return emptyQueue();
  const edits = Array.isArray(value.edits)
    ? value.edits.map(edit).filter((e): e is Edit => e !== null)
    : [];
  const blocks = isRecord(value.blocked)
    ? Object.values(value.blocked)
        .map(blocked)
        .filter((b): b is Blocked => b !== null && edits.some((e) => e.item === b.item))
    : [];
  const versions = isRecord(value.versions)
    ? Object.fromEntries(Object.entries(value.versions).filter(([, v]) => isVersion(v)))
    : {};
  const seq = Math.max(
    typeof value.seq === 'number' ? value.seq : 1,
    ...edits.map((e) => e.seq + 1),
  );
  return {
    edits,
    blocked: Object.fromEntries(blocks.map((b) => [b.item, b])),
    versions: versions as Record<string, number>,
    seq,
  };
}

/** localStorage under one key per workspace; a browser that refuses storage keeps it in memory. */
export function localQueueStorage(workspace: string): {
  read(): string | null;
  write(text: string | null): void;
} {
  const key = `valkompass.workbench.queue.${workspace}`;
  let memory: string | null = null;
  return {
    read: () => {
      try {
        return localStorage.getItem(key);
      } catch {
        return memory;
      }
    },
    write: (text) => {
      memory = text;
      try {
        if (text === null) localStorage.removeItem(key);
        else localStorage.setItem(key, text);
      } catch {
        // Storage full or refused: the queue still works for this visit.
      }
    },
  };
}
