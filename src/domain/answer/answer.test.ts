import { describe, expect, it } from 'vitest';
import { describeValue, readAnswer } from './answer.ts';

/** An array nested `depth` deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

describe('readAnswer on untrusted values', () => {
  it('refuses an answer nested 100 000 arrays or objects deep without overflowing the stack', () => {
    let object: unknown = {};
    for (let i = 0; i < 100_000; i++) object = { a: object };
    for (const answer of [nested(100_000), object]) {
      const reading = readAnswer({ answer });
      expect(reading.ok).toBe(false);
      expect(reading.ok ? '' : reading.reason).toMatch(/^is an (array|object);/);
    }
  });

  it('describes a value briefly, never walking into it', () => {
    expect(describeValue(undefined)).toBe('missing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(2)).toBe('2');
    expect(describeValue('1')).toBe('"1"');
    expect(describeValue('x'.repeat(1000))).toBe(`"${'x'.repeat(39)}…`);
    expect(describeValue(10n)).toBe('a bigint');
    expect(describeValue(nested(10))).toBe('an array');
  });
});
