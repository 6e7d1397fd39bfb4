import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPS, readConfig } from './config.ts';

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

describe('limits and caps', () => {
  it('has the documented defaults', () => {
    const { limits, caps } = readConfig({});
    expect(limits.createRound).toEqual({ perClient: 20, overall: 500, windowMs: 3_600_000 });
    expect(limits.createRoundDaily).toEqual({
      perClient: 60,
      overall: 12_000,
      windowMs: 86_400_000,
    });
    expect(caps).toEqual(DEFAULT_CAPS);
    expect(caps).toEqual({
      submissionsPerRound: 500,
      submissionsPerClient: 36,
      streamsPerClient: 10,
      streamsOverall: 2000,
      streamLifetimeMs: 3_600_000,
      requestTimeoutMs: 15_000,
    });
  });

  it('reads each setting, durations in minutes and seconds', () => {
    const { limits, caps } = readConfig({
      RATE_CREATE_DAILY_PER_CLIENT: '100',
      RATE_CREATE_DAILY_OVERALL: '5000',
      ROUND_SUBMISSIONS_PER_CLIENT: '45',
      ROUND_MAX_SUBMISSIONS: '120',
      STREAMS_PER_CLIENT: '4',
      STREAMS_OVERALL: ' 500 ',
      STREAM_LIFETIME_MINUTES: '30',
      REQUEST_TIMEOUT_SECONDS: '20',
    });
    expect(limits.createRoundDaily).toEqual({
      perClient: 100,
      overall: 5000,
      windowMs: 86_400_000,
    });
    expect(caps).toEqual({
      submissionsPerRound: 120,
      submissionsPerClient: 45,
      streamsPerClient: 4,
      streamsOverall: 500,
      streamLifetimeMs: 30 * 60_000,
      requestTimeoutMs: 20_000,
    });
  });

  it.each([
    ['RATE_CREATE_DAILY_PER_CLIENT', '0'],
    ['RATE_CREATE_DAILY_OVERALL', '1e4'],
    ['ROUND_SUBMISSIONS_PER_CLIENT', '36 pupils'],
    ['ROUND_SUBMISSIONS_PER_CLIENT', '0'],
    ['ROUND_MAX_SUBMISSIONS', '500 elever'],
    ['STREAMS_PER_CLIENT', '-1'],
    ['STREAMS_OVERALL', '2 000'],
    ['STREAM_LIFETIME_MINUTES', '1h'],
    ['STREAM_LIFETIME_MINUTES', '1441'],
    ['REQUEST_TIMEOUT_SECONDS', '0'],
    ['REQUEST_TIMEOUT_SECONDS', '1.5'],
    ['REQUEST_TIMEOUT_SECONDS', '601'],
  ])('stops at %s=%s with a sentence naming it', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(
      new RegExp(`^${name} must be a whole number from \\d+ to \\d+, not "${value.trim()}"\\.$`),
    );
  });
});
