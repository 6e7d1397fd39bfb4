/**
 * How the service answers what it refuses: every error is `{ error, message }` with the
 * contract's code and Swedish sentence (messages.ts), bad input always a 4xx. Schema failures map
 * to the route's codes (`config.invalid`, schemas.ts), never to Fastify's English text.
 */
import type { Writable } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClassroomError } from '../../domain/classroom/index.ts';
import { errorBody, type ErrorCode, HttpError, STATUS } from '../messages.ts';
import { allowedMethods } from './api-routes.ts';
import type { InvalidCodes } from './schemas.ts';

export const isApi = (url: string) =>
  url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

export function sendError(reply: FastifyReply, code: ErrorCode): FastifyReply {
  return reply.code(STATUS[code]).type('application/json; charset=utf-8').send(errorBody(code));
}

/** JSON bodies: the default safe parser (prototype poisoning refused), but an empty body is none. */
export function parseJsonBodies(app: FastifyInstance): void {
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    jsonParser(request, text, (error, value) => {
      if (!error) return done(null, value);
      // Valid JSON refused by the safe parser is a prototype-pollution key (`__proto__`,
      // `constructor.prototype`): the shape is wrong, not the syntax.
      let syntax = true;
      try {
        JSON.parse(text);
        syntax = false;
      } catch {
        // not JSON at all
      }
      done(new HttpError(syntax ? 'invalid-json' : 'invalid-body'), undefined);
    });
  });
}

/** The code of a failed schema check, from the route's `config.invalid`. */
function invalidCode(request: FastifyRequest, part: string | undefined): ErrorCode {
  const { invalid } = request.routeOptions.config;
  const code = invalid?.[part as keyof InvalidCodes] ?? 'invalid-body';
  return typeof code === 'function' ? code(request.headers) : code;
}

/** The code of an error Fastify or a plugin raised, or null for a fault of the service. */
function codeOf(error: FastifyError | Error, request: FastifyRequest): ErrorCode | null {
  if (error instanceof ClassroomError) return error.code;
  const { statusCode: status, code, validation, validationContext } = error as FastifyError;
  if (validation) return invalidCode(request, validationContext);
  if (status === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'body-too-large';
  if (status === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported-media-type';
  if (error instanceof SyntaxError || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'invalid-json';
  if (typeof status === 'number' && status >= 400 && status < 500) return 'invalid-body';
  return null;
}

/** The error handler; a fault of ours (e.g. the database is down) is logged without the request. */
export function handleErrors(app: FastifyInstance, log: Writable | null, now: () => Date): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof HttpError) {
      reply.headers(error.headers);
      return sendError(reply, error.code);
    }
    const code = codeOf(error, request);
    if (code !== null) return sendError(reply, code);
    log?.write(
      `${JSON.stringify({ time: now().toISOString(), level: 'error', route: request.routeOptions.url, error: String(error) })}\n`,
    );
    return sendError(reply, 'server-error');
  });
}

/**
 * An API path no route matched: 405 with `Allow` on a path some route has (`methodsOn`: the
 * server's registered routes; the classroom's by default), else 404. A path with one of its own
 * methods missed the router only because a segment is longer than the router reads
 * (`maxParamLength`): a classroom path's join code is then malformed like any other, 400
 * `invalid-code`; elsewhere nothing has that address, 404.
 */
export function apiNotFound(
  request: FastifyRequest,
  reply: FastifyReply,
  methodsOn: (path: string) => string[] | null = allowedMethods,
): FastifyReply {
  const path = request.url.split('?')[0]!;
  const allowed = methodsOn(path);
  if (allowed?.includes(request.method))
    return sendError(reply, allowedMethods(path) ? 'invalid-code' : 'no-such-endpoint');
  if (allowed) {
    reply.header('allow', allowed.join(', '));
    return sendError(reply, 'method-not-allowed');
  }
  return sendError(reply, 'no-such-endpoint');
}

/**
 * A URL Fastify cannot decode (`%zz`): on an API path with a join code it is a malformed code,
 * 400 `invalid-code`; anywhere else 400 `invalid-body`.
 */
export function undecodableUrl(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0]!;
  return sendError(reply, isApi(path) && allowedMethods(path) ? 'invalid-code' : 'invalid-body');
}
