import { describe, expect, it } from 'vitest';
import { joinLines, pageText, type PositionedText } from './pdf-layout.ts';

/** Lines of text at 11 pt, 14 pt apart unless a gap is given, from the top of the page. */
function items(...lines: (string | { text: string; gap?: number; size?: number; x?: number })[]) {
  let y = 760;
  return lines.map((line, i): PositionedText => {
    const { text, gap = 14, size = 11, x = 72 } = typeof line === 'string' ? { text: line } : line;
    if (i > 0) y -= gap;
    return { str: text, x, y, width: text.length * size * 0.5, size };
  });
}

describe('joinLines', () => {
  it('joins a word hyphenated across lines', () => {
    expect(joinLines(['ett tryggt sam-', 'hälle för alla'])).toBe('ett tryggt samhälle för alla');
  });

  it('keeps the hyphen of a suspended compound, and a space after it', () => {
    expect(joinLines(['fler jour-', 'och kontaktfamiljer'])).toBe('fler jour- och kontaktfamiljer');
    expect(joinLines(['barn-', 'eller ungdomsenheten'])).toBe('barn- eller ungdomsenheten');
  });

  it('keeps a hyphen after a capital or a digit, or before a capital, without a space', () => {
    expect(joinLines(['sänkta LSS-', 'insatser'])).toBe('sänkta LSS-insatser');
    expect(joinLines(['ett 95-', 'procentigt stöd'])).toBe('ett 95-procentigt stöd');
    expect(joinLines(['Stockholms-', 'Södertälje'])).toBe('Stockholms-Södertälje');
  });

  it('joins at a soft hyphen, and joins other lines with a space', () => {
    expect(joinLines(['social\u00AD', 'tjänsten ska', 'finnas – nära'])).toBe(
      'socialtjänsten ska finnas – nära',
    );
    expect(joinLines(['slut -', 'början'])).toBe('slut - början');
  });
});

describe('pageText', () => {
  it('makes paragraphs at wide line gaps and where the font size changes', () => {
    const text = pageText(
      items(
        { text: 'Rubrik', size: 16 },
        { text: 'Första raden', gap: 24 },
        'andra raden.',
        { text: 'Nytt stycke', gap: 30 },
        'här.',
      ),
    );
    expect(text).toBe('Rubrik\n\nFörsta raden andra raden.\n\nNytt stycke här.');
  });

  it('makes paragraphs of lines set far apart, even when all of them are', () => {
    expect(pageText(items('Ett.', { text: 'Två.', gap: 28 }, { text: 'Tre.', gap: 28 }))).toBe(
      'Ett.\n\nTvå.\n\nTre.',
    );
    const double = items('Dubbelt', { text: 'radavstånd.', gap: 22 }, { text: 'Nytt', gap: 34 });
    expect(pageText(double)).toBe('Dubbelt radavstånd.\n\nNytt');
  });

  it('puts a list item on a line of its own', () => {
    expect(pageText(items('Vi vill:', '• fler familjehem', '• kortare köer', 'och mer.'))).toBe(
      'Vi vill:\n\n• fler familjehem\n• kortare köer och mer.',
    );
  });

  it('puts a space between items on one line where there is a gap, none where they touch', () => {
    const line: PositionedText[] = [
      { str: 'Öppna', x: 72, y: 700, width: 30, size: 11 },
      { str: 'förskolor', x: 106, y: 700, width: 45, size: 11 },
      { str: 's', x: 151, y: 700.5, width: 5, size: 11 },
    ];
    expect(pageText(line)).toBe('Öppna förskolors');
  });
});
