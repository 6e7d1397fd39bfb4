import { describe, expect, it } from 'vitest';
import type { Localized } from '../domain/bank/types.ts';
import { fallbackLang, localized, localizedIn } from './localized.ts';

const all: Localized = { sv: 'Svenska', en: 'English', ar: 'عربي' };
const swedishOnly: Localized = { sv: 'Bara svenska' };

describe('localized', () => {
  it("gives the text in the reader's language when the compass has it", () => {
    expect(localized(all, 'en')).toBe('English');
    expect(localized(all, 'en-GB')).toBe('English');
    expect(localized(all, 'ar')).toBe('عربي');
    expect(localized(all, 'sv')).toBe('Svenska');
  });

  it('falls back to Swedish, saying so, where the compass has no such text', () => {
    expect(localized(swedishOnly, 'en')).toBe('Bara svenska');
    expect(localizedIn(swedishOnly, 'en')).toEqual(['Bara svenska', 'sv']);
    expect(localizedIn({ sv: 'Titel', en: 'Title' }, 'ar')).toEqual(['Titel', 'sv']);
    expect(localizedIn(all, 'en-US')).toEqual(['English', 'en']);
  });
});

describe('fallbackLang', () => {
  it("marks a Swedish fallback with lang and direction, and nothing in the page's language", () => {
    expect(fallbackLang(swedishOnly, 'en')).toEqual({ lang: 'sv', dir: 'ltr' });
    expect(fallbackLang(swedishOnly, 'ar')).toEqual({ lang: 'sv', dir: 'ltr' });
    expect(fallbackLang(swedishOnly, 'sv')).toEqual({});
    expect(fallbackLang(all, 'en-GB')).toEqual({});
    expect(fallbackLang(all, 'ar')).toEqual({});
  });
});
