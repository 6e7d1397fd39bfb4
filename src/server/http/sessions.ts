/** The round itself: start it, read it, close it and delete it (`/api/sessions[/{code}[/close]]`). */
import type { FastifyPluginAsync } from 'fastify';
import { type ApiContext, apiRoute, CODE_ROUTE, joinCode } from './api.ts';
import { CreateSessionRequest } from './schemas.ts';

export const sessions: FastifyPluginAsync<ApiContext> = async (app, context) => {
  const { rounds } = context;

  apiRoute(app, context, 'createSession', {
    onRequest: context.limit.create,
    schema: { body: CreateSessionRequest },
    invalid: { body: 'invalid-body' },
    handler: async (request, reply) => {
      const { compass } = request.body as { compass: string };
      const created = await rounds.create(compass);
      reply.code(201);
      return created;
    },
  });

  apiRoute(app, context, 'getSession', {
    ...CODE_ROUTE,
    handler: (request) => rounds.session(joinCode(request)),
  });

  apiRoute(app, context, 'closeSession', {
    ...CODE_ROUTE,
    handler: (request) => rounds.close(joinCode(request), request.headers.authorization),
  });

  apiRoute(app, context, 'deleteSession', {
    ...CODE_ROUTE,
    handler: async (request, reply) => {
      await rounds.remove(joinCode(request), request.headers.authorization);
      return reply.code(204).send();
    },
  });
};
