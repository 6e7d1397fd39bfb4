/**
 * The request schemas (JSON Schema, draft 2020-12 subset that Fastify's Ajv and OpenAPI 3.1 share),
 * written once: the routes give them to Fastify, which validates params, headers and bodies with
 * them before a handler runs (a failure becomes the contract's error code, never Fastify's own
 * text: `invalid` below and errors.ts), and openapi.test.ts holds docs/classroom-api.yaml's
 * request schemas equal to them.
 *
 * A submission's body is the exception on the Fastify side: the engine's voter parser
 * (`submissionDelta`) reads it after the round is looked up (an unknown round is 404 whatever the
 * body) and names the fault precisely (`invalid-voter`, `invalid-answer`, `party-filter`,
 * `unknown-statement`); `SubmissionRequest` documents the same shape, and a test holds the two
 * to accept the same bodies.
 */
import { IDEMPOTENCY_KEY_PATTERN } from '../../domain/classroom/index.ts';
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

export const Answer = {
  type: 'object',
  required: ['answer'],
  additionalProperties: false,
  properties: {
    answer: { oneOf: [{ enum: [-1, -0.5, 0, 0.5, 1] }, { const: 'skip' }] },
    important: {
      type: 'boolean',
      description: '"Viktigt för mig"; ignored on a skipped statement.',
    },
  },
} as const;

export const SubmissionRequest = {
  type: 'object',
  required: ['answers'],
  additionalProperties: false,
  description:
    'The voter shape of `npm run score`, without `parties`. A statement left out counts as skipped.',
  properties: {
    answers: {
      type: 'object',
      description: "By statement id of the round's compass.",
      additionalProperties: Answer,
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
