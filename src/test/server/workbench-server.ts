/**
 * A Fastify instance with the workbench plugin alone, built with the server's settings (app.ts:
 * the safe JSON parser, Ajv that never changes a request, the error handler), for the tests until
 * app.ts registers the plugin.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { handleErrors, parseJsonBodies } from '../../server/http/errors.ts';
import { openWorkbenchStore } from '../../server/workbench/open.ts';
import { workbench } from '../../server/workbench/plugin.ts';
import { WorkbenchService } from '../../server/workbench/service.ts';
import type { WorkbenchStore } from '../../server/workbench/types.ts';

export async function workbenchServer(databaseUrl: string): Promise<{
  app: FastifyInstance;
  store: WorkbenchStore;
  /** Every registered `METHOD /path`, sorted. */
  routes: string[];
  close(): Promise<void>;
}> {
  const store = await openWorkbenchStore(databaseUrl);
  const app = Fastify({
    logger: false,
    bodyLimit: 32 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
  });
  parseJsonBodies(app);
  handleErrors(app, null, () => new Date());
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push(`${method} ${route.url}`);
  });
  await app.register(workbench, { service: new WorkbenchService(store) });
  await app.ready();
  return {
    app,
    store,
    routes: routes.sort(),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
