// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorage } from './safe-storage.ts';

interface Data {
  readonly n: number;
}

/** A Storage whose methods all throw, as in a sandboxed frame or with a full quota. */
function throwingStorage(message: string): Storage {
  const fail = () => {
    throw new DOMException(message, 'QuotaExceededError');
  };
  return {
    length: 0,
    clear: fail,
    key: fail,
    getItem: fail,
    setItem: fail,
    removeItem: fail,
  };
}

beforeEach(() => localStorage.clear());

describe('safeStorage', () => {
  it('stores, reads and removes through localStorage by default', () => {
    const storage = safeStorage<Data>();
    storage.setItem('k', { state: { n: 1 }, version: 1 });
    expect(JSON.parse(localStorage.getItem('k')!)).toEqual({ state: { n: 1 }, version: 1 });
    expect(storage.getItem('k')).toEqual({ state: { n: 1 }, version: 1 });
    storage.removeItem('k');
    expect(localStorage.getItem('k')).toBeNull();
    expect(storage.getItem('k')).toBeNull();
  });

  it('never throws when the storage getter throws (blocked storage)', () => {
    const getter = vi.fn((): Storage => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const storage = safeStorage<Data>(getter);
    expect(() => storage.setItem('k', { state: { n: 1 } })).not.toThrow();
    expect(storage.getItem('k')).toBeNull();
    expect(() => storage.removeItem('k')).not.toThrow();
    expect(getter).toHaveBeenCalled();
  });

  it('works as "nothing stored" when there is no storage at all', () => {
    const storage = safeStorage<Data>(() => undefined);
    expect(() => storage.setItem('k', { state: { n: 1 } })).not.toThrow();
    expect(storage.getItem('k')).toBeNull();
    expect(() => storage.removeItem('k')).not.toThrow();
  });

  it('never throws when setItem throws (quota exceeded)', () => {
    const full = { ...throwingStorage('full'), getItem: () => null };
    const storage = safeStorage<Data>(() => full);
    expect(() => storage.setItem('k', { state: { n: 1 } })).not.toThrow();
    expect(storage.getItem('k')).toBeNull();
  });

  it('never throws when every storage method throws', () => {
    const storage = safeStorage<Data>(() => throwingStorage('blocked'));
    expect(storage.getItem('k')).toBeNull();
    expect(() => storage.setItem('k', { state: { n: 1 } })).not.toThrow();
    expect(() => storage.removeItem('k')).not.toThrow();
  });

  it('never throws when the value cannot be serialised', () => {
    const storage = safeStorage<{ big: bigint }>();
    expect(() => storage.setItem('k', { state: { big: 1n } })).not.toThrow();
    expect(localStorage.getItem('k')).toBeNull();
  });

  it('reads stored text that is not JSON as nothing stored', () => {
    const storage = safeStorage<Data>();
    for (const raw of ['', 'not json', '{', "{'state': 1}", 'undefined']) {
      localStorage.setItem('k', raw);
      expect(storage.getItem('k'), raw).toBeNull();
    }
  });

  it('reads JSON that is not an object with `state` as nothing stored', () => {
    const storage = safeStorage<Data>();
    for (const raw of [
      'null',
      '42',
      '"state"',
      'true',
      '[]',
      '{}',
      '{"version": 1}',
      '["state"]',
    ]) {
      localStorage.setItem('k', raw);
      expect(storage.getItem('k'), raw).toBeNull();
    }
  });

  it('hands an object with `state` on as it is, for the store to validate', () => {
    const storage = safeStorage<Data>();
    localStorage.setItem('k', '{"state": null, "version": 3}');
    expect(storage.getItem('k')).toEqual({ state: null, version: 3 });
  });
});
