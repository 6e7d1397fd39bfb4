// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createTeacherKeys, TEACHER_KEYS_STORAGE } from './teacher-keys.ts';

const NOW = Date.parse('2026-05-01T10:00:00Z');
const later = (hours: number) => new Date(NOW + hours * 3600_000).toISOString();
const entry = (code: string, hours = 24) => ({
  code,
  key: `key-of-${code}-0123456789abcdef`,
  expiresAt: later(hours),
});

/** A Storage whose every method throws, as in a sandboxed frame or a blocked private mode. */
const blocked: Storage = {
  length: 0,
  clear: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  key: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  removeItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

beforeEach(() => localStorage.clear());

describe('teacher keys', () => {
  it('keeps a key per round in localStorage, so a new page (a reload) finds it', () => {
    let now = NOW;
    createTeacherKeys(undefined, () => now).put(entry('K7M2XP9DW'));
    const reloaded = createTeacherKeys(undefined, () => now);
    expect(reloaded.get('K7M2XP9DW')).toEqual(entry('K7M2XP9DW'));
    expect(reloaded.get('CDF234HJK')).toBeNull();
    expect(reloaded.persistent()).toBe(true);
    now += 3600_000;
    expect(reloaded.get('K7M2XP9DW')?.key).toBe(entry('K7M2XP9DW').key);
  });

  it('replaces a round’s key and forgets it on request', () => {
    const keys = createTeacherKeys(undefined, () => NOW);
    keys.put(entry('K7M2XP9DW'));
    keys.put(entry('CDF234HJK'));
    keys.put({ ...entry('K7M2XP9DW'), key: 'another-key-0123456789' });
    expect(keys.get('K7M2XP9DW')?.key).toBe('another-key-0123456789');
    keys.forget('K7M2XP9DW');
    expect(createTeacherKeys(undefined, () => NOW).get('K7M2XP9DW')).toBeNull();
    expect(createTeacherKeys(undefined, () => NOW).get('CDF234HJK')).not.toBeNull();
    keys.forget('CDF234HJK');
    expect(localStorage.getItem(TEACHER_KEYS_STORAGE)).toBeNull();
  });

  it('prunes entries once their round has expired', () => {
    let now = NOW;
    const keys = createTeacherKeys(undefined, () => now);
    keys.put(entry('K7M2XP9DW', 1));
    keys.put(entry('CDF234HJK', 48));
    now += 2 * 3600_000;
    expect(keys.get('K7M2XP9DW')).toBeNull();
    keys.put(entry('MNP234HJK'));
    const stored = JSON.parse(localStorage.getItem(TEACHER_KEYS_STORAGE)!) as {
      state: { entries: { code: string }[] };
    };
    expect(stored.state.entries.map((e) => e.code)).toEqual(['CDF234HJK', 'MNP234HJK']);
  });

  it('ignores corrupt storage and bad entries without throwing', () => {
    localStorage.setItem(TEACHER_KEYS_STORAGE, '{not json');
    const keys = createTeacherKeys(undefined, () => NOW);
    expect(keys.get('K7M2XP9DW')).toBeNull();
    localStorage.setItem(
      TEACHER_KEYS_STORAGE,
      JSON.stringify({
        state: {
          entries: [
            null,
            { code: 'K7M2XP9DW' },
            { code: 'CDF234HJK', key: 'k-0123456789abcdef', expiresAt: 'someday' },
            entry('MNP234HJK'),
          ],
        },
        version: 1,
      }),
    );
    expect(keys.get('K7M2XP9DW')).toBeNull();
    expect(keys.get('CDF234HJK')).toBeNull();
    expect(keys.get('MNP234HJK')).toEqual(entry('MNP234HJK'));
    localStorage.setItem(TEACHER_KEYS_STORAGE, JSON.stringify({ state: { entries: 'x' } }));
    keys.put(entry('K7M2XP9DW'));
    expect(keys.get('K7M2XP9DW')).toEqual(entry('K7M2XP9DW'));
  });

  it('works for this visit only when storage is blocked, and says so', () => {
    const keys = createTeacherKeys(
      () => blocked,
      () => NOW,
    );
    expect(keys.persistent()).toBe(false);
    keys.put(entry('K7M2XP9DW'));
    expect(keys.get('K7M2XP9DW')).toEqual(entry('K7M2XP9DW'));
    keys.forget('K7M2XP9DW');
    expect(keys.get('K7M2XP9DW')).toBeNull();
    const throwing = createTeacherKeys(
      () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      () => NOW,
    );
    expect(throwing.persistent()).toBe(false);
    expect(() => throwing.put(entry('K7M2XP9DW'))).not.toThrow();
    expect(throwing.get('K7M2XP9DW')?.code).toBe('K7M2XP9DW');
  });
});
