import { describe, expect, it } from 'vitest';
import { countSentences, countWords, lix, lixCounts, median, words } from './lix.ts';

// Every expected figure below is counted by hand; the comment shows the count.
describe('words', () => {
  it('splits on spaces and punctuation', () => {
    expect(words('Kommunen ska bygga fler bibliotek.')).toEqual([
      'Kommunen',
      'ska',
      'bygga',
      'fler',
      'bibliotek',
    ]);
    expect(countWords('Barn, unga och vuxna; alla!')).toBe(5);
  });

  it('counts å, ä and ö as letters, not as word breaks', () => {
    expect(words('Hälsa, öl och årsmöte')).toEqual(['Hälsa', 'öl', 'och', 'årsmöte']);
  });

  it('keeps a hyphenated compound as one word, but a free-standing dash is no word', () => {
    expect(words('LSS-boende och a-kassa – två saker - klart')).toEqual([
      'LSS-boende',
      'och',
      'a-kassa',
      'två',
      'saker',
      'klart',
    ]);
  });

  it('counts numbers as words and symbols not at all', () => {
    // Hyran | är | 5000 | kronor | eller | 50 | av | lönen ("%" is not a word)
    expect(countWords('Hyran är 5000 kronor eller 50 % av lönen.')).toBe(8);
    // a decimal number is one word; a space-grouped number is two
    expect(words('3,5 år och 2 000 kr')).toEqual(['3,5', 'år', 'och', '2', '000', 'kr']);
  });

  it('finds nothing in an empty or symbol-only text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords(' – % … ”” ')).toBe(0);
  });
});

describe('countSentences', () => {
  it('ends a sentence at . ! or ? followed by a space or the end', () => {
    expect(countSentences('Vad? Nej!! Ja.')).toBe(3);
    expect(countSentences('Barn får hjälp. Det är bra!')).toBe(2);
  });

  it('counts text after the last full stop, and at least one sentence when there are words', () => {
    expect(countSentences('Ett barn. Två barn')).toBe(2);
    expect(countSentences('Utan punkt')).toBe(1);
    expect(countSentences('')).toBe(0);
    expect(countSentences('...')).toBe(0);
  });

  it('does not end a sentence at a colon or inside a number, but after a closing quote', () => {
    expect(countSentences('Två saker: mat och hyra.')).toBe(1);
    expect(countSentences('Det kostar 3.5 kronor.')).toBe(1);
    expect(countSentences('Hon sa ”nej.” Sedan gick hon.')).toBe(2);
  });
});

describe('lix', () => {
  it('is words per sentence plus the percentage of long words', () => {
    // 5 words, 1 sentence, 2 long (Kommunen 8, bibliotek 9): 5/1 + 100·2/5 = 45
    expect(lix('Kommunen ska bygga fler bibliotek.')).toBe(45);
    // 6 words, 2 sentences, 0 long: 6/2 + 0 = 3
    expect(lix('Barn får hjälp. Det är bra!')).toBe(3);
  });

  it('counts a word as long from seven characters, å ä ö included', () => {
    // Hälsa 5 | öl 2 | och 3 | årsmöte 7 (long): 4/1 + 100·1/4 = 29
    expect(lix('Hälsa, öl och årsmöte')).toBe(29);
    // kommun has 6 letters: not long; kommunen has 8: long
    expect(lixCounts('kommun').longWords).toBe(0);
    expect(lixCounts('kommunen').longWords).toBe(1);
  });

  it('does not count the hyphen towards a word length', () => {
    // LSS-boende 9 (long) | och | a-kassa 6 (not long) | två | saker: 5/1 + 100·1/5 = 25
    expect(lix('LSS-boende och a-kassa – två saker.')).toBe(25);
  });

  it('counts digits towards a number length', () => {
    // 1000000 has 7 digits (long) | kronor 6: 2/1 + 100·1/2 = 52
    expect(lix('1000000 kronor')).toBe(52);
    expect(lixCounts('Hyran är 5000 kronor eller 50 % av lönen.')).toEqual({
      words: 8,
      sentences: 1,
      longWords: 0,
    });
  });

  it('is 0 for a text without words', () => {
    expect(lix('')).toBe(0);
    expect(lix('…')).toBe(0);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('is NaN for no values and leaves its input unsorted', () => {
    expect(median([])).toBeNaN();
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
