import { describe, expect, it } from 'vitest';
import { readConfig } from './config.ts';

describe('TRUST_PROXY', () => {
  it('is a hop count, never "trust every hop"', () => {
    const trust = (value: string) => readConfig({ TRUST_PROXY: value }).trustProxy;
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    for (const one of ['true', 'yes', 'on', 'TRUE']) expect(trust(one)).toBe(1);
    for (const off of ['0', 'false', 'no', 'off', '']) expect(trust(off)).toBe(false);
    expect(readConfig({}).trustProxy).toBe(false);
    expect(trust('10.0.0.0/8, 127.0.0.1')).toBe('10.0.0.0/8, 127.0.0.1');
    expect(() => trust('101')).toThrow(/TRUST_PROXY/);
  });
});
