/**
 * The routes of a workspace's items (plugin.ts registers them): the view of the workspace, its
 * settings, parties, programme texts and statements. Every write answers `{ version }` with the
 * `ETag`; a delete answers 204.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  MetaBody,
  PartyBody,
  ProgrammeBody,
  StatementBody,
} from '../../domain/workbench/api.ts';
import type { AddRoute } from './plugin.ts';
import { WORKBENCH_BODY_LIMITS } from './plugin.ts';
import { PartyParams, StatementParams, WorkspaceParams } from './schemas.ts';
import { MetaRequest, PartyRequest, ProgrammeRequest, StatementRequest } from './schemas-items.ts';
import type { WorkbenchService } from './service.ts';

interface Params {
  workspace: string;
  party?: string;
  statement?: string;
}

const params = (request: FastifyRequest) => request.params as Params;
const auth = (request: FastifyRequest) => request.headers.authorization;
const ifMatch = (request: FastifyRequest) => request.headers['if-match'];

/** Sends `{ version }` with its ETag. */
async function versioned(reply: FastifyReply, written: Promise<{ version: number }>) {
  const result = await written;
  reply.header('etag', `"${result.version}"`);
  return result;
}

export function itemRoutes(route: AddRoute, service: WorkbenchService): void {
  route('GET /api/workspaces/:workspace', {
    schema: { params: WorkspaceParams },
    invalid: { params: 'invalid-id' },
    handler: async (request) => service.view(params(request).workspace, auth(request)),
  });
  route('PUT /api/workspaces/:workspace/meta', {
    schema: { params: WorkspaceParams, body: MetaRequest },
    invalid: { params: 'invalid-id', body: 'invalid-meta' },
    bodyLimit: WORKBENCH_BODY_LIMITS.item,
    handler: async (request, reply) =>
      versioned(
        reply,
        service.putMeta(
          params(request).workspace,
          auth(request),
          request.body as MetaBody,
          ifMatch(request),
        ),
      ),
  });
  route('PUT /api/workspaces/:workspace/parties/:party', {
    schema: { params: PartyParams, body: PartyRequest },
    invalid: { params: 'invalid-id', body: 'invalid-party' },
    bodyLimit: WORKBENCH_BODY_LIMITS.item,
    handler: async (request, reply) =>
      versioned(
        reply,
        service.putParty(
          partyWhere(request),
          auth(request),
          request.body as PartyBody,
          ifMatch(request),
        ),
      ),
  });
  route('DELETE /api/workspaces/:workspace/parties/:party', {
    schema: { params: PartyParams },
    invalid: { params: 'invalid-id' },
    handler: async (request, reply) => {
      await service.deleteParty(partyWhere(request), auth(request), ifMatch(request));
      return reply.code(204).send();
    },
  });
  route('PUT /api/workspaces/:workspace/programmes/:party', {
    schema: { params: PartyParams, body: ProgrammeRequest },
    invalid: { params: 'invalid-id', body: 'invalid-programme' },
    bodyLimit: WORKBENCH_BODY_LIMITS.programme,
    handler: async (request, reply) => {
      const where = partyWhere(request);
      const body = request.body as ProgrammeBody;
      const result = await service.putProgramme(where, auth(request), body, ifMatch(request));
      reply.header('etag', `"${result.version}"`);
      return result;
    },
  });
  statementRoutes(route, service);
}

function statementRoutes(route: AddRoute, service: WorkbenchService): void {
  route('PUT /api/workspaces/:workspace/statements/:statement', {
    schema: { params: StatementParams, body: StatementRequest },
    invalid: { params: 'invalid-id', body: 'invalid-statement' },
    bodyLimit: WORKBENCH_BODY_LIMITS.item,
    handler: async (request, reply) =>
      versioned(
        reply,
        service.putStatement(
          statementWhere(request),
          auth(request),
          request.body as StatementBody,
          ifMatch(request),
        ),
      ),
  });
  route('DELETE /api/workspaces/:workspace/statements/:statement', {
    schema: { params: StatementParams },
    invalid: { params: 'invalid-id' },
    handler: async (request, reply) => {
      await service.deleteStatement(statementWhere(request), auth(request), ifMatch(request));
      return reply.code(204).send();
    },
  });
}

const partyWhere = (request: FastifyRequest) => ({
  workspace: params(request).workspace,
  id: params(request).party!,
});
const statementWhere = (request: FastifyRequest) => ({
  workspace: params(request).workspace,
  id: params(request).statement!,
});
