/**
 * The API's routes as a table, made from the contract's one list (`CLASSROOM_ROUTES` in
 * src/domain/classroom/http-contract.ts): each resource's plugin registers its routes by name from
 * here, the server answers 405 with an `Allow` header (no HEAD: the API is not for caches or link
 * checkers) for another method on one of these paths, and the OpenAPI file
 * (docs/classroom-api.yaml) must list the same (its test checks both ways).
 */
import type { FastifyInstance } from 'fastify';
import { CLASSROOM_ROUTES } from '../../domain/classroom/index.ts';

export type RouteName = keyof typeof CLASSROOM_ROUTES;

export interface ApiRoute {
  readonly name: RouteName;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Fastify's path syntax, `:code` for the join code. */
  readonly url: string;
}

/** `/api/sessions/{code}` (OpenAPI) → `/api/sessions/:code` (Fastify). */
export const fastifyPath = (template: string): string => template.replace(/\{(\w+)\}/g, ':$1');

export const API_ROUTES: readonly ApiRoute[] = Object.entries(CLASSROOM_ROUTES).map(
  ([name, { method, path }]) => ({ name: name as RouteName, method, url: fastifyPath(path) }),
);

/** The method and Fastify path of a route by its name. */
export function apiRoute(name: RouteName): ApiRoute {
  return API_ROUTES.find((route) => route.name === name)!;
}

/**
 * A function giving the methods routes allow on a concrete path (e.g. `/api/sessions/K7M2XP9DW`),
 * or null when no route has this path: each `:param` matches one non-empty segment.
 */
export function methodsOn(
  routes: Iterable<{ readonly method: string; readonly url: string }>,
): (path: string) => string[] | null {
  const patterns = new Map<string, { regex: RegExp; methods: Set<string> }>();
  for (const { method, url } of routes) {
    let entry = patterns.get(url);
    if (!entry) {
      const regex = new RegExp(`^${url.replace(/:\w+/g, '[^/]+')}/?$`);
      entry = { regex, methods: new Set() };
      patterns.set(url, entry);
    }
    entry.methods.add(method);
  }
  return (path) => {
    for (const { regex, methods } of patterns.values()) if (regex.test(path)) return [...methods];
    return null;
  };
}

/** The methods the classroom's routes allow on a concrete path, or null when none has it. */
export const allowedMethods = methodsOn(API_ROUTES);

/**
 * Collects every `/api/` route registered on `app` from now on (`METHOD /path`, Fastify's
 * syntax), and answers the methods they allow on a concrete path: the site's 405 for any
 * resource's path, the classroom's, the workbench's or the published compasses'.
 */
export function trackApiRoutes(app: FastifyInstance) {
  const registered = new Set<string>();
  let matcher: ((path: string) => string[] | null) | null = null;
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    for (const method of [route.method].flat()) registered.add(`${method} ${route.url}`);
    matcher = null;
  });
  const methodsOnPath = (path: string) =>
    (matcher ??= methodsOn(
      [...registered].map((name) => {
        const [method, url] = name.split(' ') as [string, string];
        return { method, url };
      }),
    ))(path);
  return { registered, methodsOn: methodsOnPath };
}
