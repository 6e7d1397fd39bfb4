/**
 * One server process for two-processes.test.ts: the published plugin beside the built site
 * (test-server.ts) on `DATABASE_URL`, listening on 127.0.0.1 at a free port. It prints
 * `listening <url>`, then takes one `PublishInput` as JSON per line on stdin, publishes it through
 * its own store and prints the outcome as one JSON line. It closes when stdin ends.
 */
import { createInterface } from 'node:readline';
import { builtIdsOf, openPublishedStore } from './open.ts';
import { publishedServer } from './test-server.ts';
import type { PublishInput } from './types.ts';

const staticDir = process.env.STATIC_DIR ?? null;
const store = await openPublishedStore(process.env.DATABASE_URL ?? '', {
  builtIds: builtIdsOf(staticDir),
});
const app = await publishedServer({ store, staticDir });
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening ${url}\n`);

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const outcome = await store.publish(JSON.parse(line) as PublishInput);
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}
await app.close();
await store.close();
