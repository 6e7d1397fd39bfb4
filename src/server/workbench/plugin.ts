/**
 * The workbench's routes (Redaktionen) as one Fastify plugin, `workbench`, registered with a
 * `WorkbenchService`. It brings its own error handler (encapsulated: it answers only these
 * routes), so every refusal is `{ error, message }` with the workbench's codes (messages.ts),
 * never a 5xx for bad input. It expects the server's JSON parser and Ajv settings
 * (http/errors.ts `parseJsonBodies`; Ajv without coercion, removal or defaults, as app.ts
 * builds it).
 */
import type {
  FastifyError,
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  RouteOptions,
} from 'fastify';
import { HttpError } from '../messages.ts';
import {
  WORKBENCH_STATUS,
  WorkbenchError,
  workbenchErrorBody,
  type WorkbenchErrorCode,
} from './messages.ts';
import { draftRoutes } from './routes-drafts.ts';
import { itemRoutes } from './routes-items.ts';
import {
  AddCoderRequest,
  CoderCodingParams,
  CodingParams,
  CodingRequest,
  CreateWorkspaceRequest,
  WorkspaceParams,
} from './schemas.ts';
import type { CodingBody, Where, WorkbenchService } from './service.ts';

export interface WorkbenchOptions {
  readonly service: WorkbenchService;
  /**
   * The server's rate limits (http/limits.ts): creating a workspace counts like starting a class
   * round (per hour and per day, per address), every other route like the API's other requests.
   * None: no limits (tests of the plugin alone).
   */
  readonly limit?: Readonly<Record<'create' | 'other', onRequestAsyncHookHandler>>;
  /** Where a fault of the service is written (one JSON line, without the request); none by default. */
  readonly log?: { write(line: string): unknown };
}

const KIB = 1024;
/**
 * Request body caps: a title or a label is a few bytes; a coding's note is up to 2 000
 * characters; a programme text up to 2 MiB (schemas-items.ts), an import a compass and its
 * programmes.
 */
export const WORKBENCH_BODY_LIMITS = {
  small: 1 * KIB,
  coding: 16 * KIB,
  item: 64 * KIB,
  programme: 5 * KIB * KIB,
  import: 16 * KIB * KIB,
} as const;

/** The routes, `METHOD /path` as Fastify writes them (openapi.test.ts checks the docs against it). */
export const WORKBENCH_ROUTES = [
  'POST /api/workspaces',
  'POST /api/workspaces/:workspace/coders',
  'GET /api/workspaces/:workspace/codings/:statement/:party',
  'PUT /api/workspaces/:workspace/codings/:statement/:party',
  'GET /api/workspaces/:workspace/coders/:coder/codings/:statement/:party',
  'GET /api/workspaces/:workspace',
  'PUT /api/workspaces/:workspace/meta',
  'PUT /api/workspaces/:workspace/parties/:party',
  'DELETE /api/workspaces/:workspace/parties/:party',
  'PUT /api/workspaces/:workspace/programmes/:party',
  'PUT /api/workspaces/:workspace/statements/:statement',
  'DELETE /api/workspaces/:workspace/statements/:statement',
  'GET /api/workspaces/:workspace/agreement',
  'PUT /api/workspaces/:workspace/decisions/:statement/:party',
  'GET /api/workspaces/:workspace/draft',
  'POST /api/workspaces/:workspace/import',
  'GET /api/workspaces/:workspace/export',
  'POST /api/workspaces/:workspace/publish',
] as const;

export type WorkbenchRoute = (typeof WORKBENCH_ROUTES)[number];

/** What a failed schema check answers, by route and part. */
type Invalid = Partial<Record<'params' | 'body' | 'querystring', WorkbenchErrorCode>>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The workbench's code for a failed schema check, by the part that failed. */
    workbenchInvalid?: Invalid;
  }
}

type Route = Omit<RouteOptions, 'method' | 'url' | 'handler' | 'config'> & {
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  invalid?: Invalid;
};

/** Registers one of WORKBENCH_ROUTES with the plugin's defaults. */
export type AddRoute = (name: WorkbenchRoute, options: Route) => void;

/** Registers routes with the plugin's defaults and the rate limit each counts against. */
function routeAdder(app: FastifyInstance, limit: WorkbenchOptions['limit']): AddRoute {
  return (name, { invalid, ...rest }) => {
    const [method, url] = name.split(' ') as [string, string];
    const onRequest = name === 'POST /api/workspaces' ? limit?.create : limit?.other;
    app.route({
      method,
      url,
      exposeHeadRoute: false,
      bodyLimit: WORKBENCH_BODY_LIMITS.small,
      config: { workbenchInvalid: invalid ?? {} },
      ...(onRequest ? { onRequest } : {}),
      ...rest,
    });
  };
}

export const workbench: FastifyPluginAsync<WorkbenchOptions> = async (app, options) => {
  const { service } = options;
  answerErrors(app, options.log);

  const route = routeAdder(app, options.limit);
  const where = (request: FastifyRequest) => request.params as Where & { coder?: string };

  route('POST /api/workspaces', {
    schema: { body: CreateWorkspaceRequest },
    invalid: { body: 'invalid-title' },
    handler: async (request, reply) => {
      const { title } = request.body as { title: string };
      reply.code(201);
      return service.createWorkspace(title.trim());
    },
  });

  route('POST /api/workspaces/:workspace/coders', {
    schema: { params: WorkspaceParams, body: AddCoderRequest },
    invalid: { params: 'invalid-id', body: 'invalid-label' },
    handler: async (request, reply) => {
      const { label } = request.body as { label: string };
      const { workspace } = where(request);
      const added = await service.addCoder(workspace, request.headers.authorization, label.trim());
      reply.code(201);
      return added;
    },
  });

  const read = async (request: FastifyRequest, reply: FastifyReply) => {
    const { workspace, statement, party, coder } = where(request);
    const found = await service.readCoding(
      { workspace, statement, party },
      request.headers.authorization,
      coder,
    );
    reply.header('etag', found.etag);
    return found.coding;
  };
  route('GET /api/workspaces/:workspace/codings/:statement/:party', {
    schema: { params: CodingParams },
    invalid: { params: 'invalid-id' },
    handler: read,
  });
  route('GET /api/workspaces/:workspace/coders/:coder/codings/:statement/:party', {
    schema: { params: CoderCodingParams },
    invalid: { params: 'invalid-id' },
    handler: read,
  });

  route('PUT /api/workspaces/:workspace/codings/:statement/:party', {
    schema: { params: CodingParams, body: CodingRequest },
    invalid: { params: 'invalid-id', body: 'invalid-coding' },
    bodyLimit: WORKBENCH_BODY_LIMITS.coding,
    handler: async (request, reply) => {
      const { workspace, statement, party } = where(request);
      const written = await service.writeCoding(
        { workspace, statement, party },
        request.headers.authorization,
        request.body as CodingBody,
        request.headers['if-match'],
      );
      reply.header('etag', `"${written.version}"`);
      return written;
    },
  });
  itemRoutes(route, service);
  draftRoutes(route, service);
};

/** The plugin's error handler and `Cache-Control: no-store` on every response of its routes. */
function answerErrors(app: FastifyInstance, log: WorkbenchOptions['log']): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const code = errorCode(error, request);
    if (code === 'server-error')
      log?.write(
        `${JSON.stringify({ time: new Date().toISOString(), level: 'error', route: request.routeOptions.url, error: String(error) })}\n`,
      );
    const extra = error instanceof WorkbenchError ? error.extra : {};
    if (error instanceof WorkbenchError || error instanceof HttpError) reply.headers(error.headers);
    return reply
      .code(WORKBENCH_STATUS[code])
      .type('application/json; charset=utf-8')
      .send({ ...workbenchErrorBody(code), ...extra });
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });
}

/** The workbench's code for an error a route, Fastify or the JSON parser raised. */
function errorCode(error: FastifyError | Error, request: FastifyRequest): WorkbenchErrorCode {
  if (error instanceof WorkbenchError) return error.code;
  if (error instanceof HttpError)
    return error.code in WORKBENCH_STATUS ? (error.code as WorkbenchErrorCode) : 'invalid-body';
  const { statusCode: status, code, validation, validationContext } = error as FastifyError;
  if (validation) {
    const part = validationContext as keyof Invalid;
    return request.routeOptions.config.workbenchInvalid?.[part] ?? 'invalid-body';
  }
  if (status === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'body-too-large';
  if (status === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported-media-type';
  if (error instanceof SyntaxError || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'invalid-json';
  if (typeof status === 'number' && status >= 400 && status < 500) return 'invalid-body';
  return 'server-error';
}
