/**
 * The compasses the service scores submissions with: the same published files the app loads
 * (`<staticDir>/data/<id>.json`), parsed with the engine's own `parseCompass`, so a pupil's
 * answers are scored against exactly the compass they were shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCompass } from '../domain/bank/parse-compass.ts';
import type { Compass } from '../domain/bank/types.ts';

/** Published files that are not a compass: `<id>-method.json`, `<id>-programmes.json`, the schema. */
const NOT_A_COMPASS = /-(method|programmes)\.json$|\.schema\.json$/;

/**
 * Every compass in `<staticDir>/data/`, by id. A file that does not parse is skipped with a
 * warning (the app would refuse it too); a missing folder gives no compasses (the site then has
 * no classroom rounds to start, and says so).
 */
export function loadCompasses(
  staticDir: string,
  warn: (message: string) => void = (message) => console.warn(message),
): Map<string, Compass> {
  const dir = join(staticDir, 'data');
  const compasses = new Map<string, Compass>();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return compasses;
  }
  for (const name of names.sort()) {
    if (!name.endsWith('.json') || NOT_A_COMPASS.test(name)) continue;
    let input: unknown;
    try {
      input = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch {
      warn(`Klassrumstjänsten: ${name} är inte giltig JSON och hoppas över.`);
      continue;
    }
    const parsed = parseCompass(input);
    if (!parsed.ok) {
      warn(`Klassrumstjänsten: ${name} är ingen giltig valkompass och hoppas över.`);
      continue;
    }
    compasses.set(parsed.compass.id, parsed.compass);
  }
  return compasses;
}
