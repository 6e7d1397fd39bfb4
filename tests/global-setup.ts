import { postgresSetup, startCluster } from '../src/tools/throwaway-postgres.ts';

/**
 * One throwaway PostgreSQL cluster for the whole unit run, rather than one per test file: each file
 * still gets a database of its own on it (VALKOMPASS_PG_URL mode of
 * src/tools/throwaway-postgres.ts), which is what isolates them. Starting a cluster costs a few
 * seconds of `initdb`.
 * Nothing happens when VALKOMPASS_PG_URL is already set, PostgreSQL is skipped, or it is missing
 * (the PostgreSQL suites then say why).
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const postgres = postgresSetup();
  if (postgres.mode !== 'cluster') return undefined;
  const cluster = await startCluster(postgres.binDir);
  process.env.VALKOMPASS_PG_URL = cluster.adminUrl;
  return async () => {
    delete process.env.VALKOMPASS_PG_URL;
    await cluster.stop();
  };
}
