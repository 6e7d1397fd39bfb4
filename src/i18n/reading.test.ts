import { describe, expect, it } from 'vitest';
import {
  arrivalPath,
  arrivalReading,
  browserLanguage,
  chosenPath,
  chosenReading,
  inReading,
  offeredReading,
  preferredLanguage,
  splitReading,
  storedReadingChoice,
} from './reading.ts';

const stored = (language: string | null, easy = false) =>
  JSON.stringify({ state: { language, easy }, version: 1 });
const at = (pathname: string, search = '', hash = '') => ({ pathname, search, hash });

describe('reading rules', () => {
  it('splits the reading prefix off a path; Swedish has none', () => {
    expect(splitReading('/socialpolitik/fraga/3')).toEqual({
      reading: 'sv',
      rest: '/socialpolitik/fraga/3',
    });
    expect(splitReading('/en/socialpolitik/fraga/3')).toEqual({
      reading: 'en',
      rest: '/socialpolitik/fraga/3',
    });
    expect(splitReading('/lattlast')).toEqual({ reading: 'lattlast', rest: '/' });
    expect(splitReading('/ar/')).toEqual({ reading: 'ar', rest: '/' });
    // "sv" is no prefix (Swedish pages are unprefixed), nor is a word that merely starts like one.
    expect(splitReading('/sv/x').reading).toBe('sv');
    expect(splitReading('/english/x').reading).toBe('sv');
  });

  it('gives the same page in another reading', () => {
    expect(inReading('/socialpolitik/fraga/3', 'en')).toBe('/en/socialpolitik/fraga/3');
    expect(inReading('/en/socialpolitik/fraga/3', 'sv')).toBe('/socialpolitik/fraga/3');
    expect(inReading('/ar/socialpolitik/', 'lattlast')).toBe('/lattlast/socialpolitik/');
    expect(inReading('/', 'ar')).toBe('/ar/');
    expect(inReading('/en/', 'sv')).toBe('/');
  });

  it('arrives in the reading chosen on this device, else the browser’s language, else Swedish', () => {
    expect(arrivalReading(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(arrivalReading(null, ['de'])).toBe('sv');
    expect(arrivalReading(stored('sv'), ['ar'])).toBe('sv');
    expect(arrivalReading(stored('sv', true), ['en'])).toBe('lattlast');
    expect(arrivalReading(stored('en', true), [])).toBe('en');
    // Garbage counts as nothing chosen.
    for (const garbage of ['{', '"x"', stored('de'), '{"state":null}'])
      expect(arrivalReading(garbage, ['ar'])).toBe('ar');
    expect(preferredLanguage(['AR-SA'])).toBe('ar');
  });

  it('knows what the visitor chose on this device, and nothing else', () => {
    expect(chosenReading(stored('en'))).toBe('en');
    expect(chosenReading(stored('sv', true))).toBe('lattlast');
    expect(chosenReading(null)).toBeNull();
    expect(chosenReading(stored(null))).toBeNull();
    for (const garbage of ['{', '"x"', stored('de'), '{"state":null}'])
      expect(chosenReading(garbage)).toBeNull();
    expect(browserLanguage(['de-DE', 'AR-SA', 'en'])).toBe('ar');
    expect(browserLanguage(['de-DE', 'fr'])).toBeNull();
    expect(browserLanguage([])).toBeNull();
  });

  it('moves a visitor from a prerendered page only to a reading they chose, never by their browser’s language', () => {
    expect(chosenPath(at('/socialpolitik/fraga/3', '?a=1', '#x'), stored('en'))).toBe(
      '/en/socialpolitik/fraga/3?a=1#x',
    );
    expect(chosenPath(at('/'), stored('sv', true))).toBe('/lattlast/');
    // A first visit in an English or Arabic browser stays: the page offers the reading instead.
    expect(chosenPath(at('/'), null)).toBeNull();
    expect(chosenPath(at('/socialpolitik/fraga/3'), stored(null))).toBeNull();
    expect(chosenPath(at('/socialpolitik/fraga/3'), stored('sv'))).toBeNull();
    // An address that says its reading is read in it.
    expect(chosenPath(at('/en/socialpolitik/fraga/3'), stored('ar'))).toBeNull();
  });

  it('offers the browser’s language on a page in another, to a visitor who has chosen nothing', () => {
    expect(offeredReading('/', null, ['en-GB', 'sv'])).toBe('en');
    expect(offeredReading('/socialpolitik/fraga/3', null, ['de', 'ar'])).toBe('ar');
    expect(offeredReading('/lattlast/socialpolitik/', null, ['en-US'])).toBe('en');
    expect(offeredReading('/en/socialpolitik/', null, ['sv-SE'])).toBe('sv');
    expect(offeredReading('/en/socialpolitik/', null, ['ar'])).toBe('ar');
    // Nothing to offer: the page is in the browser's language, or the browser asks for none of ours.
    expect(offeredReading('/', null, ['sv-SE', 'en'])).toBeNull();
    expect(offeredReading('/lattlast/', null, ['sv'])).toBeNull();
    expect(offeredReading('/en/', null, ['en-GB'])).toBeNull();
    expect(offeredReading('/en/', null, ['de-DE'])).toBeNull();
    expect(offeredReading('/', null, [])).toBeNull();
    // A visitor who chose a reading here, whichever, is offered nothing more.
    expect(offeredReading('/', stored('sv'), ['en'])).toBeNull();
    expect(offeredReading('/en/', stored('en'), ['ar'])).toBeNull();
    expect(offeredReading('/', storedReadingChoice('lattlast'), ['ar'])).toBeNull();
    // Garbled storage counts as nothing chosen.
    expect(offeredReading('/', '{', ['ar'])).toBe('ar');
  });

  it('moves a visitor on a page the app renders from an address without a reading, keeping query and fragment', () => {
    expect(arrivalPath(at('/socialpolitik/delat', '?a=1', '#code'), null, ['en-US'])).toBe(
      '/en/socialpolitik/delat?a=1#code',
    );
    expect(arrivalPath(at('/socialpolitik/fraga/3'), stored('sv', true), [])).toBe(
      '/lattlast/socialpolitik/fraga/3',
    );
    expect(arrivalPath(at('/socialpolitik/fraga/3'), null, ['sv-SE'])).toBeNull();
    expect(arrivalPath(at('/socialpolitik/fraga/3'), stored('sv'), ['en'])).toBeNull();
    // An address that says its reading is read in it, whatever the visitor prefers.
    expect(arrivalPath(at('/en/socialpolitik/fraga/3'), stored('ar'), ['ar'])).toBeNull();
  });
});

describe('a reading chosen before the app runs', () => {
  it('is stored as the app stores it, and read back as that reading', () => {
    for (const reading of ['sv', 'en', 'ar', 'lattlast'] as const)
      expect(arrivalReading(storedReadingChoice(reading), ['de'])).toBe(reading);
    expect(JSON.parse(storedReadingChoice('lattlast'))).toEqual({
      state: { language: 'sv', easy: true },
      version: 1,
    });
  });
});
