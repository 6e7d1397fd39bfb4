/**
 * For the workbench's tests only: the plugin in a Fastify built with the server's settings
 * (app.ts: the safe JSON parser, Ajv that never changes a request, the error handler) on a real
 * store, and an in-memory `Publisher` (the real one is src/server/published's) that records what
 * it was given.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { PublishedVersion } from '../../domain/workbench/api.ts';
import { handleErrors, parseJsonBodies } from '../http/errors.ts';
import type { Publisher, PublishInput, PublishOutcome } from '../published/types.ts';
import { openWorkbenchStore } from './open.ts';
import { workbench } from './plugin.ts';
import { WorkbenchService } from './service.ts';
import type { WorkbenchStore } from './types.ts';

/** Numbers each compass id's versions; an id another workspace published, or `builtIn`, is taken. */
export class MemoryPublisher implements Publisher {
  readonly inputs: PublishInput[] = [];
  readonly #versions: (PublishedVersion & { workspace: string })[] = [];

  constructor(readonly builtIn: readonly string[] = ['socialpolitik']) {}

  publish(input: PublishInput): Promise<PublishOutcome> {
    const owner = this.#versions.find((v) => v.compass === input.id)?.workspace;
    if (this.builtIn.includes(input.id) || (owner !== undefined && owner !== input.workspace))
      return Promise.resolve({ published: false, reason: 'taken' });
    this.inputs.push(input);
    const version = {
      compass: input.id,
      version: this.#versions.filter((v) => v.compass === input.id).length + 1,
      published: new Date(input.at).toISOString(),
    };
    this.#versions.push({ ...version, workspace: input.workspace });
    return Promise.resolve({ published: true, version });
  }

  versionsOf(workspace: string): Promise<readonly PublishedVersion[]> {
    return Promise.resolve(
      this.#versions
        .filter((v) => v.workspace === workspace)
        .map(({ compass, version, published }) => ({ compass, version, published }))
        .reverse(),
    );
  }
}

export async function workbenchTestServer(
  databaseUrl: string,
  options: {
    now?: () => Date;
    publisher?: MemoryPublisher;
    /** Wraps the real store (to interleave a second request with a write, say). */
    wrap?: (store: WorkbenchStore) => WorkbenchStore;
  } = {},
): Promise<{
  app: FastifyInstance;
  store: WorkbenchStore;
  publisher: MemoryPublisher;
  /** Every registered `METHOD /path`, sorted. */
  routes: string[];
  close(): Promise<void>;
}> {
  const store = await openWorkbenchStore(databaseUrl);
  const publisher = options.publisher ?? new MemoryPublisher();
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
  const service = new WorkbenchService(options.wrap ? options.wrap(store) : store, {
    publisher,
    ...(options.now ? { now: options.now } : {}),
  });
  await app.register(workbench, { service });
  await app.ready();
  return {
    app,
    store,
    publisher,
    routes: routes.sort(),
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** A programme whose characters 10–42 are a quotable sentence's start (the tests' `STATED`). */
export const PROGRAMME =
  'Inledning\nVi vill sänka skatten för alla i kommunen och bygga fler skolor.\n\nDela på Facebook\n\nVi vill att biblioteken har öppet på söndagar.';
export const BOILERPLATE = ['Dela på Facebook'];

export const PARTY = {
  name: 'Partiet',
  short: 'P',
  colour: '#123456',
  source: { url: 'https://example.org/program' },
};

export const statementBody = (order: number) => ({
  theme: 'ekonomi',
  direction: 'more',
  text: { sv: `Påstående ${order}`, en: `Statement ${order}` },
  explainer: { sv: 'Förklaring', en: 'Explainer' },
  terms: [],
  order,
});

/** Requests to the app with a key; each answers the light-my-request response. */
export function client(app: FastifyInstance) {
  const send =
    (method: 'GET' | 'PUT' | 'POST' | 'DELETE') =>
    (url: string, payload?: unknown, key?: string, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      });
  const bodiless =
    (method: 'GET' | 'DELETE') =>
    (url: string, key?: string, headers: Record<string, string> = {}) =>
      send(method)(url, undefined, key, headers);
  return { get: bodiless('GET'), put: send('PUT'), post: send('POST'), del: bodiless('DELETE') };
}

/**
 * A workspace with two coders and, unless `bare`, parties `s`, `v` and `m`, statements
 * `skatt-01`, `skola-02` and `miljo-03`, and PROGRAMME (with BOILERPLATE) for every party.
 */
export async function fixtureWorkspace(app: FastifyInstance, bare = false) {
  const { post, put } = client(app);
  const must = async (response: Promise<{ statusCode: number; body: string }>, status: number) => {
    const done = await response;
    if (done.statusCode !== status) throw new Error(`${done.statusCode}: ${done.body}`);
    return JSON.parse(done.body) as unknown;
  };
  const created = (await must(post('/api/workspaces', { title: 'Kommunvalet i Växjö' }), 201)) as {
    workspace: { id: string; title: string; created: string };
    editorKey: string;
  };
  const base = `/api/workspaces/${created.workspace.id}`;
  const key = created.editorKey;
  type Added = { coder: { id: string; label: string }; coderKey: string };
  const a = (await must(post(`${base}/coders`, { label: 'Kodare A' }, key), 201)) as Added;
  const b = (await must(post(`${base}/coders`, { label: 'Kodare B' }, key), 201)) as Added;
  if (!bare) {
    for (const party of ['s', 'v', 'm']) {
      await must(put(`${base}/parties/${party}`, PARTY, key), 200);
      const programme = { text: PROGRAMME, boilerplate: BOILERPLATE };
      await must(put(`${base}/programmes/${party}`, programme, key), 200);
    }
    for (const [i, id] of ['skatt-01', 'skola-02', 'miljo-03'].entries())
      await must(put(`${base}/statements/${id}`, statementBody(i), key), 200);
  }
  return { ...created, a, b, base };
}
