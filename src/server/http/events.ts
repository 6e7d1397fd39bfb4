/** `GET /api/sessions/{code}/events`: the live count as Server-Sent Events (live-count.ts). */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { type ApiContext, apiRoute, CODE_ROUTE, joinCode } from './api.ts';
import { streamCount, type StreamSeats } from './live-count.ts';

/** The API's context and the caps on open streams, with who is asking (a pseudonym). */
export interface EventsContext extends ApiContext {
  readonly seats: StreamSeats;
  readonly client: (request: FastifyRequest) => string;
}

export const events: FastifyPluginAsync<EventsContext> = async (app, context) => {
  const { rounds, live, seats, client } = context;
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
        seats,
        client: client(request),
      });
    },
  });
};
