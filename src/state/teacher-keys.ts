import type { StorageValue } from 'zustand/middleware';
import { safeStorage } from './safe-storage.ts';

/**
 * The teacher keys this browser holds, one per round, so that a teacher's page survives
 * a reload. Kept in localStorage through safeStorage: blocked or corrupt storage never throws, and
 * the keys are then kept in memory for this visit only (`persistent()` says which, so the page can
 * tell the teacher). An entry is dropped once its round has expired (`expiresAt`): the service has
 * deleted the round by then, and a key to nothing is no use to anyone.
 *
 * The key is a secret that lets whoever holds it close and delete the round; it is never sent
 * anywhere but in the `Authorization` header to the service of this site.
 */
export interface TeacherKeyEntry {
  /** Canonical join code. */
  readonly code: string;
  /** The teacher key (base64url). */
  readonly key: string;
  /** ISO 8601 instant from which the round is gone. */
  readonly expiresAt: string;
}

interface TeacherKeysData {
  readonly entries: readonly TeacherKeyEntry[];
}

export interface TeacherKeys {
  /** The key held for round `code`, or null (none, or its round has expired). */
  get(code: string): TeacherKeyEntry | null;
  /** Remembers (or replaces) the key of a round. */
  put(entry: TeacherKeyEntry): void;
  /** Forgets the key of a round (after it is deleted). */
  forget(code: string): void;
  /** Whether the keys survive a reload (false: storage is blocked, only this visit). */
  persistent(): boolean;
}

export const TEACHER_KEYS_STORAGE = 'valkompass-teacher-keys';
const VERSION = 1;

const isEntry = (value: unknown): value is TeacherKeyEntry => {
  if (typeof value !== 'object' || value === null) return false;
  const { code, key, expiresAt } = value as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    code !== '' &&
    typeof key === 'string' &&
    key !== '' &&
    typeof expiresAt === 'string' &&
    !Number.isNaN(Date.parse(expiresAt))
  );
};

function defaultStorage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

/**
 * A store of teacher keys over `getStorage` (localStorage by default). `now` gives the time in
 * milliseconds, for pruning.
 */
export function createTeacherKeys(
  getStorage: () => Storage | undefined = defaultStorage,
  now: () => number = Date.now,
): TeacherKeys {
  const storage = safeStorage<TeacherKeysData>(getStorage);
  /** This visit's keys: what is used when storage does not work. */
  const memory = new Map<string, TeacherKeyEntry>();
  const live = (entry: TeacherKeyEntry) => Date.parse(entry.expiresAt) > now();

  const readStored = (): TeacherKeyEntry[] => {
    // safeStorage reads synchronously (localStorage); the type also allows async storages.
    const stored = storage.getItem(TEACHER_KEYS_STORAGE) as StorageValue<TeacherKeysData> | null;
    const entries = (stored?.state as { entries?: unknown } | undefined)?.entries;
    return Array.isArray(entries) ? entries.filter(isEntry).filter(live) : [];
  };
  const writeStored = (entries: readonly TeacherKeyEntry[]) => {
    if (entries.length === 0) storage.removeItem(TEACHER_KEYS_STORAGE);
    else storage.setItem(TEACHER_KEYS_STORAGE, { state: { entries }, version: VERSION });
  };
  const pruneMemory = () => {
    for (const [code, entry] of memory) if (!live(entry)) memory.delete(code);
  };

  return {
    get(code) {
      pruneMemory();
      return readStored().find((e) => e.code === code) ?? memory.get(code) ?? null;
    },
    put(entry) {
      const clean: TeacherKeyEntry = {
        code: entry.code,
        key: entry.key,
        expiresAt: entry.expiresAt,
      };
      memory.set(entry.code, clean);
      pruneMemory();
      writeStored([...readStored().filter((e) => e.code !== entry.code), clean].filter(live));
    },
    forget(code) {
      memory.delete(code);
      const stored = readStored();
      if (stored.some((e) => e.code === code)) writeStored(stored.filter((e) => e.code !== code));
      else writeStored(stored); // prunes what has expired
    },
    persistent() {
      const probe = `${TEACHER_KEYS_STORAGE}-probe`;
      try {
        const target = getStorage();
        if (!target) return false;
        target.setItem(probe, '1');
        const ok = target.getItem(probe) === '1';
        target.removeItem(probe);
        return ok;
      } catch {
        return false;
      }
    },
  };
}

/** The app's teacher keys, in this browser's localStorage. */
export const teacherKeys: TeacherKeys = createTeacherKeys();
