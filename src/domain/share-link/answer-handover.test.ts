import { describe, expect, it } from 'vitest';
import { POSITIONS } from '../bank/types.ts';
import { handoverFragment, readHandover } from './answer-handover.ts';

const invalid = expect.objectContaining({ kind: 'invalid' });

describe('the answer hand-over', () => {
  it.each(POSITIONS)('round-trips the answer %s', (answer) => {
    const fragment = handoverFragment('samma-budget', answer);
    expect(readHandover(fragment)).toEqual({ kind: 'answer', statement: 'samma-budget', answer });
  });

  it('writes the format the widget links carry', () => {
    expect(handoverFragment('samma-budget', -1)).toBe('#svar=samma-budget:-1');
    expect(handoverFragment('a', 0.5)).toBe('#svar=a:0.5');
    expect(handoverFragment('a', -0.5)).toBe('#svar=a:-0.5');
  });

  it.each(['a:b', 'ö', 'x y', '50%', '%41', 'a#b', 'a/b?c=d&e', ':', '1'])(
    'round-trips the odd id %j',
    (statement) => {
      expect(readHandover(handoverFragment(statement, 0.5))).toEqual({
        kind: 'answer',
        statement,
        answer: 0.5,
      });
    },
  );

  it('reads a fragment without its "#", and percent-encoded text', () => {
    expect(readHandover('svar=samma-budget:1')).toEqual({
      kind: 'answer',
      statement: 'samma-budget',
      answer: 1,
    });
    // A link tool that escaped the separator or the minus sign.
    expect(readHandover('#svar=samma-budget%3A%2D0.5')).toEqual({
      kind: 'answer',
      statement: 'samma-budget',
      answer: -0.5,
    });
    expect(readHandover('#svar=%C3%B6:0')).toEqual({ kind: 'answer', statement: 'ö', answer: 0 });
    // A "%" that is not an escape is taken literally.
    expect(readHandover('#svar=50%-x:1')).toEqual({
      kind: 'answer',
      statement: '50%-x',
      answer: 1,
    });
  });

  it('leaves fragments that are not a hand-over alone', () => {
    for (const fragment of [
      '',
      '#',
      '#1.demo.1~0.AQ',
      '#kulturskola-avgift',
      '#SVAR=a:1',
      '#xsvar=a:1',
    ])
      expect(readHandover(fragment)).toEqual({ kind: 'none' });
  });

  it.each([
    ['empty', '#svar='],
    ['"%" alone', '#svar=%'],
    ['"%" and a colon', '#svar=%:'],
    ['a missing colon', '#svar=samma-budget'],
    ['a missing colon, answer glued on', '#svar=samma-budget1'],
    ['an empty id', '#svar=:1'],
    ['an empty answer', '#svar=samma-budget:'],
    ['an unknown value', '#svar=samma-budget:2'],
    ['a value between the points', '#svar=samma-budget:0.25'],
    ['"skip" (never handed over)', '#svar=samma-budget:skip'],
    ['another spelling of 1', '#svar=samma-budget:1.0'],
    ['a plus sign', '#svar=samma-budget:+1'],
    ['white space', '#svar=samma-budget: 1'],
    ['minus zero', '#svar=samma-budget:-0'],
    ['a hexadecimal number', '#svar=samma-budget:0x1'],
    ['NaN', '#svar=samma-budget:NaN'],
    ['an escape that is not UTF-8', '#svar=%FF:1'],
    ['garbage', '#svar=<script>alert(1)</script>'],
    ['garbage with colons', '#svar=:::'],
  ])('refuses %s without throwing', (_, fragment) => {
    expect(readHandover(fragment)).toEqual(invalid);
  });
});
