/**
 * A compass's open data (`/data/<id>.json`): the same function as src/tools/open-data.ts
 * `toOpenData`, which the service may not import (src/server imports src/domain and its own files
 * only). exchange.test.ts holds the two equal on the shipped compass; once `toOpenData` moves
 * into src/domain, this file goes and both import it.
 */
import type { Compass } from '../../domain/bank/types.ts';

/** The open data's licence line (src/tools/open-data.ts DATA_LICENSE). */
export const DATA_LICENSE =
  "CC BY 4.0 for the coding (positions, confidence, rationales, statements, explainers). Quotes are short citations from the parties' public programmes.";

/** The public JSON of a complete compass (every party has a stance on every statement). */
export function openDataOf(compass: Compass) {
  return {
    $schema: './compass.schema.json',
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
