/** `GET /api/sessions/{code}/events`: the live count as Server-Sent Events (live-count.ts). */
import type { FastifyPluginAsync } from 'fastify';
import { type ApiContext, apiRoute, CODE_ROUTE, joinCode } from './api.ts';
import { streamCount } from './live-count.ts';

export const events: FastifyPluginAsync<ApiContext> = async (app, context) => {
  const { rounds, live } = context;
  apiRoute(app, context, 'followCount', {
    ...CODE_ROUTE,
    handler: async (request, reply) => {
      const code = joinCode(request);
      const round = await rounds.live(code);
      await streamCount(request, reply, {
        code,
        initial: { open: round.open, submissions: round.submissions },
        store: rounds.store,
        news: rounds.news,
        lookup: () => rounds.state(code),
        ...live,
      });
    },
  });
};
