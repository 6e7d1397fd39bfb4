import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A number and its unit ("63 %", "{{minutes}} min", "{{points}} procentenheter") must never be
 * split across two lines, so the space between them is a no-break space (U+00A0; U+202F, the
 * narrow one Intl uses in some languages, is fine too). Every number the app shows with a unit
 * gets its unit from a locale string, so this holds the rule for every string in every namespace
 * and language under src/i18n/locales, including the ones written after this test.
 */

const LOCALES = join(import.meta.dirname, '../src/i18n/locales');

/** Units written after a number, in Swedish, English and Arabic; longest first. */
const UNITS = [
  '%',
  '٪',
  'procentenheter',
  'procentenhet',
  'percentage points?',
  'نقاط مئوية',
  'نقطة مئوية',
  'poäng',
  'points?',
  'pts',
  'p\\.',
  'نقاط',
  'نقطة',
  'minuter',
  'minut',
  'minutes?',
  'min',
  'sekunder',
  'sekund',
  'seconds?',
  'sek',
  'sec',
  's',
  'timmar',
  'timme',
  'hours?',
  'tim',
  'h',
  'dygn',
  'dagar',
  'days?',
  'دقائق',
  'دقيقة',
  'ثوانٍ',
  'ثوان',
  'ثانية',
  'ساعات',
  'ساعة',
  'أيام',
  'يوم',
  'kB',
  'MB',
  'GB',
  'px',
  'st\\.',
];

/**
 * A number (or a {{placeholder}} that stands for one), then a space a line may break at, then a
 * unit that is a word of its own. Spaces that do not break (U+00A0, U+202F) are not matched.
 */
const BREAKABLE = new RegExp(
  `(?:\\p{Nd}|\\}\\})[ \\t\\n\\u1680\\u2000-\\u200a\\u205f\\u3000]+(?:${UNITS.join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Every place in `text` where a line may break between a number and its unit. */
const breaksInUnits = (text: string): string[] => [...text.matchAll(BREAKABLE)].map((m) => m[0]);

/** Each such place with some of the text around it, to find it in the file. */
const inContext = (text: string): string[] =>
  [...text.matchAll(BREAKABLE)].map((m) =>
    text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 10),
  );

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );

const strings = (value: unknown, key = ''): (readonly [string, string])[] =>
  typeof value === 'string'
    ? [[key, value]]
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k))
      : [];

describe('numbers and their units', () => {
  it('are recognised whether written as a figure or a placeholder, in every language', () => {
    expect(breaksInUnits('Ni stämmer överens till 63 %.')).toEqual(['3 %']);
    expect(breaksInUnits('{{percent}} % ({{low}}–{{high}})')).toEqual(['}} %']);
    expect(breaksInUnits('{{minutes}} min')).toEqual(['}} min']);
    expect(breaksInUnits('{{points}} procentenheter')).toEqual(['}} procentenheter']);
    expect(breaksInUnits('{{points}} percentage points')).toEqual(['}} percentage points']);
    expect(breaksInUnits('في نحو {{minutes}} دقائق.')).toEqual(['}} دقائق']);
    expect(breaksInUnits('({{count}} st.), 45–60 minuter')).toEqual(['}} st.', '0 minuter']);
    expect(breaksInUnits('1,5 kB och 0 poäng')).toEqual(['5 kB', '0 poäng']);
  });

  it('are left alone when joined by a no-break space or followed by an ordinary word', () => {
    expect(breaksInUnits('63\u00a0%, 63\u202f%, {{minutes}}\u00a0min')).toEqual([]);
    expect(breaksInUnits('{{count}} påståenden, minst 5 minst, 7 ståndpunkter, 3 points.')).toEqual(
      ['3 points'],
    );
    expect(breaksInUnits('page {{page}} of {{pages}}, 2 personer, 4 sidor')).toEqual([]);
  });

  it('are never split across lines in any locale string', () => {
    const found = files(LOCALES);
    expect(found.map((f) => relative(LOCALES, f))).toEqual(
      expect.arrayContaining(['sv.json', 'en.json', 'ar.json', 'teacher/ar.json']),
    );
    const problems = found.flatMap((file) =>
      strings(JSON.parse(readFileSync(file, 'utf8'))).flatMap(([key, text]) =>
        inContext(text).map(
          (hit) =>
            `${relative(LOCALES, file)} ${key}: "${hit}" needs a no-break space (\\u00a0) before the unit`,
        ),
      ),
    );
    expect(problems).toEqual([]);
  });
});
