/** `GET /api/sessions/{code}/results`: the class's figures, for the teacher, once closed. */
import type { FastifyPluginAsync } from 'fastify';
import { type ApiContext, apiRoute, CODE_ROUTE, joinCode } from './api.ts';

export const results: FastifyPluginAsync<ApiContext> = async (app, context) => {
  apiRoute(app, context, 'getResults', {
    ...CODE_ROUTE,
    handler: (request) => context.rounds.results(joinCode(request), request.headers.authorization),
  });
};
