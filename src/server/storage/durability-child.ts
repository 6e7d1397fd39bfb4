/**
 * The child process of durability.test.ts (not part of the service):
 * `node --import tsx durability-child.ts <databaseUrl> <code> <keyPrefix> [count]`.
 *
 * Prints `ready` once the store is open, then submits to the round and prints each idempotency key
 * on its own line once `addSubmission` has resolved 'counted' (acknowledged). Without `count` it
 * submits from a few concurrent loops as fast as it can until it is killed; with `count` it waits
 * for a line on stdin (so that several children can start together), then submits that many, one
 * at a time and yielding to the event loop in between as a server would, and exits; it prints
 * `start <ms>` before the first and `end <ms>` after the last.
 */
import { writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openStore } from './open-store.ts';
import type { CountersDelta } from './types.ts';

/** The round the child submits to, and the one delta every submission carries. */
export const DURABILITY_STATEMENTS = ['s1', 's2'];
export const DURABILITY_DELTA: CountersDelta = {
  submissions: 1,
  statements: { s1: { for: 1 }, s2: { 'hoppade-over': 1 } },
};
/** How many submissions the child keeps in flight at once. */
export const DURABILITY_LOOPS = 4;

/**
 * Writes straight to fd 1, so that once it returns the line is in the pipe and the parent reads it
 * even after a SIGKILL. (process.stdout would queue the write in this process's memory when the
 * pipe is full, and the burst loops never yield to the event loop that flushes it.) The pipe is
 * non-blocking: wait for the parent to make room. A line is shorter than PIPE_BUF, so it is
 * written whole or not at all.
 */
function print(line: string): void {
  for (;;) {
    try {
      writeSync(1, `${line}\n`);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

async function main([databaseUrl, code, prefix, count]: string[]): Promise<void> {
  if (!databaseUrl || !code || !prefix) {
    throw new Error('usage: durability-child.ts <databaseUrl> <code> <keyPrefix> [count]');
  }
  const store = await openStore(databaseUrl);
  const now = new Date();
  const submit = async (key: string): Promise<void> => {
    const result = await store.addSubmission(code, key, DURABILITY_DELTA, now);
    if (result !== 'counted') throw new Error(`${key}: ${result}`);
    print(key);
  };
  print('ready');
  if (count === undefined) {
    await Promise.all(
      Array.from({ length: DURABILITY_LOOPS }, async (_, loop) => {
        for (let i = 0; ; i += 1) await submit(`${prefix}-${loop}-${i}`);
      }),
    );
    return;
  }
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.destroy();
  print(`start ${Date.now()}`);
  for (let i = 0; i < Number(count); i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    await submit(`${prefix}-${i}`);
  }
  print(`end ${Date.now()}`);
  await store.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
