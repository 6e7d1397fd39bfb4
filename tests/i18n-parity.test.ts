import { describe, expect, it } from 'vitest';
import ar from '../src/i18n/locales/ar.json';
import classroomAr from '../src/i18n/locales/classroom/ar.json';
import classroomEn from '../src/i18n/locales/classroom/en.json';
import classroomSv from '../src/i18n/locales/classroom/sv.json';
import en from '../src/i18n/locales/en.json';
import lessonsEn from '../src/i18n/locales/lessons/en.json';
import lessonsSv from '../src/i18n/locales/lessons/sv.json';
import printablesEn from '../src/i18n/locales/printables/en.json';
import printablesSv from '../src/i18n/locales/printables/sv.json';
import quoteGameAr from '../src/i18n/locales/quote-game/ar.json';
import quoteGameEn from '../src/i18n/locales/quote-game/en.json';
import quoteGameSv from '../src/i18n/locales/quote-game/sv.json';
import sv from '../src/i18n/locales/sv.json';
import teacherAr from '../src/i18n/locales/teacher/ar.json';
import teacherEn from '../src/i18n/locales/teacher/en.json';
import teacherSv from '../src/i18n/locales/teacher/sv.json';
import workbenchEn from '../src/i18n/locales/workbench/en.json';
import workbenchSv from '../src/i18n/locales/workbench/sv.json';
import workbenchBalanceEn from '../src/i18n/locales/workbench-balance/en.json';
import workbenchBalanceSv from '../src/i18n/locales/workbench-balance/sv.json';
import workbenchCodingEn from '../src/i18n/locales/workbench-coding/en.json';
import workbenchCodingSv from '../src/i18n/locales/workbench-coding/sv.json';

/**
 * Each namespace: Swedish (authoritative), then its other languages. The teachers' material
 * (`lessons`, `printables`) and the newsroom's workbench (`workbench…`) are written in Swedish and
 * English; Arabic shows the English.
 */
const namespaces: readonly (readonly [string, object, ...object[]])[] = [
  ['translation', sv, en, ar],
  ['classroom', classroomSv, classroomEn, classroomAr],
  ['teacher', teacherSv, teacherEn, teacherAr],
  ['quoteGame', quoteGameSv, quoteGameEn, quoteGameAr],
  ['lessons', lessonsSv, lessonsEn],
  ['printables', printablesSv, printablesEn],
  ['workbench', workbenchSv, workbenchEn],
  ['workbenchCoding', workbenchCodingSv, workbenchCodingEn],
  ['workbenchBalance', workbenchBalanceSv, workbenchBalanceEn],
];

const keys = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe.each(namespaces)('translations (%s)', (_name, sv, ...others) => {
  it('have the same keys in every language', () => {
    for (const other of others) expect(keys(other).sort()).toEqual(keys(sv).sort());
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
      for (const locale of others)
        expect(placeholders(locale, key), key).toEqual(placeholders(sv, key));
  });

  it('have no empty strings', () => {
    for (const locale of [sv, ...others]) {
      const flat = JSON.stringify(locale);
      expect(flat).not.toMatch(/:""/);
    }
  });
});
