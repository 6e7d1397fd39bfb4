import { describe, expect, it } from 'vitest';
import { direction, LANGUAGES } from './languages.ts';

describe('direction', () => {
  it('is right to left for Arabic and left to right for the other languages', () => {
    expect(LANGUAGES.map(direction)).toEqual(['ltr', 'ltr', 'rtl']);
  });

  it('reads the language of a regional tag', () => {
    expect(direction('ar-SE')).toBe('rtl');
    expect(direction('en-GB')).toBe('ltr');
  });
});
