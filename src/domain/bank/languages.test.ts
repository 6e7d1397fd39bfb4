import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { checkLanguages } from './languages.ts';
import { compassSchema } from './schema.ts';
import { type Compass, compassLanguages, type Localized } from './types.ts';

const sv = (text: string): Localized => ({ sv: text });
const all = (text: string): Localized => ({ sv: text, en: `${text} (en)`, ar: `${text} (ar)` });

/** A compass with no parties: only its texts matter here. */
function compassWith(text: (s: string) => Localized): Compass {
  return {
    id: 'x',
    version: '1',
    coded: '2026-11-23',
    title: text('Titel'),
    description: text('Beskrivning'),
    themes: [{ id: 't', name: text('Tema') }],
    parties: [],
    statements: [
      {
        id: 's',
        theme: 't',
        direction: 'more',
        text: text('Påstående'),
        explainer: text('Förklaring'),
        terms: [],
        stances: {},
      },
    ],
    glossary: [{ id: 'g', term: text('Term'), definition: text('Definition') }],
    rules: {
      minStatements: 1,
      maxStatements: 10,
      minThemes: 1,
      minCoverage: 0,
      minLessShare: 0,
      maxAgreeAllPercent: 100,
    },
  };
}

describe('the schema', () => {
  it('accepts a text in Swedish only, and still requires Swedish', () => {
    const localizedOf = (title: unknown) =>
      v.safeParse(compassSchema, { ...compassWith(sv), title }).issues?.map((i) => i.message);
    expect(localizedOf({ sv: 'Titel' })).toBeUndefined();
    expect(localizedOf({ sv: 'Titel', en: 'Title' })).toBeUndefined();
    // parseCompass words it as a missing field.
    expect(localizedOf({ en: 'Title' })).toHaveLength(1);
    expect(localizedOf({ sv: 'Titel', en: ' ' })).toEqual(['title (en) is empty; write it out']);
  });
});

describe('checkLanguages', () => {
  it('accepts a compass in Swedish only, and one with every language in every text', () => {
    expect(checkLanguages(compassWith(sv))).toEqual([]);
    expect(checkLanguages(compassWith(all))).toEqual([]);
    expect(checkLanguages(compassWith((s) => ({ sv: s, en: s })))).toEqual([]);
  });

  it('reports each text that lacks a language the others have, at the missing language', () => {
    const full = compassWith(all);
    const [statement] = full.statements;
    const partial: Compass = {
      ...full,
      description: { sv: 'Beskrivning', ar: 'وصف' },
      statements: [{ ...statement!, explainer: { sv: 'Förklaring' } }],
    };
    expect(checkLanguages(partial)).toEqual([
      {
        path: ['description', 'en'],
        message: expect.stringContaining('description has no English (en), but 5 of') as string,
      },
      {
        path: ['statements', 0, 'explainer', 'en'],
        message: expect.stringContaining('statement "s": explainer has no English') as string,
      },
      {
        path: ['statements', 0, 'explainer', 'ar'],
        message: expect.stringContaining('has no Arabic (ar)') as string,
      },
    ]);
  });

  it('names the glossary and theme texts, and says how to fix it both ways', () => {
    const one: Compass = { ...compassWith(sv), title: { sv: 'Titel', en: 'Title' } };
    const issues = checkLanguages(one);
    expect(issues.map((i) => i.path)).toEqual([
      ['description', 'en'],
      ['themes', 0, 'name', 'en'],
      ['statements', 0, 'text', 'en'],
      ['statements', 0, 'explainer', 'en'],
      ['glossary', 0, 'term', 'en'],
      ['glossary', 0, 'definition', 'en'],
    ]);
    expect(issues[1]!.message).toContain('theme "t": name');
    expect(issues[4]!.message).toContain('glossary "g": term');
    expect(issues[0]!.message).toContain('write "en:" here too, or remove English from every text');
  });
});

describe('compassLanguages', () => {
  it('is Swedish, then each language the compass has', () => {
    expect(compassLanguages(compassWith(sv))).toEqual(['sv']);
    expect(compassLanguages(compassWith(all))).toEqual(['sv', 'en', 'ar']);
    expect(compassLanguages({ title: { sv: 'T', ar: 'ت' } })).toEqual(['sv', 'ar']);
    // The parser adds no key for a language a text lacks.
    const parsed = v.parse(compassSchema, compassWith(sv));
    expect(compassLanguages(parsed)).toEqual(['sv']);
  });
});
