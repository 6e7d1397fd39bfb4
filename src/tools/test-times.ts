/** How long one gate of a test run took, in seconds of wall time. */
export interface GateTime {
  readonly name: string;
  readonly seconds: number;
}

const seconds = (s: number): string => `${s.toFixed(0)} s`;

/** The gates' wall times as aligned lines, slowest first, and the run's total. */
export function formatTimes(times: readonly GateTime[], total: number): string {
  const width = Math.max(5, ...times.map((t) => t.name.length));
  const rows = [...times]
    .sort((a, b) => b.seconds - a.seconds)
    .map((t) => `  ${t.name.padEnd(width)}  ${seconds(t.seconds).padStart(6)}`);
  return [...rows, `  ${'total'.padEnd(width)}  ${seconds(total).padStart(6)}`].join('\n');
}

/**
 * Null when the run kept within `budget` seconds; otherwise what to tell the developer: how far
 * over it went and the three slowest gates, which are where time is to be won (or a case to move
 * to the sweep).
 */
export function budgetVerdict(
  times: readonly GateTime[],
  total: number,
  budget: number,
): string | null {
  if (total <= budget) return null;
  const slowest = [...times]
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 3)
    .map((t) => `${t.name} (${seconds(t.seconds)})`);
  return (
    `npm test took ${seconds(total)}, over its budget of ${seconds(budget)}. ` +
    `Slowest: ${slowest.join(', ')}. Make them faster, or move exhaustive cases to ` +
    '`npm run test:sweep` (one case of every kind stays in npm test).'
  );
}
