import type { TFunction } from 'i18next';

/** The form's own label of a stored item's top-level field, by item kind (else the field's name). */
const LABELS = {
  meta: {
    id: 'meta.id',
    title: 'meta.title',
    description: 'meta.description',
    municipality: 'meta.municipality',
    region: 'meta.region',
    electionDate: 'meta.electionDate',
    themes: 'meta.themes',
    glossary: 'meta.glossary',
  },
  party: {
    name: 'party.name',
    short: 'party.short',
    colour: 'party.colour',
    source: 'party.sourceUrl',
  },
  programme: { text: 'programme.stored', boilerplate: 'programme.boilerplateHeading' },
  statement: {
    text: 'statement.text',
    explainer: 'statement.explainer',
    theme: 'statement.theme',
    direction: 'statement.direction',
    terms: 'statement.terms',
    order: 'statement.order',
    easy: 'statement.easyHeading',
  },
} as const;

/** `title.sv` of the compass's settings → "Titel (sv)"; unknown fields keep their name. */
export function fieldLabel(t: TFunction<'workbench'>, kind: string, path: string): string {
  const [top = '', ...rest] = path.split('.');
  const key = (LABELS as Record<string, Record<string, string>>)[kind]?.[
    top.replace(/\[\d+\]$/, '')
  ];
  if (key === undefined) return path;
  const suffix = [top.match(/\[\d+\]$/)?.[0] ?? '', ...rest].filter(Boolean).join(' ');
  return `${t(key as Parameters<typeof t>[0])}${suffix ? ` (${suffix})` : ''}`;
}
