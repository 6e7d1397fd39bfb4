/**
 * The request schemas (JSON Schema, draft 2020-12 subset that Fastify's Ajv and OpenAPI 3.1 share),
 * written once: the routes give them to Fastify, which validates params, headers and bodies with
 * them before a handler runs (a failure becomes the contract's error code, never Fastify's own
 * text: `invalid` below and errors.ts), and openapi.test.ts holds docs/classroom-api.yaml's
 * request schemas equal to them.
 *
 * A submission's body is the exception on the Fastify side: `randomizedDelta`
 * (src/domain/classroom/randomized-counters.ts) reads it after the round is looked up (an unknown
 * round is 404 whatever the body), with the round's p and compass, and names the fault precisely
 * (`outdated-submission` for the five-point `{ "answers": … }` of an older app,
 * `wrong-randomization`, `invalid-voter`, `invalid-answer`, `unknown-statement`);
 * `SubmissionRequest` documents the same shape, and openapi.test.ts holds the two to accept the
 * same bodies.
 */
import {
  CATEGORIES,
  IDEMPOTENCY_KEY_PATTERN,
  RANDOMIZATION_P,
} from '../../domain/classroom/index.ts';
import type { ErrorCode } from '../messages.ts';

/** The join code in a path, as typed; the handler normalises it (`normaliseJoinCode`). */
export const Code = { type: 'string', maxLength: 64 } as const;

export const CodeParams = {
  type: 'object',
  required: ['code'],
  properties: { code: Code },
} as const;

export const IdempotencyKey = { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source } as const;

/** Header names as Node gives them (lower case). */
export const SubmissionHeaders = {
  type: 'object',
  required: ['idempotency-key'],
  properties: { 'idempotency-key': IdempotencyKey },
} as const;

export const CreateSessionRequest = {
  type: 'object',
  required: ['compass'],
  additionalProperties: false,
  properties: {
    compass: {
      type: 'string',
      description: 'A compass id the site publishes, e.g. `socialpolitik`.',
    },
  },
} as const;

export const Category = {
  enum: [...CATEGORIES],
  description:
    'The category sent for a statement, after randomized response: `emot` (−1, −½), `varken` (0), `for` (+½, +1), `hoppade-over` (skipped or not reached).',
} as const;

export const SubmissionRequest = {
  type: 'object',
  required: ['p', 'categories'],
  additionalProperties: false,
  description:
    'What the pupil\'s browser sends: every statement randomized (with probability p replaced by one of the four categories drawn uniformly), never the pupil\'s answers. The five-point `{ "answers": … }` of older apps gets 400 `outdated-submission`.',
  properties: {
    p: {
      const: RANDOMIZATION_P,
      description: "The round's randomization probability; another gets 400 `wrong-randomization`.",
    },
    categories: {
      type: 'object',
      description:
        "By statement id: every statement of the round's compass (one missing is 400 `invalid-voter`, an unknown id 400 `unknown-statement`).",
      additionalProperties: Category,
    },
  },
} as const;

/**
 * What a failed schema check answers, by the part of the request that failed; a function picks
 * the code from the request (e.g. a missing header and a malformed one differ).
 */
export type InvalidCodes = Partial<
  Record<
    'params' | 'body' | 'headers' | 'querystring',
    ErrorCode | ((headers: Headers) => ErrorCode)
  >
>;
type Headers = Readonly<Record<string, string | string[] | undefined>>;
