import type { PersistStorage, StorageValue } from 'zustand/middleware';

/**
 * localStorage that never throws: blocked storage (sandboxed or third-party frames, private
 * modes), a full quota and garbage left in it all degrade to "nothing stored", and the app works
 * on from memory.
 */
export function safeStorage<S>(
  getStorage: () => Storage | undefined = defaultStorage,
): PersistStorage<S> {
  const storage = (): Storage | undefined => {
    try {
      return getStorage();
    } catch {
      return undefined;
    }
  };
  return {
    getItem(name) {
      try {
        const raw = storage()?.getItem(name);
        if (raw === null || raw === undefined) return null;
        const parsed: unknown = JSON.parse(raw);
        return isStorageValue(parsed) ? (parsed as StorageValue<S>) : null;
      } catch {
        return null;
      }
    },
    setItem(name, value) {
      try {
        storage()?.setItem(name, JSON.stringify(value));
      } catch {
        // Blocked or full: keep going in memory.
      }
    },
    removeItem(name) {
      try {
        storage()?.removeItem(name);
      } catch {
        // Nothing to remove when storage is blocked.
      }
    },
  };
}

function defaultStorage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

const isStorageValue = (value: unknown): value is StorageValue<unknown> =>
  typeof value === 'object' && value !== null && 'state' in value;
