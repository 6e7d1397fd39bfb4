/**
 * `npm test` and `npm run test:sweep` (`-- --sweep`): runs the tier's gates (test-gates.ts), two at
 * a time within a stage, stage after stage; stops after the first stage with a failure; prints each
 * gate's wall time; and fails `npm test` when it ran past its budget, naming the slowest gates. The
 * budget is checked here, in the runner, and never inside a test: a test asserts behaviour, not
 * speed.
 */
import { spawn } from 'node:child_process';
import { type Gate, GATES, SWEEP_ENV, TEST_BUDGET_SECONDS, type Tier } from './test-gates.ts';
import { budgetVerdict, formatTimes, type GateTime } from './test-times.ts';

const PARALLEL = 2;

interface Outcome extends GateTime {
  readonly ok: boolean;
}

/** Runs one gate; its output is streamed when it runs alone, else printed in one piece at its end. */
function runGate(gate: Gate, alone: boolean, env: NodeJS.ProcessEnv): Promise<Outcome> {
  const started = performance.now();
  const [command, ...args] = gate.command;
  return new Promise((resolve) => {
    const child = spawn(command!, args, { env, stdio: alone ? 'inherit' : 'pipe' });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    const done = (code: number | null) => {
      const seconds = (performance.now() - started) / 1000;
      if (!alone) process.stdout.write(Buffer.concat(output));
      console.log(
        `── ${gate.name}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s`,
      );
      resolve({ name: gate.name, seconds, ok: code === 0 });
    };
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      done(null);
    });
    child.on('close', done);
  });
}

/** Runs `gates` at most `PARALLEL` at a time. */
async function runStage(gates: readonly Gate[], env: NodeJS.ProcessEnv): Promise<Outcome[]> {
  const queue = [...gates];
  const outcomes: Outcome[] = [];
  const alone = gates.length === 1;
  const worker = async () => {
    for (let gate = queue.shift(); gate; gate = queue.shift()) {
      console.log(`── ${gate.name}: ${gate.command.join(' ')}`);
      outcomes.push(await runGate(gate, alone, env));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, gates.length) }, worker));
  return outcomes;
}

async function main(): Promise<void> {
  const tier: Tier = process.argv.includes('--sweep') ? 'sweep' : 'test';
  const gates = GATES[tier];
  const env = { ...process.env, ...(tier === 'sweep' && { [SWEEP_ENV]: '1' }) };
  const started = performance.now();
  const outcomes: Outcome[] = [];
  const stages = [...new Set(gates.map((g) => g.stage))].sort((a, b) => a - b);
  for (const stage of stages) {
    const results = await runStage(
      gates.filter((g) => g.stage === stage),
      env,
    );
    outcomes.push(...results);
    if (results.some((r) => !r.ok)) break;
  }
  const total = (performance.now() - started) / 1000;
  console.log(`\n${tier === 'sweep' ? 'npm run test:sweep' : 'npm test'}: wall time per gate`);
  console.log(formatTimes(outcomes, total));
  const failed = outcomes.filter((o) => !o.ok).map((o) => o.name);
  if (failed.length > 0) {
    console.error(`\nFailed: ${failed.join(', ')}.`);
    process.exitCode = 1;
    return;
  }
  if (tier === 'test') {
    const verdict = budgetVerdict(outcomes, total, TEST_BUDGET_SECONDS);
    if (verdict) {
      console.error(`\n${verdict}`);
      process.exitCode = 1;
    }
  }
}

await main();
