/**
 * A compass's open data as the built site writes it (`data/<id>.json`): the engine's
 * `toOpenData` (src/domain/bank/open-data.ts, which the build uses too), indented by two, with a
 * final line break; open-data.test.ts holds it to the built file's bytes.
 */
import { toOpenData } from '../../domain/bank/open-data.ts';
import type { Compass } from '../../domain/bank/types.ts';

/** The text served as `/data/<id>.json`. */
export function openDataText(compass: Compass): string {
  return `${JSON.stringify(toOpenData(compass), null, 2)}\n`;
}
