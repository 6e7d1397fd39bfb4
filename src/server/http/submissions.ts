/**
 * `POST /api/sessions/{code}/submissions`: a pupil's answers, with an `Idempotency-Key`, counted
 * once. The body (randomized categories) is read by rounds.ts (`randomizedDelta`) after the round
 * is found.
 */
import type { FastifyPluginAsync } from 'fastify';
import { type ApiContext, apiRoute, BODY_LIMITS, CODE_ROUTE, joinCode } from './api.ts';
import { SubmissionHeaders } from './schemas.ts';

export const submissions: FastifyPluginAsync<ApiContext> = async (app, context) => {
  apiRoute(app, context, 'submitAnswers', {
    bodyLimit: BODY_LIMITS.submission,
    onRequest: context.limit.submit,
    schema: { ...CODE_ROUTE.schema, headers: SubmissionHeaders },
    invalid: {
      ...CODE_ROUTE.invalid,
      // An empty header is as good as none.
      headers: (headers) =>
        headers['idempotency-key'] ? 'invalid-idempotency-key' : 'missing-idempotency-key',
    },
    handler: async (request, reply) => {
      const key = request.headers['idempotency-key'] as string;
      const { status, body } = await context.rounds.submit(joinCode(request), key, request.body);
      reply.code(status);
      return body;
    },
  });
};
