/**
 * The API's routes as a table: the server registers exactly these (app.ts), answers 405 with an
 * `Allow` header (no HEAD: the API is not for caches or link checkers) for another method on one of these paths, and the OpenAPI file
 * (docs/classroom-api.yaml) must list the same (its test checks both ways).
 */

export interface ApiRoute {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Fastify's path syntax, `:code` for the join code. */
  readonly url: string;
}

export const API_ROUTES = [
  { method: 'GET', url: '/api/health' },
  { method: 'POST', url: '/api/sessions' },
  { method: 'GET', url: '/api/sessions/:code' },
  { method: 'DELETE', url: '/api/sessions/:code' },
  { method: 'POST', url: '/api/sessions/:code/submissions' },
  { method: 'POST', url: '/api/sessions/:code/close' },
  { method: 'GET', url: '/api/sessions/:code/results' },
  { method: 'GET', url: '/api/sessions/:code/events' },
] as const satisfies readonly ApiRoute[];

const patterns = new Map<string, { regex: RegExp; methods: Set<string> }>();
for (const { method, url } of API_ROUTES) {
  let entry = patterns.get(url);
  if (!entry) {
    const regex = new RegExp(`^${url.replace(/:code/g, '[^/]+')}/?$`);
    entry = { regex, methods: new Set() };
    patterns.set(url, entry);
  }
  entry.methods.add(method);
}

/** The methods the API allows on a concrete path (e.g. `/api/sessions/K7M2XP9DW`), or null when no route has this path. */
export function allowedMethods(path: string): string[] | null {
  for (const { regex, methods } of patterns.values()) if (regex.test(path)) return [...methods];
  return null;
}
