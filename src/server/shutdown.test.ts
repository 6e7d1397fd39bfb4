import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer } from './start.ts';

// Stopping the service (a deployment, or the end of a test) must not wait on connections that
// no request has used: browsers open such spare connections ahead of need, and Node would keep
// each one until its header timeout, a minute later.

const closed = (socket: Socket) =>
  new Promise<void>((resolve) => socket.once('close', () => resolve()));

describe('shutting down', () => {
  it('closes a connection no request has used, and one between requests, and stops', async () => {
    const server = await startServer({
      staticDir: null,
      databaseUrl: 'sqlite::memory:',
      purgeIntervalMs: 0,
    });
    const { hostname, port } = new URL(server.url);
    const spare = connect(Number(port), hostname);
    await new Promise<void>((resolve) => spare.once('connect', () => resolve()));
    const spareClosed = closed(spare);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    await health.text();

    await server.close();
    await spareClosed;
    expect(spare.destroyed || spare.readyState === 'closed').toBe(true);
  });
});
