import { describe, expect, it } from 'vitest';
import { agreedCoding, type CoderCoding } from './agreed.ts';

const cell = { statement: 'fler-parker', party: 'v' };
const coding = (over: Partial<CoderCoding> = {}): CoderCoding => ({
  position: 1,
  kind: 'stated',
  confidence: 'explicit',
  quote: { start: 0, end: 20 },
  quoteText: 'Vi vill ha fler parker',
  note: 'Står rakt ut.',
  ...over,
});

describe('agreedCoding', () => {
  it('is the common coding when every coder agrees on position and kind', () => {
    const agreed = agreedCoding(
      cell,
      [coding(), coding({ confidence: 'general', quote: { start: 30, end: 50 }, quoteText: 'x' })],
      2,
    );
    expect(agreed).toEqual({
      ...cell,
      position: 1,
      kind: 'stated',
      confidence: 'general',
      quotes: [
        { start: 0, end: 20, text: 'Vi vill ha fler parker' },
        { start: 30, end: 50, text: 'x' },
      ],
      note: 'Står rakt ut.',
    });
  });

  it('is none while a coder has not coded the cell, or when they differ', () => {
    expect(agreedCoding(cell, [coding()], 2)).toBeNull();
    expect(agreedCoding(cell, [], 0)).toBeNull();
    expect(agreedCoding(cell, [coding(), coding({ position: 0.5 })], 2)).toBeNull();
    expect(agreedCoding(cell, [coding(), coding({ kind: 'implied' })], 2)).toBeNull();
  });

  it('agrees on silence', () => {
    const silent = coding({
      position: null,
      kind: 'silent',
      quote: null,
      quoteText: null,
      note: '',
    });
    expect(agreedCoding(cell, [silent, silent], 2)).toMatchObject({
      position: null,
      kind: 'silent',
      quotes: [],
      note: '',
    });
  });
});
