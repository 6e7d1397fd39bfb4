import { describe, expect, it } from 'vitest';
import en from '../src/i18n/locales/en.json';
import sv from '../src/i18n/locales/sv.json';

const keys = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe('translations', () => {
  it('have the same keys in every language', () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
  });

  it('have no empty strings', () => {
    for (const locale of [sv, en]) {
      const flat = JSON.stringify(locale);
      expect(flat).not.toMatch(/:""/);
    }
  });
});
