import { parseDatabaseUrl } from '../storage/open-store.ts';
import { openPostgresWorkbench } from './postgres-store.ts';
import { openSqliteWorkbench } from './sqlite-store.ts';
import type { WorkbenchStore } from './types.ts';

/**
 * Opens the workbench store on the classroom's database URL (`sqlite:<path>` or `postgres://…`,
 * `parseDatabaseUrl`) and runs the migrations (the one list of storage/migrations.ts). On SQLite
 * open the classroom store first when a process uses both: its open runs the same migrations
 * under its file lock, and this one then finds nothing to do.
 */
export async function openWorkbenchStore(
  databaseUrl: string,
  onError: (error: unknown) => void = (error) => {
    console.error('[workbench storage]', error);
  },
): Promise<WorkbenchStore> {
  const target = parseDatabaseUrl(databaseUrl);
  return target.kind === 'sqlite'
    ? openSqliteWorkbench(target.path)
    : openPostgresWorkbench(target.connectionString, onError);
}
