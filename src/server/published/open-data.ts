/**
 * A compass's open data as the built site writes it (`data/<id>.json`): the JSON of
 * src/tools/open-data.ts's `toOpenData`, indented by two, with a final line break.
 *
 * A copy, because src/server may import only src/domain and itself (eslint's zones) and
 * `toOpenData` lives in src/tools; open-data.test.ts holds the two to the same bytes for every
 * compass of the bank. Once `toOpenData` moves to src/domain (it imports nothing but the bank's
 * types), this file imports it instead.
 */
import type { Compass } from '../../domain/bank/types.ts';

const DATA_LICENSE =
  "CC BY 4.0 for the coding (positions, confidence, rationales, statements, explainers). Quotes are short citations from the parties' public programmes.";
const SCHEMA_FILE = 'compass.schema.json';

/** The text served as `/data/<id>.json`. */
export function openDataText(compass: Compass): string {
  return `${JSON.stringify(openData(compass), null, 2)}\n`;
}

function openData(compass: Compass) {
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
