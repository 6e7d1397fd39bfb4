import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatJoinCode,
  JOIN_ALPHABET,
  JOIN_CODE_LENGTH,
  makeJoinCode,
  normaliseJoinCode,
} from './join-code.ts';

/** A source that hands out the given bytes in order, as many as asked for each time. */
function scripted(bytes: readonly number[]): (n: number) => Uint8Array {
  let next = 0;
  return (n) => {
    const out = Uint8Array.from(bytes.slice(next, next + n));
    next += n;
    return out;
  };
}

/** Every byte value 0..255, `cycles` times over: exactly uniform bytes. */
const everyByte = (cycles: number) => Array.from({ length: 256 * cycles }, (_, i) => i % 256);

describe('the join alphabet', () => {
  it('has at least 40 bits of randomness in a code', () => {
    expect(JOIN_CODE_LENGTH * Math.log2(JOIN_ALPHABET.length)).toBeGreaterThanOrEqual(40);
    // One symbol fewer would not do: the length is as short as 40 bits allow.
    expect((JOIN_CODE_LENGTH - 1) * Math.log2(JOIN_ALPHABET.length)).toBeLessThan(40);
  });

  it('holds distinct upper-case letters and digits only, without look-alikes or vowels', () => {
    expect(new Set(JOIN_ALPHABET).size).toBe(JOIN_ALPHABET.length);
    expect(JOIN_ALPHABET).toMatch(/^[A-Z2-9]+$/);
    for (const excluded of '01OILQUBGSZAEY')
      expect(JOIN_ALPHABET, excluded).not.toContain(excluded);
  });
});

describe('makeJoinCode', () => {
  it('gives every symbol exactly the same share of byte values (rejection sampling)', () => {
    // 9 cycles of all 256 byte values hold 9 · 242 usable bytes, exactly 242 codes' worth, and
    // each symbol owns 11 byte values per cycle. Without the rejection of 242..255, the first
    // 14 symbols would own 12 and this would fail.
    const source = scripted(everyByte(9));
    const seen = new Map<string, number>();
    for (let i = 0; i < 242; i++)
      for (const symbol of makeJoinCode(source)) seen.set(symbol, (seen.get(symbol) ?? 0) + 1);
    expect([...seen.keys()].sort().join('')).toBe([...JOIN_ALPHABET].sort().join(''));
    for (const [symbol, count] of seen) expect(count, symbol).toBe(9 * 11);
  });

  it('skips bytes 242..255 and uses the next usable ones', () => {
    const rejected = Array.from({ length: 14 }, (_, i) => 242 + i);
    const code = makeJoinCode(scripted([...rejected, 0, 1, 21, 22, 43, 44, 241, 2, 3]));
    expect(code).toBe([0, 1, 21, 0, 21, 0, 21, 2, 3].map((i) => JOIN_ALPHABET[i]).join(''));
  });

  it('never yields a symbol outside the alphabet, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 9, maxLength: 200 }), (bytes) => {
        const usable = [...bytes].filter((b) => b < 242).length;
        const source = scripted([...bytes, ...everyByte(1)]);
        const code = makeJoinCode(source);
        expect(code).toHaveLength(JOIN_CODE_LENGTH);
        for (const symbol of code) expect(JOIN_ALPHABET).toContain(symbol);
        if (usable >= JOIN_CODE_LENGTH)
          expect(code).toBe(
            [...bytes]
              .filter((b) => b < 242)
              .slice(0, JOIN_CODE_LENGTH)
              .map((b) => JOIN_ALPHABET[b % 22])
              .join(''),
          );
      }),
    );
  });

  it('throws on a broken source rather than looping forever', () => {
    expect(() => makeJoinCode((n) => new Uint8Array(n).fill(255))).toThrow(/random source/);
    expect(() => makeJoinCode(() => new Uint8Array(0))).toThrow(/random source/);
  });

  it('with a cryptographic source, uses every symbol in every position', () => {
    // 2 000 codes: a symbol is missing from a given position with probability
    // (21/22)^2000 ≈ 10^-41, so a failure means a real bias, not bad luck.
    const perPosition = Array.from({ length: JOIN_CODE_LENGTH }, () => new Set<string>());
    for (let i = 0; i < 2000; i++)
      [...makeJoinCode(randomBytes)].forEach((symbol, k) => perPosition[k]!.add(symbol));
    for (const seen of perPosition) expect(seen.size).toBe(JOIN_ALPHABET.length);
  });
});

describe('normaliseJoinCode and formatJoinCode', () => {
  it('formats in groups of three', () => {
    expect(formatJoinCode('K7M2XP9DW')).toBe('K7M-2XP-9DW');
  });

  it('reads what a pupil types', () => {
    for (const typed of [
      'K7M2XP9DW',
      'k7m-2xp-9dw',
      '  K7M 2XP 9DW  ',
      'K7M–2XP—9DW',
      'K7M\u00a02XP\t9DW',
      'Ｋ７Ｍ２ＸＰ９ＤＷ',
      'K\u0667M\u06f2XP\u0669DW',
    ])
      expect(normaliseJoinCode(typed), typed).toBe('K7M2XP9DW');
  });

  it('rejects look-alikes, wrong lengths and other input', () => {
    for (const typed of [
      'K7M2XP9D0',
      'K7M2XP9DO',
      'K7M2XP9D1',
      'K7M2XP9DI',
      'K7M2XP9DL',
      'K7M2XP9DS',
      'K7M2XP9DA',
      'K7M2XP9D',
      'K7M2XP9DWW',
      'K7M2XP9D_W',
      'K7M2XP9D.W',
      '',
      `${'-'.repeat(60)}K7M2XP9DW`,
    ])
      expect(normaliseJoinCode(typed), typed).toBeNull();
    for (const raw of [null, undefined, 123456789, ['K7M2XP9DW'], { code: 'K7M2XP9DW' }])
      expect(normaliseJoinCode(raw)).toBeNull();
  });

  it('round-trips: normalise(format(code)) is the code, for every code', () => {
    const codeArb = fc
      .array(fc.constantFrom(...JOIN_ALPHABET), {
        minLength: JOIN_CODE_LENGTH,
        maxLength: JOIN_CODE_LENGTH,
      })
      .map((symbols) => symbols.join(''));
    fc.assert(
      fc.property(codeArb, fc.boolean(), (code, lower) => {
        expect(normaliseJoinCode(code)).toBe(code);
        const shown = formatJoinCode(code);
        expect(normaliseJoinCode(lower ? shown.toLowerCase() : shown)).toBe(code);
      }),
    );
  });

  it('refuses to format a code that is not canonical', () => {
    expect(() => formatJoinCode('k7m2xp9dw')).toThrow(RangeError);
    expect(() => formatJoinCode('K7M-2XP-9DW')).toThrow(RangeError);
    expect(() => formatJoinCode('K7M2XP9D0')).toThrow(RangeError);
  });
});
