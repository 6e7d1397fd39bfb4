import type { FastifyInstance } from 'fastify';

/**
 * `fetch` over a Fastify app's `inject`: no socket, the service's real answers, for a browser
 * client under test. `app` is read at each call, so a test may build its server in `beforeAll`.
 */
export function injectedFetch(app: () => FastifyInstance): typeof fetch {
  return async (input, init = {}) => {
    const res = await app().inject({
      method: (init.method ?? 'GET') as 'GET',
      url: String(input),
      headers: Object.fromEntries(new Headers(init.headers)),
      ...(typeof init.body === 'string' ? { payload: init.body } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers))
      if (typeof value === 'string') headers.set(name, value);
    return new Response(res.statusCode === 204 ? null : res.body, {
      status: res.statusCode,
      headers,
    });
  };
}
