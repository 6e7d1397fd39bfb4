/**
 * What every resource plugin of the API shares: the rounds service, the rate limits, the body
 * caps, and `apiRoute`, which registers a route of the table (api-routes.ts) by its name with
 * the API's defaults.
 */
import type { ServerResponse } from 'node:http';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestAsyncHookHandler,
  RouteOptions,
} from 'fastify';
import { normaliseJoinCode } from '../../domain/classroom/index.ts';
import { HttpError } from '../messages.ts';
import type { RoundService } from '../rounds.ts';
import { apiRoute as routeOf, type RouteName } from './api-routes.ts';
import { CodeParams, type InvalidCodes } from './schemas.ts';

const KIB = 1024;
/** Request body caps: creating a round and the teacher's calls carry a few bytes, a submission a few kB. */
export const BODY_LIMITS = { small: 1 * KIB, submission: 32 * KIB } as const;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which code a failed schema check answers, by the part that failed (errors.ts). */
    invalid?: InvalidCodes;
  }
}

/** The options every resource plugin is registered with. */
export interface ApiContext {
  readonly rounds: RoundService;
  /** Rate limits (onRequest hooks): starting rounds, submissions, every other API request. */
  readonly limit: Readonly<Record<'create' | 'submit' | 'other', onRequestAsyncHookHandler>>;
  /** The live count's stream: its security headers, keep-alive interval and the open streams. */
  readonly live: {
    readonly headers: Record<string, string>;
    readonly heartbeatMs: number;
    readonly streams: Set<ServerResponse>;
  };
}

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** A route's own options; `invalid` says which code a failed schema check answers. */
export interface ApiRouteOptions extends Partial<Omit<RouteOptions, 'handler' | 'config'>> {
  readonly handler: Handler;
  readonly invalid?: InvalidCodes;
}

/**
 * Registers the route `name` of the table: no HEAD route, the small body cap and the "other"
 * rate limit unless the route says otherwise.
 */
export function apiRoute(
  app: FastifyInstance,
  context: ApiContext,
  name: RouteName,
  { invalid, ...options }: ApiRouteOptions,
): void {
  const { method, url } = routeOf(name);
  app.route({
    method,
    url,
    exposeHeadRoute: false,
    bodyLimit: BODY_LIMITS.small,
    onRequest: context.limit.other,
    config: { invalid },
    ...options,
  });
}

/** The options of a route with a join code in its path: the params schema, 400 `invalid-code`. */
export const CODE_ROUTE = {
  schema: { params: CodeParams },
  invalid: { params: 'invalid-code' },
} as const satisfies Partial<ApiRouteOptions>;

/** The canonical join code of the request's path, or 400 `invalid-code`. */
export function joinCode(request: FastifyRequest): string {
  const code = normaliseJoinCode((request.params as { code?: unknown }).code);
  if (code === null) throw new HttpError('invalid-code');
  return code;
}
