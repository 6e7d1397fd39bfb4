import { describe, expect, it } from 'vitest';
import { FileCache } from './file-cache.ts';

describe('FileCache', () => {
  it('keeps texts within its budget, the least recently used out first', () => {
    const cache = new FileCache(10);
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    expect(cache.get('a')).toBe('aaaa');
    cache.set('c', 'cccc');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('aaaa');
    expect(cache.get('c')).toBe('cccc');
    expect(cache.size).toBe(8);
    cache.set('a', 'AAAAAA');
    expect(cache.size).toBe(10);
    expect(cache.get('a')).toBe('AAAAAA');
  });

  it('does not keep a text larger than the whole budget', () => {
    const cache = new FileCache(3);
    cache.set('big', 'xxxx');
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
