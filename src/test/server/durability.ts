import type { CountersDelta } from '../../server/storage/types.ts';

/** The round the durability test's child submits to, and the one delta every submission carries. */
export const DURABILITY_STATEMENTS = ['s1', 's2'];
export const DURABILITY_PARTIES = ['p1'];
export const DURABILITY_DELTA: CountersDelta = {
  submissions: 1,
  statements: { s1: { '1': 1, important: 1 }, s2: { '-0.5': 1 } },
  parties: { p1: { percentSum: 75, scored: 1, first: 1 } },
};
/** How many submissions the child keeps in flight at once. */
export const DURABILITY_LOOPS = 4;
