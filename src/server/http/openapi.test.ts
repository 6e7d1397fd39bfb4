import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import {
  CATEGORIES,
  CLASSROOM_ROUTES,
  classroomApi,
  ClassroomError,
  RANDOMIZATION_P,
  randomizedDelta,
} from '../../domain/classroom/index.ts';
import { METHODS, openApiDoc, type Operation, pointer } from '../../test/server/openapi-doc.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { apiRoutesOf } from '../app.ts';
import { DEFAULT_LIMITS } from '../config.ts';
import { STATUS } from '../messages.ts';
import { type RunningServer, startServer } from '../start.ts';
import { Code, CreateSessionRequest, IdempotencyKey, SubmissionRequest } from './schemas.ts';

// docs/classroom-api.yaml is the contract for other clients: it must name exactly the routes the
// server registers, and every real response below must fit the schema it documents for that
// route and status.

const { doc, ajv, templateOf, routes } = openApiDoc('docs/classroom-api.yaml');

/** The other resources of the service document their routes in files of their own. */
const OTHER_DOCS = ['docs/workbench-api.yaml', 'docs/published-api.yaml'];
const OTHER_PREFIXES = ['/api/workspaces', '/api/compasses'];
const classroomRoutes = (app: FastifyInstance) =>
  apiRoutesOf(app).filter(
    (route) => !OTHER_PREFIXES.some((prefix) => route.split(' ')[1]!.startsWith(prefix)),
  );
const compass: Compass = loadValidBank('tests/fixtures/demo');

/** Validates a real response against the schema the file gives for its route and status. */
function check(method: string, path: string, status: number, body: unknown): void {
  const template = templateOf(path);
  const operation = doc.paths[template]![method.toLowerCase()] as Operation | undefined;
  if (!operation && status === 405) {
    // A method the path does not have: the shared 405 response.
    const validate = ajv.getSchema(
      'openapi#/components/responses/MethodNotAllowed/content/application~1json/schema',
    )!;
    expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
    return;
  }
  expect(operation, `${method} ${template} is documented`).toBeDefined();
  let response = operation!.responses[String(status)];
  expect(response, `${method} ${template} documents status ${status}`).toBeDefined();
  let ref = `openapi#/${pointer('paths', template, method.toLowerCase(), 'responses', String(status))}`;
  if (response!.$ref) {
    ref = `openapi${response!.$ref}`;
    const name = response!.$ref.split('/').pop()!;
    response = doc.components.responses![name] as typeof response;
  }
  if (status === 204) {
    expect(body).toBe('');
    return;
  }
  expect(
    response!.content?.['application/json'],
    `${method} ${template} ${status} is JSON`,
  ).toBeDefined();
  const validate = ajv.getSchema(`${ref}/content/application~1json/schema`);
  expect(validate, `schema for ${method} ${template} ${status}`).toBeDefined();
  const ok = validate!(body);
  expect(ok, `${method} ${path} ${status}: ${ajv.errorsText(validate!.errors)}`).toBe(true);
}

/** A part of the file with every local `$ref` replaced by what it points to. */
function resolved(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolved);
  if (typeof value !== 'object' || value === null) return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc);
    return resolved(target);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolved(v)]));
}

type PathItem = Record<string, { operationId?: string; parameters?: unknown[] }>;

describe("docs/classroom-api.yaml and the server's schemas", () => {
  it("lists the contract's route table, by operationId", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as PathItem)
        .filter(([key]) => METHODS.includes(key))
        .map(([method, operation]) => [
          operation.operationId,
          { method: method.toUpperCase(), path },
        ]),
    );
    expect(Object.fromEntries(documented)).toEqual(CLASSROOM_ROUTES);
  });

  it('documents the request schemas Fastify validates with', () => {
    const schemas = resolved(doc.components.schemas) as Record<string, unknown>;
    expect(schemas.CreateSessionRequest).toEqual(CreateSessionRequest);
    expect(schemas.SubmissionRequest).toEqual(SubmissionRequest);
    const parameters = resolved(doc.components) as { parameters: { Code: { schema: unknown } } };
    expect(parameters.parameters.Code.schema).toEqual(Code);
    const submit = doc.paths['/api/sessions/{code}/submissions']!.post as {
      parameters: { name: string; schema: unknown }[];
    };
    const header = submit.parameters.find((p) => p.name === 'Idempotency-Key')!;
    expect(header.schema).toEqual(IdempotencyKey);
  });

  // The schema cannot know the round's compass: over bodies that name exactly the compass's
  // statements (as the browser sends them), it accepts what randomizedDelta accepts.
  it('SubmissionRequest accepts exactly the bodies randomizedDelta reads', () => {
    const validate = new Ajv2020({ strict: false }).compile(SubmissionRequest);
    const ids = compass.statements.map((s) => s.id);
    const category = fc.oneof(
      fc.constantFrom(...CATEGORIES),
      fc.constantFrom('helt-for', 'skip', 1, -0.5, null),
      fc.jsonValue(),
    );
    const categories = fc.record(Object.fromEntries(ids.map((id) => [id, category])));
    const p = fc.oneof(
      fc.constant(RANDOMIZATION_P),
      fc.constantFrom(0.5, 0, '0.4'),
      fc.jsonValue(),
    );
    const body = fc.oneof(
      fc.record({ p: fc.constant(RANDOMIZATION_P), categories }),
      fc.record(
        {
          p,
          categories: fc.oneof(categories, fc.jsonValue()),
          answers: fc.jsonValue(),
          parties: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(body, (value) => {
        let accepted = true;
        try {
          randomizedDelta(compass, value, RANDOMIZATION_P);
        } catch (error) {
          if (!(error instanceof ClassroomError)) throw error;
          accepted = false;
        }
        expect(validate(value), JSON.stringify(value)).toBe(accepted);
      }),
      { numRuns: 500 },
    );
  });
});

describe('docs/classroom-api.yaml', () => {
  let server: RunningServer;
  const seen = new Set<string>();

  async function call(
    method: string,
    path: string,
    init: { json?: unknown; body?: string; type?: string; key?: string; idem?: string } = {},
  ): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = {};
    if (init.json !== undefined || init.body !== undefined)
      headers['content-type'] = init.type ?? 'application/json';
    if (init.key) headers.authorization = `Bearer ${init.key}`;
    if (init.idem) headers['idempotency-key'] = init.idem;
    const response = await fetch(server.url + path, {
      method,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    const text = await response.text();
    const body: unknown = text === '' ? '' : JSON.parse(text);
    check(method, path, response.status, body);
    seen.add(`${method} ${templateOf(path)} ${response.status}`);
    return { status: response.status, body };
  }

  beforeAll(async () => {
    server = await startServer({
      staticDir: null,
      compasses: new Map([[compass.id, compass]]),
      databaseUrl: 'sqlite::memory:',
      limits: {
        ...DEFAULT_LIMITS,
        createRound: { perClient: 1000, overall: 1000, windowMs: 60_000 },
        other: { perClient: 1000, overall: 1000, windowMs: 60_000 },
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists exactly the classroom routes the server registers', () => {
    expect(routes()).toEqual(classroomRoutes(server.app));
  });

  it("together with the other resources' files, documents every route the server registers", () => {
    const documented = OTHER_DOCS.flatMap((file) => openApiDoc(file).routes()).filter((route) =>
      route.split(' ')[1]!.startsWith('/api/'),
    );
    expect([...routes(), ...documented].sort()).toEqual(apiRoutesOf(server.app));
  });

  it('lists every error code the server sends', () => {
    const schema = doc.components.schemas.ApiError as {
      properties: { error: { enum: string[] } };
    };
    expect([...schema.properties.error.enum].sort()).toEqual(Object.keys(STATUS).sort());
  });

  it('describes every real response of a whole round', async () => {
    const first = compass.statements[0]!.id;
    const answers = (n: number) => ({
      p: RANDOMIZATION_P,
      categories: Object.fromEntries(
        compass.statements.map((s, i) => [s.id, CATEGORIES[(n + i) % CATEGORIES.length]!]),
      ),
    });
    expect((await call('GET', classroomApi.health)).status).toBe(200);
    const created = await call('POST', classroomApi.sessions, { json: { compass: compass.id } });
    const { code, teacherKey } = created.body as { code: string; teacherKey: string };
    await call('POST', classroomApi.sessions, { json: { compass: 'nope' } });
    await call('POST', classroomApi.sessions, { json: { wrong: 1 } });
    await call('POST', classroomApi.sessions, { body: 'x', type: 'text/plain' });
    await call('POST', classroomApi.sessions, { json: { compass: 'x'.repeat(3000) } });
    await call('GET', classroomApi.session(code));
    await call('GET', classroomApi.session('bad'));
    await call('GET', classroomApi.session('222222222'));
    await call('POST', classroomApi.session(code), { json: {} }); // 405

    for (let n = 0; n < 12; n++)
      expect(
        (
          await call('POST', classroomApi.submissions(code), {
            json: answers(n),
            idem: `pupil-key-${String(n).padStart(7, '0')}`,
          })
        ).status,
      ).toBe(201);
    await call('POST', classroomApi.submissions(code), {
      json: answers(0),
      idem: 'pupil-key-0000000',
    }); // 200
    await call('POST', classroomApi.submissions(code), { json: answers(0) }); // 400
    await call('POST', classroomApi.submissions(code), {
      json: { p: RANDOMIZATION_P, categories: { ...answers(0).categories, [first]: 7 } },
      idem: 'pupil-key-x000000',
    }); // 400 invalid-answer
    await call('POST', classroomApi.submissions(code), {
      json: { answers: { [first]: { answer: 1 } } },
      idem: 'pupil-key-v000000',
    }); // 400 outdated-submission
    await call('POST', classroomApi.submissions(code), {
      json: { ...answers(0), p: 0.5 },
      idem: 'pupil-key-u000000',
    }); // 400 wrong-randomization
    await call('POST', classroomApi.submissions('222222222'), {
      json: answers(0),
      idem: 'pupil-key-y000000',
    }); // 404
    await call('POST', classroomApi.submissions(code), {
      body: 'a',
      type: 'text/plain',
      idem: 'pupil-key-z000000',
    }); // 415
    await call('POST', classroomApi.submissions(code), {
      json: { ...answers(0), pad: 'x'.repeat(40_000) },
      idem: 'pupil-key-w000000',
    }); // 413

    await call('GET', classroomApi.results(code), { key: teacherKey }); // 409
    await call('GET', classroomApi.results(code)); // 401
    await call('POST', classroomApi.close(code), { key: 'A'.repeat(43) }); // 403
    await call('POST', classroomApi.close(code), { key: teacherKey }); // 200
    await call('POST', classroomApi.submissions(code), {
      json: answers(9),
      idem: 'pupil-key-late000',
    }); // 409
    const figures = await call('GET', classroomApi.results(code), { key: teacherKey });
    expect(figures.body).toHaveProperty('statements');
    expect(figures.body).toHaveProperty('profile.parties');

    const small = (await call('POST', classroomApi.sessions, { json: { compass: compass.id } }))
      .body as { code: string; teacherKey: string };
    await call('POST', classroomApi.submissions(small.code), {
      json: answers(1),
      idem: 'pupil-key-small00',
    });
    await call('POST', classroomApi.close(small.code), { key: small.teacherKey });
    const withheld = await call('GET', classroomApi.results(small.code), { key: small.teacherKey });
    expect(withheld.body).toEqual({ submissions: 1, withheld: 'too-few' });

    await call('DELETE', classroomApi.session(code), { key: teacherKey }); // 204
    await call('DELETE', classroomApi.session(code), { key: teacherKey }); // 404
    await call('GET', classroomApi.events(code)); // 404

    // Every route was exercised.
    for (const route of classroomRoutes(server.app)) {
      const [method, path] = route.split(' ');
      const template = path!.replace(/:(\w+)/g, '{$1}');
      expect(
        [...seen].some((s) => s.startsWith(`${method} ${template} `)),
        route,
      ).toBe(true);
    }
    expect(seen.size).toBeGreaterThanOrEqual(25);
  });

  it('documents the live count events', async () => {
    const { code } = (await call('POST', classroomApi.sessions, { json: { compass: compass.id } }))
      .body as { code: string };
    const controller = new AbortController();
    const response = await fetch(server.url + classroomApi.events(code), {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
    controller.abort();
    const data = /^data: (.*)$/m.exec(text)![1]!;
    const validate = ajv.getSchema('openapi#/components/schemas/CountEvent')!;
    expect(validate(JSON.parse(data))).toBe(true);
    const operation = doc.paths['/api/sessions/{code}/events']!.get as Operation;
    expect(Object.keys(operation.responses['200']!.content!)).toEqual(['text/event-stream']);
  });
});
