/**
 * `npm run serve` (and `npm start`, after the build): the site and the classroom service on one
 * port. Configuration from the environment (config.ts, README.md beside this file).
 */
import { readConfig } from './config.ts';
import { startServer } from './start.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const server = await startServer({
    staticDir: config.staticDir,
    databaseUrl: config.databaseUrl,
    port: config.port,
    host: config.host,
    limits: config.limits,
    caps: config.caps,
    roundTtlHours: config.roundTtlHours,
    frameAncestors: config.frameAncestors,
    hsts: config.hsts,
    trustProxy: config.trustProxy,
    logStream: config.log ? process.stderr : null,
  });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : null;
  const url = shownHost
    ? server.url.replace(/\/\/[^:]+:|\/\/\[[^\]]+\]:/, `//${shownHost}:`)
    : server.url;
  console.log(`Valkompass på ${url}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Klassrumstjänsten: kunde inte stänga efter ${signal}:`, error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Never the database URL itself: it may hold a password (openStore's errors do not repeat it).
  console.error(
    'Klassrumstjänsten kunde inte starta:',
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
