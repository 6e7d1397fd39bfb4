import type { Compass } from './types.ts';

/** Licence of the open data: the coding is ours to give away; quotes are cited under the right to quote. */
export const DATA_LICENSE =
  "CC BY 4.0 for the coding (positions, confidence, rationales, statements, explainers). Quotes are short citations from the parties' public programmes.";

/** File name of the JSON Schema published beside every compass. */
export const SCHEMA_FILE = 'compass.schema.json';

/**
 * The public JSON of a compass: a stable contract for researchers and newsrooms. Fields may be
 * added; none is renamed or removed within a major version. Every party appears in every
 * statement's `stances`, silent ones as `{ position: null, confidence: 0, quotes: [] }`.
 */
export function toOpenData(compass: Compass) {
  return {
    $schema: `./${SCHEMA_FILE}`,
    id: compass.id,
    version: compass.version,
    coded: compass.coded,
    license: DATA_LICENSE,
    title: compass.title,
    description: compass.description,
    themes: compass.themes,
    parties: compass.parties.map((p) => ({
      id: p.id,
      name: p.name,
      short: p.short,
      municipality: p.municipality,
      colour: p.colour,
      source: {
        url: p.source.url,
        file: p.source.file,
        ...(p.source.title === undefined ? {} : { title: p.source.title }),
        ...(p.source.seed === undefined ? {} : { seed: p.source.seed }),
        ...(p.source.sha256 === undefined ? {} : { sha256: p.source.sha256 }),
        // The passages of the page that are not programme content (never quotable), so that a
        // compass made from this file (the workbench's import and export) keeps them.
        ...(p.source.boilerplate.length === 0 ? {} : { boilerplate: p.source.boilerplate }),
      },
    })),
    statements: compass.statements.map((s) => ({
      id: s.id,
      theme: s.theme,
      direction: s.direction,
      text: s.text,
      explainer: s.explainer,
      ...(s.easy === undefined ? {} : { easy: { text: s.easy.text, explainer: s.easy.explainer } }),
      terms: s.terms,
      stances: Object.fromEntries(
        compass.parties.map((p) => {
          const stance = s.stances[p.id]!;
          return [
            p.id,
            {
              position: stance.position,
              confidence: stance.confidence,
              quotes: stance.quotes,
              rationale: stance.rationale,
            },
          ];
        }),
      ),
    })),
    glossary: compass.glossary,
    rules: compass.rules,
  };
}

export type OpenData = ReturnType<typeof toOpenData>;

const CSV_COLUMNS = [
  'statement_id',
  'theme',
  'direction',
  'text_sv',
  'text_en',
  'party',
  'position',
  'confidence',
  'quotes',
  'rationale',
] as const;

const csvField = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/**
 * The compass in long format, one row per statement × party (RFC 4180, UTF-8, CRLF line ends).
 * `position` is empty when the programme is silent, `text_en` when the compass has no English;
 * several quotes are separated by a line break.
 */
export function toCsv(compass: Compass): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const s of compass.statements) {
    for (const p of compass.parties) {
      const stance = s.stances[p.id]!;
      rows.push([
        s.id,
        s.theme,
        s.direction,
        s.text.sv,
        s.text.en ?? '',
        p.id,
        stance.position === null ? '' : String(stance.position),
        String(stance.confidence),
        stance.quotes.join('\n'),
        stance.rationale,
      ]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
