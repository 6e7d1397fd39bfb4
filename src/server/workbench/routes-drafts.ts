/**
 * The editor's routes (plugin.ts registers them): the coders' agreement, decisions, the draft's
 * check, import, export and publish.
 */
import type { FastifyRequest } from 'fastify';
import type { DecisionBody } from '../../domain/workbench/api.ts';
import type { ImportBody } from './exchange.ts';
import type { AddRoute } from './plugin.ts';
import { WORKBENCH_BODY_LIMITS } from './plugin.ts';
import { AgreementQuery, CodingParams, WorkspaceParams } from './schemas.ts';
import { DecisionRequest, ImportRequest, PublishRequest } from './schemas-items.ts';
import type { WorkbenchService } from './service.ts';

const params = (request: FastifyRequest) =>
  request.params as { workspace: string; statement: string; party: string };
const auth = (request: FastifyRequest) => request.headers.authorization;

export function draftRoutes(route: AddRoute, service: WorkbenchService): void {
  route('GET /api/workspaces/:workspace/agreement', {
    schema: { params: WorkspaceParams, querystring: AgreementQuery },
    invalid: { params: 'invalid-id', querystring: 'invalid-coders' },
    handler: async (request) => {
      const { coders } = request.query as { coders?: string };
      return service.agreement(params(request).workspace, auth(request), coders);
    },
  });
  route('PUT /api/workspaces/:workspace/decisions/:statement/:party', {
    schema: { params: CodingParams, body: DecisionRequest },
    invalid: { params: 'invalid-id', body: 'invalid-decision' },
    bodyLimit: WORKBENCH_BODY_LIMITS.item,
    handler: async (request, reply) => {
      const written = await service.putDecision(
        params(request),
        auth(request),
        request.body as DecisionBody,
        request.headers['if-match'],
      );
      reply.header('etag', `"${written.version}"`);
      return written;
    },
  });
  route('GET /api/workspaces/:workspace/draft', {
    schema: { params: WorkspaceParams },
    invalid: { params: 'invalid-id' },
    handler: async (request) => service.draft(params(request).workspace, auth(request)),
  });
  route('POST /api/workspaces/:workspace/import', {
    schema: { params: WorkspaceParams, body: ImportRequest },
    invalid: { params: 'invalid-id', body: 'invalid-import' },
    bodyLimit: WORKBENCH_BODY_LIMITS.import,
    handler: async (request, reply) => {
      const body = request.body as ImportBody;
      const result = await service.importCompass(params(request).workspace, auth(request), body);
      reply.code(201);
      return result;
    },
  });
  route('GET /api/workspaces/:workspace/export', {
    schema: { params: WorkspaceParams },
    invalid: { params: 'invalid-id' },
    handler: async (request) => service.exportCompass(params(request).workspace, auth(request)),
  });
  route('POST /api/workspaces/:workspace/publish', {
    schema: { params: WorkspaceParams, body: PublishRequest },
    invalid: { params: 'invalid-id', body: 'invalid-publish' },
    handler: async (request, reply) => {
      const { compass } = request.body as { compass: string };
      const result = await service.publish(params(request).workspace, auth(request), compass);
      reply.code(201);
      return result;
    },
  });
}
