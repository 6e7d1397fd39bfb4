import type { StatementCounts } from '../../domain/classroom/index.ts';

/** One column of a statement's counts, in the order the quiz shows the answers, then skip. */
export type CountKey = Exclude<keyof StatementCounts, 'important'>;

/** Screen order (as the quiz's answer buttons: "Helt för" first), then "Hoppade över". */
export const DISPLAY_ORDER: readonly CountKey[] = ['1', '0.5', '0', '-0.5', '-1', 'skip'];

/** The position label key (translation namespace) of each column. */
export const LABEL_KEY = {
  '1': 'position.agree',
  '0.5': 'position.partlyAgree',
  '0': 'position.neutral',
  '-0.5': 'position.partlyDisagree',
  '-1': 'position.disagree',
  skip: 'position.skip',
} as const satisfies Record<CountKey, string>;

/** The CSS class of each column's bar segment and legend swatch (colour and pattern). */
export const SEGMENT_CLASS: Readonly<Record<CountKey, string>> = {
  '1': 'seg-agree',
  '0.5': 'seg-partly-agree',
  '0': 'seg-neutral',
  '-0.5': 'seg-partly-disagree',
  '-1': 'seg-disagree',
  skip: 'seg-skip',
};
