/**
 * The store of published compasses: the `Publisher` the workbench calls, and the reads the public
 * routes serve. Both databases implement it (sqlite-store.ts, postgres-store.ts) over the tables
 * of migration.ts; what they share (the row a publish writes, the list's search and order, an
 * entry from a row) is here.
 */
import type { Compass, Localized } from '../../domain/bank/types.ts';
import type {
  PublishedEntry,
  PublishedList,
  PublishedVersion,
} from '../../domain/workbench/api.ts';
import { openDataText } from './open-data.ts';
import type { Publisher, PublishInput } from './types.ts';

/** Which version: its number and when it was published (together they name its bytes). */
export interface PublishedHead {
  readonly version: number;
  /** Milliseconds. */
  readonly publishedAt: number;
}

/** One served file of a version: its exact text, and which version it is. */
export interface PublishedFile extends PublishedHead {
  readonly text: string;
}

/** `data`: the open data (`<id>.json`); `programmes`: the programme texts (`<id>-programmes.json`). */
export type PublishedPart = 'data' | 'programmes';

export interface PublishedStore extends Publisher {
  /** Ids `publish` refuses as taken: the compasses the site was built with. */
  readonly builtIds: ReadonlySet<string>;
  /** The latest version's number and time (no text: a cheap read), or null when never published. */
  head(id: string): Promise<PublishedHead | null>;
  /** The latest version's file, or null when the id was never published. */
  latest(id: string, part: PublishedPart): Promise<PublishedFile | null>;
  /** That version's file, or null when there is no such version. */
  version(id: string, version: number, part: PublishedPart): Promise<PublishedFile | null>;
  /** The latest version of every compass matching `q`, by title, `PAGE_SIZE` from `offset`. */
  list(q: string, offset: number): Promise<PublishedList>;
  close(): Promise<void>;
}

/** Entries per page of the list. */
export const PAGE_SIZE = 50;

/** A compass id: the bank's slug. */
export const COMPASS_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Ids no compass may be published under: `/data/<id>-programmes.json` and the built site's
 * `<id>-method.json` would otherwise be another compass's file too.
 */
export function isReservedId(id: string): boolean {
  return /-(programmes|method)$/.test(id);
}

/** The row `published_versions` gets for a publish (its `version` decided in the transaction). */
export interface VersionRow {
  id: string;
  published_at: number;
  open_data: string;
  programmes: string;
  title: string;
  description: string;
  municipality: string;
  region: string | null;
  election_date: string | null;
  languages: string;
  search: string;
  sort_key: string;
}

/** The columns of a list row, as both databases return them (bigint may come back as a string). */
export interface EntryRow {
  id: string;
  version: number | string;
  published_at: number | string;
  title: string;
  description: string;
  municipality: string;
  region: string | null;
  election_date: string | null;
  languages: string;
}

export const ENTRY_COLUMNS = [
  'id',
  'version',
  'published_at',
  'title',
  'description',
  'municipality',
  'region',
  'election_date',
  'languages',
] as const;

/** Checks the input (a fault of the caller throws) and gives the row to store. */
export function versionRow(input: PublishInput): VersionRow {
  const { compass } = input;
  if (!COMPASS_ID.test(input.id) || compass.id !== input.id)
    throw new TypeError(`publish: "${input.id}" is not the compass's id or not a valid id`);
  const municipality = compass.parties[0]?.municipality ?? '';
  const title = texts(compass.title);
  return {
    id: input.id,
    published_at: input.at,
    open_data: openDataText(compass),
    programmes: JSON.stringify(input.programmes),
    title: JSON.stringify(title),
    description: JSON.stringify(texts(compass.description)),
    municipality,
    region: input.region ?? null,
    election_date: input.electionDate ?? null,
    languages: JSON.stringify(languagesOf(compass)),
    search: searchKey(
      [title.sv, title.en, title.ar, municipality, input.region, input.id].join(' '),
    ),
    sort_key: sortKey(title.sv),
  };
}

/** A text's languages that are not empty (sv always). */
function texts(text: Localized): PublishedEntry['title'] {
  return {
    sv: text.sv,
    ...(text.en === undefined || text.en.trim() === '' ? {} : { en: text.en }),
    ...(text.ar === undefined || text.ar.trim() === '' ? {} : { ar: text.ar }),
  };
}

/** The readings a compass has: Swedish, and each other language its title and statements all have. */
export function languagesOf(compass: Compass): PublishedEntry['languages'] {
  const has = (language: 'en' | 'ar') =>
    [compass.title, ...compass.statements.map((s) => s.text)].every(
      (text) => (text[language] ?? '').trim() !== '',
    );
  return ['sv', ...(['en', 'ar'] as const).filter(has)];
}

/**
 * The form searched: lower case, without diacritics (NFKD, marks removed: "Malmö" → "malmo"),
 * whitespace collapsed. The query gets the same form, so the match ignores case and accents.
 */
export function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The list's order as a string both databases sort byte by byte (PostgreSQL with `collate "C"`):
 * lower case, å, ä, ö after z as in Swedish (mapped to `{`, `|`, `}`, the code points after z),
 * other accents ignored.
 */
export function sortKey(title: string): string {
  return searchKey(
    title.toLowerCase().replaceAll('å', '{').replaceAll('ä', '|').replaceAll('ö', '}'),
  );
}

/** A LIKE pattern (escape character `\`) matching rows whose `search` contains the query. */
export function likePattern(q: string): string {
  return `%${searchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function entryOf(row: EntryRow): PublishedEntry {
  return {
    id: row.id,
    title: JSON.parse(row.title) as PublishedEntry['title'],
    description: JSON.parse(row.description) as PublishedEntry['description'],
    municipality: row.municipality,
    ...(row.region === null ? {} : { region: row.region }),
    ...(row.election_date === null ? {} : { electionDate: row.election_date }),
    version: Number(row.version),
    published: new Date(Number(row.published_at)).toISOString(),
    languages: JSON.parse(row.languages) as PublishedEntry['languages'],
  };
}

export function versionOf(row: {
  id: string;
  version: number | string;
  published_at: number | string;
}): PublishedVersion {
  return {
    compass: row.id,
    version: Number(row.version),
    published: new Date(Number(row.published_at)).toISOString(),
  };
}
