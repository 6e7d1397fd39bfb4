// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDEMPOTENCY_KEY_PATTERN } from '../domain/classroom/http-contract.ts';
import { JOIN_ALPHABET, makeJoinCode } from '../domain/classroom/join-code.ts';
import {
  CLASS_ROUND_STORAGE_KEY,
  newIdempotencyKey,
  readClassRound,
  STORED_CODE,
  STORED_KEY,
  useClassRound,
} from './class-round.ts';

const ROUND = { code: 'K7M2XP9DW', compass: 'demo', version: '1' } as const;
const stored = () =>
  JSON.parse(localStorage.getItem(CLASS_ROUND_STORAGE_KEY) ?? 'null') as {
    state: { round: unknown };
    version: number;
  } | null;
const store = (value: unknown) =>
  localStorage.setItem(CLASS_ROUND_STORAGE_KEY, JSON.stringify(value));

beforeEach(() => {
  localStorage.clear();
  useClassRound.setState({ round: null });
});
afterEach(() => vi.restoreAllMocks());

describe('the joined class round', () => {
  it('makes an idempotency key once, on joining, that the service accepts', () => {
    useClassRound.getState().join(ROUND);
    const round = useClassRound.getState().round!;
    expect(round).toMatchObject({ ...ROUND, sent: false });
    expect(round.key).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(stored()?.state.round).toEqual(round);
  });

  it('keeps the key and the sent mark when the same round is joined again', () => {
    useClassRound.getState().join(ROUND);
    useClassRound.getState().markSent(ROUND.code);
    const before = useClassRound.getState().round!;
    useClassRound.getState().join(ROUND);
    expect(useClassRound.getState().round).toBe(before);
    expect(before.sent).toBe(true);
  });

  it('gives another round, and the same round after leaving, a new key', () => {
    useClassRound.getState().join(ROUND);
    const first = useClassRound.getState().round!.key;
    useClassRound.getState().join({ ...ROUND, code: 'CDFHJKMNP' });
    const second = useClassRound.getState().round!.key;
    expect(second).not.toBe(first);
    useClassRound.getState().leave();
    expect(useClassRound.getState().round).toBeNull();
    expect(stored()?.state.round).toBeNull();
    useClassRound.getState().join({ ...ROUND, code: 'CDFHJKMNP' });
    expect(useClassRound.getState().round!.key).not.toBe(second);
  });

  it('marks only the joined round as sent', () => {
    useClassRound.getState().join(ROUND);
    useClassRound.getState().markSent('CDFHJKMNP');
    expect(useClassRound.getState().round!.sent).toBe(false);
    useClassRound.getState().markSent(ROUND.code);
    expect(useClassRound.getState().round!.sent).toBe(true);
  });

  it('is joined from the first moment after a reload (hydrated when the module loads)', async () => {
    const round = { ...ROUND, key: 'abcdefgh-1234-5678', sent: false };
    store({ state: { round }, version: 2 });
    vi.resetModules();
    const fresh = await import('./class-round.ts');
    expect(fresh.useClassRound.getState().round).toEqual(round);
  });

  it('reads the round back from storage, key and all', async () => {
    const round = { ...ROUND, key: 'abcdefgh-1234-5678', sent: true };
    store({ state: { round }, version: 2 });
    await useClassRound.persist.rehydrate();
    expect(useClassRound.getState().round).toEqual(round);
  });

  it.each([
    ['garbage', 'not json at all{'],
    ['a number', 42],
    ['no round', { state: {}, version: 2 }],
    ['a round of version 1 without a key', { state: { round: ROUND }, version: 1 }],
    [
      'a code that is no join code',
      { state: { round: { ...ROUND, code: 'HELLO', key: 'k'.repeat(20) } }, version: 2 },
    ],
    [
      'a code not in canonical form',
      { state: { round: { ...ROUND, code: 'k7m-2xp-9dw', key: 'k'.repeat(20) } }, version: 2 },
    ],
    [
      'a key the service would refuse',
      { state: { round: { ...ROUND, key: 'short' } }, version: 2 },
    ],
    [
      'a key with other characters',
      { state: { round: { ...ROUND, key: 'a b c d e f g h i j k' } }, version: 2 },
    ],
    [
      'no compass',
      { state: { round: { ...ROUND, compass: '', key: 'k'.repeat(20) } }, version: 2 },
    ],
  ])('counts %s in storage as not joined, without throwing', async (_what, value) => {
    localStorage.setItem(
      CLASS_ROUND_STORAGE_KEY,
      typeof value === 'string' ? value : JSON.stringify(value),
    );
    await expect(useClassRound.persist.rehydrate()).resolves.toBeUndefined();
    expect(useClassRound.getState().round).toBeNull();
    // And a readable round in the same place is read (so the cases above fail for their reason).
    store({ state: { round: { ...ROUND, key: 'k'.repeat(20) } }, version: 2 });
    await useClassRound.persist.rehydrate();
    expect(useClassRound.getState().round).toMatchObject({ ...ROUND, key: 'k'.repeat(20) });
  });

  it('works from memory when storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(() => useClassRound.getState().join(ROUND)).not.toThrow();
    const key = useClassRound.getState().round!.key;
    useClassRound.getState().markSent(ROUND.code);
    expect(useClassRound.getState().round).toMatchObject({ key, sent: true });
  });

  it('reads defensively', () => {
    expect(readClassRound(null)).toBeNull();
    expect(readClassRound({ round: null })).toBeNull();
    expect(readClassRound({ round: { ...ROUND, key: 'k'.repeat(16), sent: 'yes' } })).toEqual({
      ...ROUND,
      key: 'k'.repeat(16),
      sent: false,
    });
  });
});

describe('the checks of stored data', () => {
  it('use exactly the contract’s key pattern', () => {
    expect(STORED_KEY.source).toBe(IDEMPOTENCY_KEY_PATTERN.source);
    expect(STORED_KEY.flags).toBe(IDEMPOTENCY_KEY_PATTERN.flags);
  });

  it('accept every join code, and the alphabet stays within the stored form', () => {
    for (let i = 0; i < 200; i++)
      expect(makeJoinCode((n) => crypto.getRandomValues(new Uint8Array(n)))).toMatch(STORED_CODE);
    expect(JOIN_ALPHABET.repeat(2).slice(0, 9)).toMatch(STORED_CODE);
    expect(JOIN_ALPHABET).toMatch(/^[0-9A-Z]+$/);
  });
});

describe('newIdempotencyKey', () => {
  it('falls back to 128 random bits where randomUUID is missing (plain http)', () => {
    const original = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      const key = newIdempotencyKey();
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      expect(key).toMatch(IDEMPOTENCY_KEY_PATTERN);
      expect(newIdempotencyKey()).not.toBe(key);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', {
        value: original,
        configurable: true,
      });
    }
  });
});
