import { describe, expect, it } from 'vitest';
import ar from '../src/i18n/locales/ar.json';
import en from '../src/i18n/locales/en.json';
import sv from '../src/i18n/locales/sv.json';

const keys = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe('translations', () => {
  it('have the same keys in every language', () => {
    expect(keys(en).sort()).toEqual(keys(sv).sort());
    expect(keys(ar).sort()).toEqual(keys(sv).sort());
  });

  it('keep the same placeholders in every language', () => {
    const placeholders = (locale: unknown, key: string) =>
      [
        ...String(
          key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], locale),
        ).matchAll(/{{\s*(\w+)\s*}}/g),
      ]
        .map((m) => m[1])
        .sort();
    for (const key of keys(sv))
      for (const locale of [en, ar])
        expect(placeholders(locale, key), key).toEqual(placeholders(sv, key));
  });

  it('have no empty strings', () => {
    for (const locale of [sv, en, ar]) {
      const flat = JSON.stringify(locale);
      expect(flat).not.toMatch(/:""/);
    }
  });
});
