import { describe, expect, it } from 'vitest';
import {
  locateQuote,
  locateQuoteAll,
  lookUpQuote,
  normalizeSpace,
  prepareProgramme,
} from './quotes.ts';

describe('quotes', () => {
  const raw = 'Vi vill  bygga\nfler\u00a0bibliotek.\n\nDela på Facebook\nBli medlem i dag.';
  const programme = prepareProgramme(raw, ['Dela på Facebook']);

  it('ignores differences in whitespace only', () => {
    expect(normalizeSpace(' a \n\t b\u00a0c ')).toBe('a b c');
    expect(lookUpQuote('Vi vill bygga fler bibliotek.', programme)).toBe('found');
    expect(lookUpQuote('Vi vill bygga\n  fler bibliotek.', programme)).toBe('found');
  });

  it('is exact about everything else: case, punctuation, words', () => {
    expect(lookUpQuote('vi vill bygga fler bibliotek.', programme)).toBe('absent');
    expect(lookUpQuote('Vi vill bygga fler bibliotek!', programme)).toBe('absent');
    expect(lookUpQuote('Vi vill bygga många fler bibliotek.', programme)).toBe('absent');
  });

  it('treats declared boilerplate as not programme text, and no quote may bridge it', () => {
    expect(lookUpQuote('Dela på Facebook', programme)).toBe('boilerplate');
    expect(lookUpQuote('bibliotek. Dela på Facebook Bli medlem', programme)).toBe('boilerplate');
    expect(lookUpQuote('Bli medlem i dag.', programme)).toBe('found');
  });

  it('reports declared boilerplate that is not in the file', () => {
    expect(prepareProgramme(raw, ['Gilla oss']).missingBoilerplate).toEqual(['Gilla oss']);
  });
});

describe('locateQuote', () => {
  it('finds a quote across line breaks and no-break spaces, for highlighting', () => {
    const raw = 'Inledning.\nVi vill  bygga\nfler\u00a0bibliotek (nu).';
    const at = locateQuote(raw, 'bygga fler bibliotek (nu).');
    expect(at).not.toBeNull();
    expect(raw.slice(at!.start, at!.end)).toBe('bygga\nfler\u00a0bibliotek (nu).');
    expect(locateQuote(raw, 'bygga färre bibliotek')).toBeNull();
    expect(locateQuote(raw, '   ')).toBeNull();
  });

  it('locates every occurrence, overlapping ones too, with the same whitespace matching', () => {
    const raw = 'Vi vill  bygga\nfler\u00a0bibliotek. Och mer.';
    expect(locateQuoteAll('ja ja ja', 'ja ja')).toEqual([
      { start: 0, end: 5 },
      { start: 3, end: 8 },
    ]);
    expect(locateQuoteAll('Vi vill\nbygga. Vi  vill bygga.', 'Vi vill bygga')).toEqual([
      { start: 0, end: 13 },
      { start: 15, end: 29 },
    ]);
    expect(locateQuoteAll(raw, 'finns inte')).toEqual([]);
    expect(locateQuoteAll(raw, '  ')).toEqual([]);
    expect(locateQuoteAll(raw, 'Vi vill bygga fler bibliotek.')[0]).toEqual(
      locateQuote(raw, 'Vi vill bygga fler bibliotek.'),
    );
  });
});
