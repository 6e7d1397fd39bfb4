import type { Compass } from '../../domain/bank/types.ts';
import type { ClassFigures } from '../../domain/classroom/index.ts';
import { ANSWER_KEYS } from '../../domain/classroom/index.ts';
import { localized } from '../../i18n/localized.ts';

/** The byte order mark that makes Excel read the file as UTF-8. */
export const BOM = '\uFEFF';

/**
 * The two kinds of CSV a teacher can download. `standard` is RFC 4180: commas between fields and
 * a decimal point, what scripts, other programs and Excel in English read. `excel-sv` is what
 * Excel in Swedish splits into columns when the file is opened directly: semicolons between
 * fields (its list separator, since the comma is its decimal sign) and decimal commas. Both have
 * CRLF line ends, UTF-8 with a byte order mark, and RFC 4180's quoting.
 */
export type CsvVariant = 'standard' | 'excel-sv';

export const CSV_VARIANTS: Readonly<
  Record<CsvVariant, { readonly separator: string; readonly decimal: string }>
> = {
  standard: { separator: ',', decimal: '.' },
  'excel-sv': { separator: ';', decimal: ',' },
};

/**
 * One field: a number with the variant's decimal sign; text in quotes, with quotes doubled, when
 * it holds the variant's separator, `"`, CR or LF (RFC 4180's rule, with that separator).
 */
export function csvField(value: string | number | null, variant: CsvVariant): string {
  const { separator, decimal } = CSV_VARIANTS[variant];
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', decimal);
  const needsQuotes = value.includes(separator) || /["\r\n]/.test(value);
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A class result as CSV of `variant` (see `CsvVariant`): aggregates only, exactly what the
 * teacher's page shows. First one row per statement in compass order
 * (`statement,text,-1,-0.5,0,0.5,1,skip,important`), then an empty line, then one row per party
 * (`party,name,meanPercent,first`; an empty `meanPercent` when no pupil got a result). The column
 * names are the API's field names, so the file reads the same in every language (the answers'
 * columns are numbers, written with the variant's decimal sign); the statement texts are in
 * `language` (Swedish when not translated).
 */
export function classResultCsv(
  compass: Compass,
  figures: ClassFigures,
  language: string,
  variant: CsvVariant,
): string {
  const row = (fields: readonly (string | number | null)[]) =>
    fields.map((field) => csvField(field, variant)).join(CSV_VARIANTS[variant].separator);
  const lines = [row(['statement', 'text', ...ANSWER_KEYS.map(Number), 'skip', 'important'])];
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
