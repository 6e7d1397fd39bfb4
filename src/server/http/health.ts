/** `GET /api/health`: whether this site runs the classroom service. */
import type { FastifyPluginAsync } from 'fastify';
import type { HealthResponse } from '../../domain/classroom/index.ts';
import { type ApiContext, apiRoute } from './api.ts';

export const health: FastifyPluginAsync<ApiContext> = async (app, context) => {
  apiRoute(app, context, 'health', {
    handler: async (): Promise<HealthResponse> => ({ status: 'ok' }),
  });
};
