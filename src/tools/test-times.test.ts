import { describe, expect, it } from 'vitest';
import { budgetVerdict, formatTimes } from './test-times.ts';

const times = [
  { name: 'lint', seconds: 15.2 },
  { name: 'end-to-end', seconds: 301.7 },
  { name: 'unit', seconds: 80 },
  { name: 'build', seconds: 11 },
];

describe('the test runner’s times', () => {
  it('lists every gate slowest first, with the total', () => {
    expect(formatTimes(times, 420).split('\n')).toEqual([
      '  end-to-end   302 s',
      '  unit          80 s',
      '  lint          15 s',
      '  build         11 s',
      '  total        420 s',
    ]);
  });

  it('passes a run within its budget, to the second', () => {
    expect(budgetVerdict(times, 600, 600)).toBeNull();
  });

  it('fails a run over its budget, naming the three slowest gates', () => {
    expect(budgetVerdict(times, 601, 600)).toBe(
      'npm test took 601 s, over its budget of 600 s. Slowest: end-to-end (302 s), unit (80 s), ' +
        'lint (15 s). Make them faster, or move exhaustive cases to `npm run test:sweep` (one ' +
        'case of every kind stays in npm test).',
    );
  });
});
