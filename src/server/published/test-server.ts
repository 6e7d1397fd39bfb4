/**
 * The published plugin in a Fastify built with the server's settings (app.ts: the security
 * headers on every response, the safe JSON parser, Ajv that never changes a request, the error
 * handler, the built site and its not-found answer), for the tests and the second process of
 * two-processes.test.ts until app.ts registers the plugin. `withPublished: false` builds the same
 * server without it: the site as it is served today, to compare against.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { DEFAULTS } from '../config.ts';
import { handleErrors, parseJsonBodies } from '../http/errors.ts';
import { everyResponse } from '../http/lifecycle.ts';
import { registerSite } from '../http/site.ts';
import { published, type PublishedOptions } from './plugin.ts';
import type { PublishedStore } from './store.ts';

export async function publishedServer(options: {
  readonly store: PublishedStore | null;
  readonly staticDir: string | null;
  readonly log?: PublishedOptions['log'];
}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
  });
  everyResponse(app, { frameAncestors: DEFAULTS.frameAncestors, hsts: false });
  parseJsonBodies(app);
  handleErrors(app, null, () => new Date());
  await registerSite(app, options.staticDir);
  if (options.store)
    await app.register(published, {
      store: options.store,
      staticDir: options.staticDir,
      ...(options.log ? { log: options.log } : {}),
    });
  await app.ready();
  return app;
}
