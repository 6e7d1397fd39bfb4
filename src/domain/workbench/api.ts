/**
 * The workbench's HTTP contract (Redaktionen) as TypeScript types: what the service answers and
 * what the browser sends, shared by src/server/workbench (which implements it), the browser's
 * client (src/features/workbench) and a newsroom's own scripts. docs/workbench-api.yaml is the
 * same contract in OpenAPI; a test holds the two to the running routes.
 *
 * Every route but `POST /api/workspaces` needs a key, `Authorization: Bearer <key>`: the editor's
 * (made with the workspace) or a coder's (made by the editor). Every write of an item names the
 * version it replaces in `If-Match` (none for the first write); another version is 409
 * `version-conflict` with the stored item, and nothing is written. Every refusal is
 * `{ error, message }` with a Swedish sentence, and a 4xx for anything a client can get wrong.
 *
 * Published compasses are public: `GET /api/compasses` lists them, `GET /data/<id>.json` (the
 * latest version's open data, the format of src/domain/bank/open-data.ts), `/data/<id>@<n>.json` (any
 * version), `/data/<id>-programmes.json`; the app serves `/<id>/…` and `/embed/<id>` from them.
 */
import type { Direction, EasyRead, Position } from '../bank/types.ts';
import type { DraftIssue, DraftMeta, DraftParty, DraftStatement, Explicitness } from './draft.ts';

export type Role = 'editor' | 'coder';
export type CodingKind = 'stated' | 'implied' | 'silent';

/** Any stored item with its version (the ETag, `"<version>"`): 1 after the first write. */
export interface Versioned<T> {
  readonly version: number;
  /** ISO time of the last write. */
  readonly updated: string;
  readonly value: T;
}

export interface WorkspaceInfo {
  readonly id: string;
  readonly title: string;
  /** ISO time. */
  readonly created: string;
}

export interface CoderInfo {
  readonly id: string;
  readonly label: string;
}

/**
 * The compass's settings: the draft's meta without what the service decides at publish
 * (`version`, `coded`). `id` is the slug the compass is published under; it may change until the
 * first publish. `PUT /api/workspaces/{w}/meta` (editor).
 */
export type MetaBody = Omit<DraftMeta, 'version' | 'coded'>;

/** `PUT /api/workspaces/{w}/parties/{party}` (editor); `DELETE` with If-Match removes it. */
export type PartyBody = Omit<DraftParty, 'id'>;

/**
 * `PUT /api/workspaces/{w}/programmes/{party}` (editor): the programme text as captured (pasted,
 * or extracted from a file in the browser) and its boilerplate passages. The service normalizes
 * the text as the bank's programme copies are (`normalizeProgramme`), computes its SHA-256, and
 * re-anchors every stored quote of that party (codings and decisions) by its text; the answer
 * says which were found again and which are lost (flagged on the coding until a coder fixes it).
 */
export interface ProgrammeBody {
  readonly text: string;
  readonly boilerplate: readonly string[];
}

export interface ProgrammeInfo extends ProgrammeBody {
  readonly sha256: string;
}

export interface ProgrammePutResult {
  readonly version: number;
  readonly sha256: string;
  /** Quotes of codings and decisions moved to their text's place in the new programme. */
  readonly reanchored: number;
  /** Quotes whose text is no longer in the programme (or is there more than once). */
  readonly lost: readonly { readonly statement: string; readonly coder: string | null }[];
}

/**
 * `PUT /api/workspaces/{w}/statements/{statement}` (editor). `order` sorts the statements (the
 * quiz's order); ties by id.
 */
export interface StatementBody extends Omit<DraftStatement, 'id'> {
  readonly order: number;
}

/** A quote as offsets into the party's programme text (start inclusive, end exclusive). */
export interface QuoteOffsets {
  readonly start: number;
  readonly end: number;
}

/**
 * `PUT /api/workspaces/{w}/codings/{statement}/{party}` (coder): the coder's own coding. A quote
 * must lie inside the stored programme text, outside its boilerplate, and not be only whitespace
 * (400 `quote-not-in-programme`); a party without a programme text cannot be coded with a quote.
 */
export interface CodingBody {
  readonly position: Position | null;
  readonly kind: CodingKind;
  /** For `stated` only: explicit (confidence 1) or explicit but general (0.75). Default explicit. */
  readonly confidence?: Explicitness;
  readonly quote: QuoteOffsets | null;
  readonly note?: string;
}

export interface CodingJson {
  readonly statement: string;
  readonly party: string;
  readonly coder: string;
  readonly position: Position | null;
  readonly kind: CodingKind;
  readonly confidence: Explicitness;
  readonly quote: QuoteOffsets | null;
  /** The quote's text (the programme's slice), null without a quote. */
  readonly quoteText: string | null;
  /** True when the programme was replaced and the quote's text was not found again. */
  readonly quoteLost: boolean;
  readonly note: string;
  readonly version: number;
  readonly updated: string;
}

/**
 * The editor's reconciled coding of a cell: `PUT /api/workspaces/{w}/decisions/{statement}/{party}`
 * (editor, If-Match). `reason` is required: it goes into the decisions log with the role and time.
 */
export interface DecisionBody {
  readonly position: Position | null;
  readonly kind: CodingKind;
  readonly confidence?: Explicitness;
  readonly quotes: readonly QuoteOffsets[];
  readonly note: string;
  readonly reason: string;
}

export interface DecisionJson extends Omit<DecisionBody, 'quotes'> {
  readonly statement: string;
  readonly party: string;
  readonly quotes: readonly (QuoteOffsets & { readonly text: string; readonly lost: boolean })[];
  readonly version: number;
  readonly updated: string;
}

export interface DecisionLogEntry {
  readonly statement: string;
  readonly party: string;
  readonly role: Role;
  /** ISO time. */
  readonly at: string;
  readonly reason: string;
  readonly position: Position | null;
  readonly kind: CodingKind;
}

/**
 * `GET /api/workspaces/{w}`: everything a key may see. The editor sees all; a coder sees the
 * settings, parties, programmes and statements, and only its own codings (never the other
 * coder's, nor the decisions, before the editor publishes).
 */
export interface WorkspaceView {
  readonly workspace: WorkspaceInfo;
  readonly role: Role;
  /** The key's coder (a coder's key), else null. */
  readonly coder: CoderInfo | null;
  /** Every coder (editor); the key's own coder only (coder). */
  readonly coders: readonly CoderInfo[];
  readonly meta: Versioned<MetaBody> | null;
  readonly parties: readonly (Versioned<PartyBody> & { readonly id: string })[];
  readonly programmes: readonly (Versioned<ProgrammeInfo> & { readonly party: string })[];
  readonly statements: readonly (Versioned<StatementBody> & { readonly id: string })[];
  /** Editor: every coder's codings; coder: its own. */
  readonly codings: readonly CodingJson[];
  /** Editor only (a coder gets []). */
  readonly decisions: readonly DecisionJson[];
  /** Editor only (a coder gets []), newest first. */
  readonly log: readonly DecisionLogEntry[];
  /** This workspace's published versions, newest first. */
  readonly published: readonly PublishedVersion[];
}

/** `GET /api/workspaces/{w}/agreement?coders=<a>,<b>` (editor; default the first two coders). */
export interface AgreementJson {
  readonly coders: readonly [CoderInfo, CoderInfo];
  /** Cells both coded; `onlyA`, `onlyB`: cells one coded. */
  readonly cells: number;
  readonly onlyA: number;
  readonly onlyB: number;
  /** Percent 0–100 and Cohen's κ; null when no cell was coded by both. */
  readonly direction: { readonly percent: number | null; readonly kappa: number | null };
  readonly position: { readonly percent: number | null; readonly kappa: number | null };
  readonly disagreements: readonly {
    readonly statement: string;
    readonly party: string;
    readonly sameDirection: boolean;
    readonly a: CodingJson;
    readonly b: CodingJson;
  }[];
}

/**
 * `GET /api/workspaces/{w}/draft` (editor): the draft assembled as publish would (cells without a
 * decision take the coders' coding where every coder agrees on position and kind), the bank's
 * compass it gives, and every issue at the field it concerns. Publish refuses while `issues` is
 * not empty.
 */
export interface DraftCheckJson {
  readonly issues: readonly DraftIssue[];
  /** Cells (statement, party) with no decision and coders who disagree or have not coded. */
  readonly undecided: readonly { readonly statement: string; readonly party: string }[];
}

/** `POST /api/workspaces/{w}/publish` (editor) `{ compass: "<id>" }` → 201. */
export interface PublishedVersion {
  readonly compass: string;
  /** 1, 2, …: one more for each publish of that compass id. */
  readonly version: number;
  /** ISO time. */
  readonly published: string;
}

/** One row of `GET /api/compasses?q=<text>&offset=<n>` (public): published compasses, by title. */
export interface PublishedEntry {
  readonly id: string;
  readonly title: { readonly sv: string; readonly en?: string; readonly ar?: string };
  readonly description: { readonly sv: string; readonly en?: string; readonly ar?: string };
  readonly municipality: string;
  readonly region?: string;
  readonly electionDate?: string;
  readonly version: number;
  readonly published: string;
  /** The readings the compass has texts for (sv always). */
  readonly languages: readonly ('sv' | 'en' | 'ar')[];
}

export interface PublishedList {
  readonly compasses: readonly PublishedEntry[];
  /** How many match `q` in all (the page holds at most 50). */
  readonly total: number;
}

/** `POST /api/workspaces/{w}/import` (editor, into a workspace with no parties or statements). */
export interface ImportResult {
  readonly statements: number;
  readonly parties: number;
  /** Quotes that could not be anchored in the given programmes (left out). */
  readonly issues: readonly DraftIssue[];
}

/** Re-exported for clients that only import the contract. */
export type { Direction, EasyRead, Explicitness, Position };
