export { migrations } from './migrations.ts';
export { openStore, parseDatabaseUrl } from './open-store.ts';
export type * from './types.ts';
