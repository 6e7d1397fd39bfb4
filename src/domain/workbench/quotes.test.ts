import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookUpQuote, MIN_QUOTE_LENGTH, prepareProgramme } from '../bank/quotes.ts';
import { checkQuote, quoteFromSelection, reanchorQuotes, sentencesOf } from './quotes.ts';

const raw =
  'Vi vill  bygga\nfler\u00a0bibliotek i kommunen.\n\nDela på Facebook\nBli medlem i dag.\nSkolan ska ha fler lärare.';
const boilerplate = ['Dela på Facebook', 'Bli medlem i dag.'];
const at = (text: string) => raw.indexOf(text);

describe('quoteFromSelection', () => {
  it('takes exactly the selected slice, trimmed, with the offsets moved', () => {
    const start = at('Vi vill') - 0;
    const result = quoteFromSelection(
      raw,
      start,
      at('kommunen.') + 'kommunen.'.length + 2,
      boilerplate,
    );
    expect(result).toEqual({
      ok: true,
      quote: {
        start,
        end: at('kommunen.') + 9,
        text: 'Vi vill  bygga\nfler\u00a0bibliotek i kommunen.',
      },
    });
    const padded = quoteFromSelection(raw, at('Skolan') - 1, raw.length, boilerplate);
    expect(padded).toMatchObject({
      ok: true,
      quote: { start: at('Skolan'), text: 'Skolan ska ha fler lärare.' },
    });
  });

  it('names the reason a selection cannot be a quote', () => {
    const reason = (s: number, e: number) => {
      const r = quoteFromSelection(raw, s, e, boilerplate);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason(-1, 5)).toBe('out-of-range');
    expect(reason(5, 4)).toBe('out-of-range');
    expect(reason(0, raw.length + 1)).toBe('out-of-range');
    expect(reason(0.5, 10)).toBe('out-of-range');
    expect(reason(at('kommunen.') + 9, at('Dela'))).toBe('empty');
    expect(reason(at('Skolan'), at('Skolan') + 10)).toBe('too-short');
    expect(reason(at('Dela'), at('Facebook') + 8)).toBe('boilerplate');
    expect(reason(at('i kommunen'), at('Facebook') + 8)).toBe('boilerplate');
  });

  it('refuses what the bank would not find in the content', () => {
    // The same boilerplate text twice; a selection across the cut passage is not on the programme.
    const text = 'Alla barn ska ha en trygg uppväxt. Bli medlem! Vi vill ha fler fritidsgårdar.';
    const r = quoteFromSelection(text, 0, text.length, ['Bli medlem!']);
    expect(r).toEqual({ ok: false, reason: 'boilerplate' });
    // Boilerplate declared but not in the text: nothing overlaps, and the bank finds the quote.
    expect(quoteFromSelection(text, 0, 34, ['Finns inte här'])).toMatchObject({ ok: true });
  });

  it('accepts only what the bank accepts (property)', () => {
    fc.assert(
      fc.property(fc.nat(raw.length), fc.nat(raw.length), (x, y) => {
        const [s, e] = x <= y ? [x, y] : [y, x];
        const r = quoteFromSelection(raw, s, e, boilerplate);
        if (!r.ok) return;
        expect(checkQuote(raw, r.quote)).toBe(true);
        expect(r.quote.text).toBe(r.quote.text.trim());
        expect(r.quote.text.length).toBeGreaterThanOrEqual(MIN_QUOTE_LENGTH);
        expect(r.quote.start).toBeGreaterThanOrEqual(s);
        expect(r.quote.end).toBeLessThanOrEqual(e);
        expect(lookUpQuote(r.quote.text, prepareProgramme(raw, boilerplate))).toBe('found');
      }),
    );
  });
});

describe('checkQuote', () => {
  it('holds exactly when the text is at the offsets', () => {
    const start = at('Skolan');
    const text = 'Skolan ska ha fler lärare.';
    expect(checkQuote(raw, { start, end: start + text.length, text })).toBe(true);
    expect(checkQuote(raw, { start: start + 1, end: start + 1 + text.length, text })).toBe(false);
    expect(
      checkQuote(raw, { start, end: start + text.length, text: 'Skolan  ska ha fler lärare.' }),
    ).toBe(false);
    expect(checkQuote(raw, { start: raw.length, end: raw.length + 3, text: '' })).toBe(false);
  });
});

describe('reanchorQuotes', () => {
  const quote = (text: string) => ({
    start: raw.indexOf(text),
    end: raw.indexOf(text) + text.length,
    text,
  });

  it('finds each quote again by its text, whitespace-insensitively', () => {
    const newText =
      'Ny inledning.\nVi vill bygga fler bibliotek\ni kommunen. Skolan ska ha fler lärare.';
    const old = quote('Vi vill  bygga\nfler\u00a0bibliotek i kommunen.');
    const [r] = reanchorQuotes(newText, [old]);
    expect(r).toEqual({
      status: 'found',
      old,
      quote: { start: 14, end: 14 + 40, text: 'Vi vill bygga fler bibliotek\ni kommunen.' },
    });
  });

  it('reports a lost quote, and an ambiguous one with its count without picking', () => {
    const newText = 'Skolan ska ha fler lärare. Mer om det: Skolan ska ha fler lärare.';
    const results = reanchorQuotes(newText, [
      quote('Skolan ska ha fler lärare.'),
      quote('Vi vill  bygga'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['ambiguous', 'lost']);
    expect(results[0]).toMatchObject({ count: 2 });
  });

  it('does not count occurrences in boilerplate', () => {
    const newText = 'Skolan ska ha fler lärare.\nDela: Skolan ska ha fler lärare.';
    const old = quote('Skolan ska ha fler lärare.');
    expect(reanchorQuotes(newText, [old])[0]).toMatchObject({ status: 'ambiguous', count: 2 });
    expect(reanchorQuotes(newText, [old], ['Dela: Skolan ska ha fler lärare.'])[0]).toEqual({
      status: 'found',
      old,
      quote: { start: 0, end: 26, text: 'Skolan ska ha fler lärare.' },
    });
    expect(reanchorQuotes(newText, [old], [newText])[0]).toEqual({ status: 'lost', old });
  });

  it('finds a quote in its own text unless it occurs twice (property)', () => {
    fc.assert(
      fc.property(fc.nat(raw.length), fc.nat(raw.length), (x, y) => {
        const r = quoteFromSelection(raw, Math.min(x, y), Math.max(x, y), []);
        if (!r.ok) return;
        const [again] = reanchorQuotes(raw, [r.quote]);
        if (again!.status === 'found') expect(again!.quote).toEqual(r.quote);
        else expect(again!.status).toBe('ambiguous');
      }),
    );
  });
});

describe('sentencesOf', () => {
  const sentences = (text: string) => sentencesOf(text).map((s) => s.text);

  it('splits at sentence ends and line breaks', () => {
    expect(
      sentences('Vi vill mer. Ni vill mindre!  Vad vill du?\nRubrik\n\n  • En punkt\n- Ett streck'),
    ).toEqual([
      'Vi vill mer.',
      'Ni vill mindre!',
      'Vad vill du?',
      'Rubrik',
      'En punkt',
      'Ett streck',
    ]);
  });

  it('does not end a sentence at t.ex., bl.a., m.m., s.k. and friends', () => {
    expect(
      sentences(
        'Vi vill t.ex. bygga bad, bibliotek m.m. för alla. Bl.a. Huddinge och s.k. LOV-företag, t.ex. Samhall. Sedan nästa.',
      ),
    ).toEqual([
      'Vi vill t.ex. bygga bad, bibliotek m.m. för alla.',
      'Bl.a. Huddinge och s.k. LOV-företag, t.ex. Samhall.',
      'Sedan nästa.',
    ]);
  });

  it('does not end a sentence before a lower-case word or inside a number', () => {
    expect(sentences('Det kostar 2.5 mkr. per år och 1. kvartal. Slut.')).toEqual([
      'Det kostar 2.5 mkr. per år och 1. kvartal.',
      'Slut.',
    ]);
  });

  it('keeps list numbering with its item, but ends a sentence after a year', () => {
    expect(sentences('Mål:\n1. Fler bibliotek. 2. Lägre skatt\nKlart 2026. Sedan mer.')).toEqual([
      'Mål:',
      '1. Fler bibliotek.',
      '2. Lägre skatt',
      'Klart 2026.',
      'Sedan mer.',
    ]);
  });

  it('gives trimmed ranges that are exactly the text at their offsets, in order (property)', () => {
    const text = fc
      .array(
        fc.constantFrom(
          'Vi',
          'vill',
          't.ex.',
          'm.m.',
          'Bygga.',
          'mer!',
          ' ',
          '  ',
          '\n',
          '. ',
          'Å',
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        const found = sentencesOf(t);
        let last = 0;
        for (const s of found) {
          expect(checkQuote(t, s)).toBe(true);
          expect(s.text).toBe(s.text.trim());
          expect(s.text).not.toBe('');
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
        // Nothing but whitespace is left out.
        const covered = found.map((s) => s.text).join('');
        expect(covered.replace(/\s+/gu, '')).toBe(t.replace(/\s+/gu, ''));
      }),
    );
  });
});
