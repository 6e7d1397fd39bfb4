import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** One operation of an OpenAPI file, as the tests read it. */
export interface Operation {
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}

export interface OpenApi {
  paths: Record<string, Record<string, Operation | unknown>>;
  components: { schemas: Record<string, unknown>; responses?: Record<string, unknown> };
}

/** The HTTP methods an OpenAPI path item may hold (its other keys are not operations). */
export const METHODS = ['get', 'post', 'put', 'delete', 'patch'];

/** `/api/sessions/{code}` → `/api/sessions/:code`, as Fastify writes it. */
export const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** A JSON pointer of these parts, each escaped (`~` → `~0`, `/` → `~1`). */
export const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * An OpenAPI file of the service (docs/*-api.yaml) read for the tests: the document, an ajv
 * holding it as `openapi` (so `openapi#/…` refers into it), the documented path template of a
 * concrete path, and every documented route as Fastify registers it (`METHOD /a/:b`), sorted.
 */
export function openApiDoc(file: string) {
  const doc = parse(readFileSync(file, 'utf8')) as OpenApi;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'openapi');
  /** The documented path template a concrete path belongs to. */
  const templateOf = (path: string): string => {
    const found = Object.keys(doc.paths).find((template) =>
      new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`).test(path),
    );
    if (!found) throw new Error(`${path} is not documented`);
    return found;
  };
  const routes = (): string[] =>
    Object.entries(doc.paths)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => METHODS.includes(key))
          .map((method) => `${method.toUpperCase()} ${fastifyPath(path)}`),
      )
      .sort();
  return { doc, ajv, templateOf, routes };
}
