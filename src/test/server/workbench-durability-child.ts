/**
 * A child process for the workbench's kill -9 test:
 * `node --import tsx workbench-durability-child.ts <databaseUrl> <workspace> <coder>`.
 *
 * Prints `ready` once the store is open, then writes codings as fast as it can until it is
 * killed: a first write of statement `n1`, `n2`, … and, in between, the next version of
 * statement `chain`. Prints each write on its own line once `writeCoding` has resolved
 * (acknowledged): `n<i> 1` or `chain <version>`.
 */
import { writeSync } from 'node:fs';
import { openWorkbenchStore } from '../../server/workbench/open.ts';

const [databaseUrl, workspace, coder] = process.argv.slice(2);
if (!databaseUrl || !workspace || !coder)
  throw new Error('usage: workbench-durability-child.ts <databaseUrl> <workspace> <coder>');

/** Straight to fd 1, so that a printed line is in the pipe even after a SIGKILL. */
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

const store = await openWorkbenchStore(databaseUrl);
const coding = {
  positionHalves: 1,
  kind: 'implied',
  quoteStart: null,
  quoteEnd: null,
  note: '',
} as const;
print('ready');
let chain: number | null = null;
for (let i = 1; ; i++) {
  const key = { workspace, coder, party: 'p' };
  const first = await store.writeCoding({ ...key, statement: `n${i}` }, coding, null, Date.now());
  if (first.written) print(`n${i} ${first.version}`);
  const next = await store.writeCoding({ ...key, statement: 'chain' }, coding, chain, Date.now());
  if (next.written) print(`chain ${(chain = next.version)}`);
}
