import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeSpace } from '../bank/quotes.ts';
import { normalizeProgramme, sha256Hex } from './programme-text.ts';

const compass = join(process.cwd(), 'questions/socialpolitik');
const parties = parse(readFileSync(join(compass, 'parties.yaml'), 'utf8')) as {
  id: string;
  source: { file: string; sha256?: string };
}[];
const copy = (file: string) => readFileSync(join(compass, file), 'utf8');

describe('normalizeProgramme', () => {
  it('makes LF line endings, drops trailing spaces, blank edges and extra blank lines', () => {
    expect(
      normalizeProgramme('\r\n\uFEFFRubrik  \r\n\r\n\r\n\r\nStycke ett.\t\rRad två \n\n'),
    ).toBe('Rubrik\n\nStycke ett.\nRad två');
  });

  it('removes soft hyphens, zero-width spaces and control characters, keeps real hyphens', () => {
    expect(normalizeProgramme('sam\u00ADhälle\u200B, jour- och kontakt\u0000familjer\u0085')).toBe(
      'samhälle, jour- och kontaktfamiljer',
    );
  });

  it('composes to NFC, also across a removed soft hyphen', () => {
    expect(normalizeProgramme('a\u0308ldre och o\u00AD\u0308ver')).toBe('äldre och över');
  });

  it('keeps no-break spaces and double spaces inside a line', () => {
    expect(normalizeProgramme('10\u00A0000 kronor.  Sedan\u202F%')).toBe(
      '10\u00A0000 kronor.  Sedan\u202F%',
    );
  });

  it('turns Unicode line and paragraph separators into a line break and a blank line', () => {
    expect(normalizeProgramme('ett\u2028två\u2029tre')).toBe('ett\ntvå\n\ntre');
  });

  it('is idempotent', () => {
    const pieces = fc.constantFrom(
      ...['a', 'ä', 'a\u0308', 'o', '\u0308', ' ', '\t', '\n', '\r', '\r\n', '\u00A0', '\u00AD'],
      ...['\uFEFF', '\u200B', '\u0000', '\u0085', '\u2000', '\u2028', '\u2029', '-', '\uD800'],
    );
    const texts = fc.oneof(
      fc.string({ unit: 'grapheme-composite' }),
      fc.string({ unit: 'binary' }),
      fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const once = normalizeProgramme(text);
        expect(normalizeProgramme(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('changes nothing a quote is matched on but the invisible characters it removes', () => {
    // Whitespace is whitespace to normalizeSpace; what is removed is what is not (\s) and is
    // invisible: BOM/word joiner, soft hyphen, zero-width space, C0 and C1 controls.
    const removed = /[\uFEFF\u00AD\u200B]|(?![\t\n\v\f\r])\p{Cc}/gu;
    const texts = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(texts, (text) => {
        expect(normalizeSpace(normalizeProgramme(text))).toBe(
          normalizeSpace(text.replace(removed, '').normalize('NFC')),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("leaves the bank's copies as they are, but for l-botkyrka's two leading blank lines", () => {
    for (const party of parties) {
      const text = copy(party.source.file);
      if (party.id === 'l') expect(normalizeProgramme(text)).toBe(text.replace(/^\n\n/, ''));
      else expect(normalizeProgramme(text), party.source.file).toBe(text);
    }
  });
});

describe('sha256Hex', () => {
  it("gives the SHA-256 that parties.yaml pins for every one of the bank's copies", async () => {
    const pinned = parties.filter((party) => party.source.sha256);
    expect(pinned.length).toBeGreaterThan(0);
    for (const party of pinned)
      expect(await sha256Hex(copy(party.source.file)), party.id).toBe(party.source.sha256);
  });

  it('hashes UTF-8 bytes, lone surrogates as U+FFFD like TextEncoder', async () => {
    const { createHash } = await import('node:crypto');
    for (const text of ['', 'å', '€ 😀', 'a\uD800b'])
      expect(await sha256Hex(text)).toBe(
        createHash('sha256').update(new TextEncoder().encode(text)).digest('hex'),
      );
  });
});
