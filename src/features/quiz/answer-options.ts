import type { Position } from '../../domain/bank/types.ts';

/** The answer buttons, in screen order, with their keyboard shortcut. */
export const ANSWER_OPTIONS: readonly { readonly value: Position; readonly key: string }[] = [
  { value: 1, key: '1' },
  { value: 0.5, key: '2' },
  { value: 0, key: '3' },
  { value: -0.5, key: '4' },
  { value: -1, key: '5' },
];

export const SKIP_KEY = '0';
export const IMPORTANT_KEY = '+';
