/**
 * What a workbench workspace holds while a newsroom builds its compass (a `Draft`), and the step
 * that turns it into the bank's own `Compass`, checked by the bank's own rules. Pure: the browser
 * shows the issues while editing, the service runs the same function before publishing.
 */
import * as v from 'valibot';
import { checkBank } from '../bank/check-bank.ts';
import { checkContent } from '../bank/check-content.ts';
import { checkLanguages } from '../bank/languages.ts';
import { locateQuoteAll, normalizeSpace } from '../bank/quotes.ts';
import { compassSchema } from '../bank/schema.ts';
import type {
  BankIssue,
  BankRules,
  Compass,
  Confidence,
  Direction,
  EasyRead,
  Localized,
  Party,
  Position,
  Stance,
  Statement,
} from '../bank/types.ts';
import { boilerplateRanges, checkQuote, type QuoteRange } from './quotes.ts';

/** A text in Swedish, with English and Arabic when written (both optional in the bank). */
export interface DraftText {
  readonly sv: string;
  readonly en?: string;
  readonly ar?: string;
}

export interface DraftMeta {
  readonly id: string;
  readonly version: string;
  /** ISO date (YYYY-MM-DD) of the coding: the compass's `coded`. */
  readonly coded: string;
  readonly title: DraftText;
  readonly description: DraftText;
  /** The municipality (or region) whose parties the compass covers: each party's `municipality`. */
  readonly municipality: string;
  /** Kept in the draft only: the bank's Compass has no field for it. */
  readonly region?: string;
  /** ISO date of the election. Kept in the draft only: the bank's Compass has no field for it. */
  readonly electionDate?: string;
  readonly license?: string;
  readonly themes: readonly { readonly id: string; readonly name: DraftText }[];
  readonly glossary: readonly {
    readonly id: string;
    readonly term: DraftText;
    readonly definition: DraftText;
  }[];
  readonly rules: BankRules;
}

export interface DraftParty {
  readonly id: string;
  readonly name: string;
  readonly short: string;
  readonly colour: string;
  /** Only when it differs from the compass's municipality (a compass drawn from several). */
  readonly municipality?: string;
  readonly source: {
    readonly url: string;
    /** ISO date the programme was captured. Kept in the draft only (no field in the bank). */
    readonly date?: string;
    readonly title?: string;
    /** The programme file's path in a compass folder; `sources/<party id>.txt` when absent. */
    readonly file?: string;
    readonly seed?: string;
    readonly sha256?: string;
  };
}

/** A party's programme: the raw text as captured, and the passages that are not programme content. */
export interface DraftProgramme {
  readonly text: string;
  /** Verbatim website furniture ("Dela på Facebook", "Bli medlem" …); never quotable. */
  readonly boilerplate: readonly string[];
}

export interface DraftStatement {
  readonly id: string;
  readonly theme: string;
  readonly direction: Direction;
  readonly text: DraftText;
  readonly explainer: DraftText;
  readonly easy?: EasyRead;
  /** Glossary ids of the terms the statement uses. */
  readonly terms: readonly string[];
}

/**
 * How a stance is known (CODING.md): stated in the programme, implied by related text, or silent.
 * For `stated`, `confidence` says whether the wording addresses the statement's core explicitly or
 * is explicit but general; it is ignored otherwise.
 */
export type CodingKind = 'stated' | 'implied' | 'silent';
export type Explicitness = 'explicit' | 'general';

/** The reconciled coding of one (statement, party) cell. */
export interface DraftCoding {
  readonly statement: string;
  readonly party: string;
  /** null = the programme is silent; never the same as 0. */
  readonly position: Position | null;
  readonly kind: CodingKind;
  readonly confidence: Explicitness;
  /** Offsets into the party's programme text. */
  readonly quotes: readonly QuoteRange[];
  /** Why the coding follows from the quotes: the bank's `rationale`. */
  readonly note: string;
}

export interface Draft {
  readonly meta: DraftMeta;
  readonly parties: readonly DraftParty[];
  readonly programmes: Readonly<Record<string, DraftProgramme>>;
  readonly statements: readonly DraftStatement[];
  readonly codings: readonly DraftCoding[];
}

/** Where in the draft a problem is: a meta field, or a field of one theme, term, party, … */
export type DraftWhere =
  | { readonly field: string }
  | { readonly theme: string; readonly field: string }
  | { readonly term: string; readonly field: string }
  | { readonly party: string; readonly field: string }
  | { readonly programme: string; readonly field: string; readonly index?: number }
  | { readonly statement: string; readonly field: string; readonly index?: number }
  | {
      readonly statement: string;
      readonly party: string;
      readonly field: string;
      readonly index?: number;
    };

export interface DraftIssue {
  readonly where: DraftWhere;
  readonly message: string;
}

/**
 * The bank's confidence for a coding (CODING.md, questions/README.md): 1 explicit, 0.75 explicit
 * but general, 0.5 implied, 0 exactly when silent.
 */
export function confidenceOf(coding: Pick<DraftCoding, 'kind' | 'confidence'>): Confidence {
  if (coding.kind === 'silent') return 0;
  if (coding.kind === 'implied') return 0.5;
  return coding.confidence === 'general' ? 0.75 : 1;
}

/** The inverse of confidenceOf. */
export function kindOf(confidence: Confidence): Pick<DraftCoding, 'kind' | 'confidence'> {
  if (confidence === 0) return { kind: 'silent', confidence: 'explicit' };
  if (confidence === 0.5) return { kind: 'implied', confidence: 'explicit' };
  return { kind: 'stated', confidence: confidence === 0.75 ? 'general' : 'explicit' };
}

/** A language the draft leaves blank (an emptied form field) is not written, as if never begun. */
const written = (text: string | undefined): text is string =>
  text !== undefined && text.trim() !== '';

/**
 * The bank's text: Swedish, and English and Arabic where written (the bank holds a compass to
 * each language in every text or in none, and reports a text that lacks one the others have).
 */
const localized = (text: DraftText): Localized => ({
  sv: text.sv,
  ...(written(text.en) ? { en: text.en } : {}),
  ...(written(text.ar) ? { ar: text.ar } : {}),
});

export const sourceFile = (party: Pick<DraftParty, 'id' | 'source'>): string =>
  party.source.file ?? `sources/${party.id}.txt`;

export interface DraftResult {
  /** The bank's compass; valid (as `npm run validate` sees it) exactly when `issues` is empty. */
  readonly compass: Compass;
  /** Raw programme text by party id, as the bank's checks and a compass folder's sources/ hold it. */
  readonly programmes: Readonly<Record<string, string>>;
  readonly issues: readonly DraftIssue[];
}

/**
 * Builds the bank's compass from a draft and checks it with the bank's own rules (shape, cross
 * rules, content rules), each problem mapped to the draft field it concerns. Quotes are published
 * with their whitespace collapsed (the bank ignores whitespace in quotes).
 */
/** The bank's words for a statement no party takes a stand on (check-bank.ts). */
const NOBODY_TAKES_A_STAND = 'no party takes a stand on it';

export function draftToCompass(draft: Draft): DraftResult {
  const issues: DraftIssue[] = [];
  const { meta } = draft;
  const programmes = Object.fromEntries(
    Object.entries(draft.programmes).map(([id, p]) => [id, p.text]),
  );
  const parties: Party[] = draft.parties.map((p) => ({
    id: p.id,
    name: p.name,
    short: p.short,
    municipality: p.municipality ?? meta.municipality,
    colour: p.colour,
    source: {
      file: sourceFile(p),
      url: p.source.url,
      ...(p.source.title !== undefined ? { title: p.source.title } : {}),
      ...(p.source.seed !== undefined ? { seed: p.source.seed } : {}),
      ...(p.source.sha256 !== undefined ? { sha256: p.source.sha256 } : {}),
      boilerplate: draft.programmes[p.id]?.boilerplate ?? [],
    },
  }));
  for (const p of draft.parties)
    if (draft.programmes[p.id] === undefined)
      issues.push({
        where: { programme: p.id, field: 'text' },
        message: `party "${p.id}" has no programme text; add it, so that its quotes can be checked`,
      });

  const cells = new Map<string, DraftCoding>();
  const statementIds = new Set(draft.statements.map((s) => s.id));
  for (const coding of draft.codings) {
    const key = JSON.stringify([coding.statement, coding.party]);
    const where = { statement: coding.statement, party: coding.party };
    if (!statementIds.has(coding.statement))
      issues.push({
        where: { ...where, field: 'statement' },
        message: `a coding for party "${coding.party}" is for statement "${coding.statement}", which the draft does not have; remove the coding or restore the statement`,
      });
    else if (cells.has(key))
      issues.push({
        where: { ...where, field: 'position' },
        message: `statement "${coding.statement}" is coded twice for party "${coding.party}"; keep one reconciled coding (the first is used)`,
      });
    else cells.set(key, coding);
    const programme = draft.programmes[coding.party];
    if (programme)
      coding.quotes.forEach((quote, index) => {
        if (!checkQuote(programme.text, quote))
          issues.push({
            where: { ...where, field: 'quotes', index },
            message: `statement "${coding.statement}", party "${coding.party}": quote ${index + 1} is not at its place in the programme (was the text replaced? re-anchor the quotes): "${quote.text}"`,
          });
      });
  }

  let uncoded = 0;
  /** Statements (by index) with a cell not coded yet. */
  const openStatements = new Set<number>();
  const statements: Statement[] = draft.statements.map((s, index) => {
    const stances: Record<string, Stance> = {};
    for (const party of draft.parties) {
      const coding = cells.get(JSON.stringify([s.id, party.id]));
      if (coding === undefined) {
        uncoded++;
        openStatements.add(index);
        issues.push({
          where: { statement: s.id, party: party.id, field: 'position' },
          message: `statement "${s.id}" is not coded for party "${party.id}"; code it (silent if its programme says nothing)`,
        });
        continue;
      }
      stances[party.id] = {
        position: coding.position,
        confidence: confidenceOf(coding),
        quotes: coding.quotes.map((q) => normalizeSpace(q.text)),
        rationale: coding.note,
      };
    }
    for (const coding of draft.codings)
      if (coding.statement === s.id && !draft.parties.some((p) => p.id === coding.party))
        stances[coding.party] = {
          position: coding.position,
          confidence: confidenceOf(coding),
          quotes: coding.quotes.map((q) => normalizeSpace(q.text)),
          rationale: coding.note,
        };
    return {
      id: s.id,
      theme: s.theme,
      direction: s.direction,
      text: localized(s.text),
      explainer: localized(s.explainer),
      ...(s.easy !== undefined ? { easy: s.easy } : {}),
      terms: s.terms,
      stances,
    };
  });

  const built: Compass = {
    id: meta.id,
    version: meta.version,
    coded: meta.coded,
    title: localized(meta.title),
    description: localized(meta.description),
    themes: meta.themes.map((t) => ({ id: t.id, name: localized(t.name) })),
    parties,
    statements,
    glossary: meta.glossary.map((g) => ({
      id: g.id,
      term: localized(g.term),
      definition: localized(g.definition),
    })),
    rules: meta.rules,
    ...(meta.license !== undefined ? { license: meta.license } : {}),
  };

  const parsed = v.safeParse(compassSchema, built);
  const compass: Compass = parsed.success ? parsed.output : built;
  // The content rules score the compass, which needs every stance: they wait until all are coded,
  // but for the languages of its texts (one of the content rules), which need no stance.
  const bankIssues: BankIssue[] = [
    ...(parsed.success ? [] : parsed.issues.map(schemaIssue)),
    ...checkBank(compass, programmes),
    ...(uncoded === 0 ? checkContent(compass) : checkLanguages(compass)),
  ];
  for (const issue of bankIssues) {
    // A missing stance: already reported above, at the cell.
    if (issue.path.length === 3 && issue.path[0] === 'statements' && issue.path[2] === 'stances')
      continue;
    // "No party takes a stand" cannot be told while a cell of the statement is not coded: a
    // statement just written would otherwise carry it before anyone could code it.
    if (
      issue.path[0] === 'statements' &&
      openStatements.has(issue.path[1] as number) &&
      issue.path[2] === 'id' &&
      issue.message.includes(NOBODY_TAKES_A_STAND)
    )
      continue;
    issues.push({ where: whereIn(draft, issue.path), message: issue.message });
  }
  return { compass, programmes, issues };
}

function schemaIssue(issue: v.BaseIssue<unknown>): BankIssue {
  return {
    path: (issue.path ?? []).map((item) => item.key as string | number),
    message: issue.message,
  };
}

/** The bank's stance fields, as the draft names them. */
const CODING_FIELDS: Readonly<Record<string, string>> = {
  confidence: 'kind',
  rationale: 'note',
};

/** Splits the rest of a path into a dotted field name and a trailing index. */
function fieldOf(rest: readonly (string | number)[], fallback: string) {
  const last = rest[rest.length - 1];
  const index = typeof last === 'number' ? last : undefined;
  const names = (index === undefined ? rest : rest.slice(0, -1)).map(String);
  const field = names.length > 0 ? names.join('.') : fallback;
  return index === undefined ? { field } : { field, index };
}

/** Maps a path into the assembled compass to the draft field it came from. */
export function whereIn(draft: Draft, path: readonly (string | number)[]): DraftWhere {
  const [head, i, ...rest] = path;
  const meta: DraftWhere = { field: path.filter((p) => typeof p === 'string').join('.') || 'meta' };
  if (typeof i !== 'number') return meta;
  if (head === 'themes' && draft.meta.themes[i])
    return { theme: draft.meta.themes[i].id, field: fieldOf(rest, 'id').field };
  if (head === 'glossary' && draft.meta.glossary[i])
    return { term: draft.meta.glossary[i].id, field: fieldOf(rest, 'id').field };
  const party = head === 'parties' ? draft.parties[i] : undefined;
  if (party) {
    if (rest[0] === 'municipality')
      return party.municipality !== undefined
        ? { party: party.id, field: 'municipality' }
        : { field: 'municipality' };
    if (rest[0] === 'source' && rest[1] === 'boilerplate')
      return { programme: party.id, ...fieldOf(rest.slice(1), 'boilerplate') };
    return { party: party.id, field: fieldOf(rest, 'id').field };
  }
  const statement = head === 'statements' ? draft.statements[i] : undefined;
  if (!statement) return meta;
  if (rest[0] === 'stances' && typeof rest[1] === 'string') {
    const [, partyId, field, ...more] = rest;
    const named = typeof field === 'string' ? (CODING_FIELDS[field] ?? field) : 'party';
    return { statement: statement.id, party: partyId, ...fieldOf([named, ...more], named) };
  }
  return { statement: statement.id, ...fieldOf(rest, 'id') };
}

/**
 * A draft from a compass and its programmes, for importing a bank compass into the workbench.
 * Each quote is anchored at its first occurrence in the party's programme outside boilerplate; a
 * quote that cannot be found is left out and reported.
 */
export function compassToDraft(
  compass: Compass,
  programmes: Readonly<Record<string, string>>,
): { draft: Draft; issues: DraftIssue[] } {
  const issues: DraftIssue[] = [];
  const municipality = compass.parties[0]?.municipality ?? '';
  const text = (l: Localized): DraftText => ({ ...l });
  const programmeOf: Record<string, DraftProgramme> = {};
  for (const p of compass.parties) {
    const raw = programmes[p.id];
    if (raw === undefined) continue;
    programmeOf[p.id] = { text: raw, boilerplate: p.source.boilerplate };
  }
  const codings: DraftCoding[] = [];
  for (const s of compass.statements)
    for (const [partyId, stance] of Object.entries(s.stances)) {
      const programme = programmeOf[partyId];
      const quotes: QuoteRange[] = [];
      stance.quotes.forEach((quote, index) => {
        const anchored = programme ? anchor(programme, quote) : null;
        if (anchored) quotes.push(anchored);
        else
          issues.push({
            where: { statement: s.id, party: partyId, field: 'quotes', index },
            message: `statement "${s.id}", party "${partyId}": quote ${index + 1} is not in the programme outside boilerplate, so it was left out: "${quote}"`,
          });
      });
      codings.push({
        statement: s.id,
        party: partyId,
        position: stance.position,
        ...kindOf(stance.confidence),
        quotes,
        note: stance.rationale,
      });
    }
  const draft: Draft = {
    meta: {
      id: compass.id,
      version: compass.version,
      coded: compass.coded,
      title: text(compass.title),
      description: text(compass.description),
      municipality,
      ...(compass.license !== undefined ? { license: compass.license } : {}),
      themes: compass.themes.map((t) => ({ id: t.id, name: text(t.name) })),
      glossary: compass.glossary.map((g) => ({
        id: g.id,
        term: text(g.term),
        definition: text(g.definition),
      })),
      rules: compass.rules,
    },
    parties: compass.parties.map((p) => ({
      id: p.id,
      name: p.name,
      short: p.short,
      colour: p.colour,
      ...(p.municipality !== municipality ? { municipality: p.municipality } : {}),
      source: {
        url: p.source.url,
        file: p.source.file,
        ...(p.source.title !== undefined ? { title: p.source.title } : {}),
        ...(p.source.seed !== undefined ? { seed: p.source.seed } : {}),
        ...(p.source.sha256 !== undefined ? { sha256: p.source.sha256 } : {}),
      },
    })),
    programmes: programmeOf,
    statements: compass.statements.map((s) => ({
      id: s.id,
      theme: s.theme,
      direction: s.direction,
      text: text(s.text),
      explainer: text(s.explainer),
      ...(s.easy !== undefined ? { easy: s.easy } : {}),
      terms: s.terms,
    })),
    codings,
  };
  return { draft, issues };
}

/** The first occurrence of a quote in the programme that touches no boilerplate. */
function anchor(programme: DraftProgramme, quote: string): QuoteRange | null {
  const cut = boilerplateRanges(programme.text, programme.boilerplate);
  const place = locateQuoteAll(programme.text, quote).find(
    (r) => !cut.some((b) => b.start < r.end && r.start < b.end),
  );
  return place ? { ...place, text: programme.text.slice(place.start, place.end) } : null;
}
