/**
 * The gates of the two test tiers, in one table that the runner (run-tests.ts), the README's
 * command table (tests/readme-commands.test.ts) and CI read.
 *
 * - `npm test` (tier `test`): what CI runs and a developer runs before every commit. One case of
 *   every kind the sweeps cover, within a wall-time budget on a 2-core machine.
 * - `npm run test:sweep` (tier `sweep`): the same unit and end-to-end suites with
 *   `VALKOMPASS_SWEEP=1`, which turns on every case: every screen × width × reading, every axe page,
 *   all personas, the long fuzz counts, and the suites that exist only there.
 *
 * A gate is one command. Gates of one `stage` run side by side (two at a time: the machines CI runs
 * on have two cores); the stages run one after another, and the first stage with a failure stops
 * the run.
 */
export interface Gate {
  /** What the runner prints. */
  readonly name: string;
  /** The npm script a developer runs for this gate alone (README's command table marks it ✓). */
  readonly script: string;
  /** The command, without a shell. */
  readonly command: readonly string[];
  readonly stage: number;
}

export type Tier = 'test' | 'sweep';

const tsc = (project: string): readonly string[] => ['npx', 'tsc', '-p', project];
const vitest = (...args: string[]): readonly string[] => ['npx', 'vitest', 'run', ...args];
const E2E_CONFIG = ['--config', 'vitest.e2e.config.ts'];
const BUILD = ['npx', 'vite', 'build', '--logLevel', 'warn'];

/** `npm test`: cheapest first, so that a broken bank or a type error fails within a minute. */
export const TEST_GATES: readonly Gate[] = [
  {
    name: 'validate',
    script: 'validate',
    command: ['npx', 'tsx', 'src/tools/validate.ts'],
    stage: 0,
  },
  {
    name: 'bank report current',
    script: 'bank:report',
    command: ['npx', 'tsx', 'src/tools/report.ts', '--check'],
    stage: 0,
  },
  {
    name: 'format',
    script: 'format:check',
    command: ['npx', 'prettier', '--check', '.'],
    stage: 1,
  },
  {
    name: 'lint',
    script: 'lint',
    command: ['npx', 'eslint', '.', '--max-warnings', '0'],
    stage: 1,
  },
  { name: 'types: engine', script: 'typecheck', command: tsc('tsconfig.domain.json'), stage: 1 },
  { name: 'types: app', script: 'typecheck', command: tsc('tsconfig.app.json'), stage: 1 },
  {
    name: 'types: tools and tests',
    script: 'typecheck',
    command: tsc('tsconfig.node.json'),
    stage: 1,
  },
  { name: 'types: service', script: 'typecheck', command: tsc('tsconfig.server.json'), stage: 1 },
  { name: 'unit', script: 'test:unit', command: vitest(), stage: 2 },
  { name: 'build', script: 'test:e2e', command: BUILD, stage: 3 },
  { name: 'end-to-end', script: 'test:e2e', command: vitest(...E2E_CONFIG), stage: 4 },
];

/** `npm run test:sweep`: the exhaustive tier of the unit and end-to-end suites, on a fresh build. */
export const SWEEP_GATES: readonly Gate[] = [
  { name: 'build', script: 'test:e2e', command: BUILD, stage: 0 },
  { name: 'unit (sweep)', script: 'test:unit', command: vitest(), stage: 1 },
  { name: 'end-to-end (sweep)', script: 'test:e2e', command: vitest(...E2E_CONFIG), stage: 2 },
];

export const GATES: Readonly<Record<Tier, readonly Gate[]>> = {
  test: TEST_GATES,
  sweep: SWEEP_GATES,
};

/**
 * The wall-time budget of `npm test` on CI's 2-core machine, in seconds: a fresh clone's whole
 * `.ci/run` must finish in 12 minutes, and `npm ci` takes about 1.5 of them. Past it, the runner
 * fails and names the slowest gates, so that the test suite cannot grow slower unnoticed. The
 * sweep has no budget.
 */
export const TEST_BUDGET_SECONDS = 600;

/** The environment variable that turns on the sweep's cases (read through src/test/tier.ts). */
export const SWEEP_ENV = 'VALKOMPASS_SWEEP';
