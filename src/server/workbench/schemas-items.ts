/**
 * Request schemas of a workspace's items (settings, parties, programmes, statements), decisions,
 * import and publish: the shape only, as Fastify's Ajv and OpenAPI 3.1 share it. What the bank's
 * rules say about the content (English texts, themes that exist, enough statements …) is not
 * refused here: `GET …/draft` lists it, and publish refuses while any of it remains.
 */
import { Quote } from './schemas.ts';

const KIB = 1024;
/** The largest programme text, in bytes of the request (the bank's copies are 10–60 KB). */
export const MAX_PROGRAMME_BYTES = 2 * KIB * KIB;

const Text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
/** A compass id, theme id or glossary id: the bank's ids (lower case, digits, single hyphens). */
export const Slug = {
  type: 'string',
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  maxLength: 60,
} as const;

const Localized = (maxLength: number) =>
  ({
    type: 'object',
    required: ['sv'],
    additionalProperties: false,
    properties: { sv: Text(maxLength), en: Text(maxLength), ar: Text(maxLength) },
  }) as const;

const Count = { type: 'integer', minimum: 0, maximum: 100_000 } as const;
const Fraction = { type: 'number', minimum: 0, maximum: 1 } as const;
const IsoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export const Rules = {
  type: 'object',
  additionalProperties: false,
  properties: {
    minStatements: Count,
    maxStatements: Count,
    minThemes: Count,
    minCoverage: Fraction,
    minLessShare: Fraction,
    maxAgreeAllPercent: { type: 'number', minimum: 0, maximum: 100 },
    easyRead: {
      type: 'object',
      additionalProperties: false,
      properties: {
        required: { type: 'boolean' },
        maxWords: { type: 'integer', minimum: 1, maximum: 1000 },
        maxMedianLix: { type: 'number', minimum: 0, maximum: 1000 },
      },
    },
  },
} as const;

export const MetaRequest = {
  type: 'object',
  required: ['id', 'title', 'description', 'municipality', 'themes', 'glossary', 'rules'],
  additionalProperties: false,
  description:
    "The compass's settings. `id` is the slug it is published under: the bank's ids, not a word the site uses (400 `reserved-id`).",
  properties: {
    id: Slug,
    title: Localized(200),
    description: Localized(2000),
    municipality: { type: 'string', minLength: 1, maxLength: 100 },
    region: Text(100),
    electionDate: IsoDate,
    license: Text(1000),
    themes: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: { id: Slug, name: Localized(200) },
      },
    },
    glossary: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        required: ['id', 'term', 'definition'],
        additionalProperties: false,
        properties: { id: Slug, term: Localized(200), definition: Localized(2000) },
      },
    },
    rules: Rules,
  },
} as const;

export const PartyRequest = {
  type: 'object',
  required: ['name', 'short', 'colour', 'source'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    short: { type: 'string', minLength: 1, maxLength: 20 },
    colour: { type: 'string', pattern: '^#[0-9A-Fa-f]{6}$' },
    municipality: Text(100),
    source: {
      type: 'object',
      required: ['url'],
      additionalProperties: false,
      properties: {
        url: Text(2000),
        date: IsoDate,
        title: Text(500),
        file: Text(200),
        seed: Text(200),
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      },
    },
  },
} as const;

export const ProgrammeRequest = {
  type: 'object',
  required: ['text', 'boilerplate'],
  additionalProperties: false,
  description:
    'The programme as captured; the service normalizes it (`normalizeProgramme`) and re-anchors the quotes of the party.',
  properties: {
    text: { type: 'string', minLength: 1, maxLength: MAX_PROGRAMME_BYTES },
    boilerplate: {
      type: 'array',
      maxItems: 500,
      items: { type: 'string', minLength: 1, maxLength: 2000 },
    },
  },
} as const;

export const StatementRequest = {
  type: 'object',
  required: ['theme', 'direction', 'text', 'explainer', 'terms', 'order'],
  additionalProperties: false,
  properties: {
    theme: Slug,
    direction: { enum: ['more', 'less'] },
    text: Localized(500),
    explainer: Localized(2000),
    easy: {
      type: 'object',
      required: ['text', 'explainer'],
      additionalProperties: false,
      properties: { text: Text(500), explainer: Text(2000) },
    },
    terms: { type: 'array', maxItems: 50, items: Slug },
    order: { type: 'integer', minimum: 0, maximum: 100_000 },
  },
} as const;

export const DecisionRequest = {
  type: 'object',
  required: ['position', 'kind', 'quotes', 'note', 'reason'],
  additionalProperties: false,
  properties: {
    position: { enum: [-1, -0.5, 0, 0.5, 1, null] },
    kind: { enum: ['stated', 'implied', 'silent'] },
    confidence: { enum: ['explicit', 'general'] },
    quotes: { type: 'array', maxItems: 20, items: Quote },
    note: Text(4000),
    reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' },
  },
} as const;

export const ImportRequest = {
  type: 'object',
  required: ['compass', 'programmes'],
  additionalProperties: false,
  description:
    'A published compass as its open data (`/data/<id>.json`) and its programmes (`/data/<id>-programmes.json`). The compass is checked by the bank’s own parser (422 `compass-invalid` with its issues).',
  properties: {
    compass: { type: 'object' },
    programmes: {
      type: 'object',
      additionalProperties: { type: 'string', maxLength: MAX_PROGRAMME_BYTES },
    },
  },
} as const;

export const PublishRequest = {
  type: 'object',
  required: ['compass'],
  additionalProperties: false,
  properties: { compass: Slug },
} as const;
