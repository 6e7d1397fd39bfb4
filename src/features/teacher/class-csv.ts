import type { Compass } from '../../domain/bank/types.ts';
import type { ClassFigures } from '../../domain/classroom/index.ts';
import { ANSWER_KEYS } from '../../domain/classroom/index.ts';
import { localized } from '../../i18n/localized.ts';

/** The byte order mark that makes Excel read the file as UTF-8. */
export const BOM = '\uFEFF';

/** One field, quoted as RFC 4180 requires: in quotes, with quotes doubled, when it holds `"`, `,`, CR or LF. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const row = (fields: readonly (string | number | null)[]) => fields.map(csvField).join(',');

/**
 * A class result as CSV (RFC 4180: comma-separated, CRLF line ends, UTF-8 with a BOM for Excel):
 * aggregates only, exactly what the teacher's page shows. First one row per statement in compass
 * order (`statement,text,-1,-0.5,0,0.5,1,skip,important`), then an empty line, then one row per
 * party (`party,name,meanPercent,first`; an empty `meanPercent` when no pupil got a result). The
 * column names are the API's field names, so the file reads the same in every language; the
 * statement texts are in `language` (Swedish when not translated).
 */
export function classResultCsv(compass: Compass, figures: ClassFigures, language: string): string {
  const lines = [row(['statement', 'text', ...ANSWER_KEYS, 'skip', 'important'])];
  for (const statement of compass.statements) {
    const counts = figures.statements[statement.id];
    if (!counts) continue;
    lines.push(
      row([
        statement.id,
        localized(statement.text, language),
        ...ANSWER_KEYS.map((key) => counts[key]),
        counts.skip,
        counts.important,
      ]),
    );
  }
  lines.push('', row(['party', 'name', 'meanPercent', 'first']));
  for (const party of compass.parties) {
    const figure = figures.parties[party.id];
    if (!figure) continue;
    lines.push(row([party.id, party.name, figure.meanPercent, figure.first]));
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** Offers `text` as a file download, made in the browser (no request). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
