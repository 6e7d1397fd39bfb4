import type { CountersDelta } from '../../server/storage/types.ts';

/** The round the durability test's child submits to, and the one delta every submission carries. */
export const DURABILITY_STATEMENTS = ['s1', 's2'];
export const DURABILITY_DELTA: CountersDelta = {
  submissions: 1,
  statements: { s1: { for: 1 }, s2: { 'hoppade-over': 1 } },
};
/** How many submissions the child keeps in flight at once. */
export const DURABILITY_LOOPS = 4;
