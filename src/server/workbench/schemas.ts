/**
 * The workbench's request schemas (JSON Schema, the subset Fastify's Ajv and OpenAPI 3.1 share):
 * the routes give them to Fastify, which checks params and bodies before a handler runs (a
 * failure answers the route's code, plugin.ts), and openapi.test.ts holds docs/workbench-api.yaml
 * equal to them. What a schema cannot say (kind and position agree; a quote's start before its
 * end) the service checks.
 */

/** 16 random bytes, base64url: 22 characters. */
export const WorkspaceId = { type: 'string', pattern: '^[A-Za-z0-9_-]{22}$' } as const;
/** 9 random bytes, base64url: 12 characters. */
export const CoderId = { type: 'string', pattern: '^[A-Za-z0-9_-]{12}$' } as const;
/** A statement's or a party's id in the compass being built. */
export const ItemId = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$' } as const;

export const WorkspaceParams = {
  type: 'object',
  required: ['workspace'],
  properties: { workspace: WorkspaceId },
} as const;

export const CodingParams = {
  type: 'object',
  required: ['workspace', 'statement', 'party'],
  properties: { workspace: WorkspaceId, statement: ItemId, party: ItemId },
} as const;

export const CoderCodingParams = {
  type: 'object',
  required: ['workspace', 'coder', 'statement', 'party'],
  properties: { workspace: WorkspaceId, coder: CoderId, statement: ItemId, party: ItemId },
} as const;

export const CreateWorkspaceRequest = {
  type: 'object',
  required: ['title'],
  additionalProperties: false,
  properties: {
    title: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
      description: 'The workspace\'s name, e.g. "Kommunvalet 2026 i Växjö".',
    },
  },
} as const;

export const AddCoderRequest = {
  type: 'object',
  required: ['label'],
  additionalProperties: false,
  properties: {
    label: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      pattern: '\\S',
      description: 'What the editor calls the coder, e.g. "Kodare A".',
    },
  },
} as const;

/** The largest offset in a programme text (a 32-bit integer column holds it). */
export const MAX_OFFSET = 100_000_000;

export const Quote = {
  type: 'object',
  required: ['start', 'end'],
  additionalProperties: false,
  description:
    "The quote's offsets in the programme text (start inclusive, end exclusive); start < end is checked by the service (400 `invalid-quote`).",
  properties: {
    start: { type: 'integer', minimum: 0, maximum: MAX_OFFSET },
    end: { type: 'integer', minimum: 0, maximum: MAX_OFFSET },
  },
} as const;

export const CodingRequest = {
  type: 'object',
  required: ['position', 'kind', 'quote'],
  additionalProperties: false,
  description:
    '`silent`: position and quote null. `stated`: a position and a quote. `implied`: a position, a quote or null. Anything else is 400 `inconsistent-coding`.',
  properties: {
    position: { enum: [-1, -0.5, 0, 0.5, 1, null] },
    kind: { enum: ['stated', 'implied', 'silent'] },
    confidence: {
      enum: ['explicit', 'general'],
      description: 'For `stated`: explicit (the default) or explicit but general.',
    },
    quote: { anyOf: [Quote, { type: 'null' }] },
    note: { type: 'string', maxLength: 2000, description: 'Free text; "" when left out.' },
  },
} as const;

export const PartyParams = {
  type: 'object',
  required: ['workspace', 'party'],
  properties: { workspace: WorkspaceId, party: ItemId },
} as const;

export const StatementParams = {
  type: 'object',
  required: ['workspace', 'statement'],
  properties: { workspace: WorkspaceId, statement: ItemId },
} as const;

export const AgreementQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { coders: { type: 'string', pattern: '^[A-Za-z0-9_-]{12},[A-Za-z0-9_-]{12}$' } },
} as const;
