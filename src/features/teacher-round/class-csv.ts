import type { Compass } from '../../domain/bank/types.ts';
import type { RandomizedClassFigures } from '../../domain/classroom/randomized-estimate.ts';
import { CATEGORIES } from '../../domain/classroom/randomized-response.ts';
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

/** Decimals kept of the estimates, standard errors and shares: far below what they can tell. */
export const CSV_DECIMALS = 4;

const rounded = (x: number): number => {
  const r = Number(x.toFixed(CSV_DECIMALS));
  return r === 0 ? 0 : r; // no "-0"
};

/**
 * A randomized round's figures as CSV of `variant` (see `CsvVariant`): aggregates only, exactly
 * what the teacher's page shows, with the column names of the API's fields so that the file
 * reads the same in every language. Three blocks, an empty line between them:
 * 1. `p,submissions`: the randomization probability and n;
 * 2. `statement,text,category,observed,estimate,standardError,share`: one row per statement
 *    (compass order) and category (`emot`, `varken`, `for`, `hoppade-over`): the count sent after
 *    randomization, the unbiased estimate T̂ (may be below 0 or above 1), its standard error and
 *    the share shown (T̂ clamped at 0 and renormalised), the last three as fractions rounded to
 *    {@link CSV_DECIMALS} decimals, with the variant's decimal sign;
 * 3. `party,name,percent,rank`: the class profile's agreement with each party in the page's order,
 *    an empty `rank` for a party that is not ranked; no rows when the class is taken to have
 *    skipped every statement.
 * The statement texts are in `language` (Swedish when not translated).
 */
export function classResultCsv(
  compass: Compass,
  figures: RandomizedClassFigures,
  language: string,
  variant: CsvVariant,
): string {
  const row = (fields: readonly (string | number | null)[]) =>
    fields.map((field) => csvField(field, variant)).join(CSV_VARIANTS[variant].separator);
  const lines = [row(['p', 'submissions']), row([figures.p, figures.submissions]), ''];
  lines.push(
    row(['statement', 'text', 'category', 'observed', 'estimate', 'standardError', 'share']),
  );
  for (const statement of compass.statements) {
    const estimate = figures.statements[statement.id];
    if (!estimate) continue;
    const text = localized(statement.text, language);
    for (const category of CATEGORIES) {
      const c = estimate.categories[category];
      lines.push(
        row([
          statement.id,
          text,
          category,
          c.observed,
          rounded(c.estimate),
          rounded(c.standardError),
          rounded(c.share),
        ]),
      );
    }
  }
  lines.push('', row(['party', 'name', 'percent', 'rank']));
  const parties = new Map(compass.parties.map((party) => [party.id, party]));
  for (const figure of figures.profile?.parties ?? []) {
    const party = parties.get(figure.party);
    if (!party) continue;
    lines.push(row([party.id, party.name, figure.percent, figure.rank]));
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
