/**
 * The shape of a compass once it has passed validation (see `parse-compass.ts`).
 * The same shape is authored in `questions/<compass>/*.yaml` and published as open data.
 */

/**
 * A text in every language the compass is written in. Swedish is authoritative and always there;
 * English and Arabic are optional, but all-or-nothing within a compass (`checkLanguages`): one
 * that has English for one of its texts has it for all of them.
 */
export interface Localized {
  readonly sv: string;
  readonly en?: string;
  readonly ar?: string;
}

/**
 * The languages a valid compass is written in: those of its title, Swedish always (each language
 * is in all its texts or in none, by `checkLanguages` in languages.ts, so the title tells; a
 * parsed text has a key only for a language it has). Here, not there: the app's start page needs
 * this, and the check would come with it.
 */
export const compassLanguages = (compass: { readonly title: Localized }) =>
  Object.keys(compass.title) as (keyof Localized)[];

/** A position on the five-point scale: −1 helt emot … 1 helt för. */
export type Position = -1 | -0.5 | 0 | 0.5 | 1;

/** The position grid, in scale order. */
export const POSITIONS: readonly Position[] = [-1, -0.5, 0, 0.5, 1];

/**
 * How sure the coding is: 1 explicit, 0.75 explicit but general, 0.5 implied,
 * 0 exactly when the programme is silent.
 */
export type Confidence = 0 | 0.5 | 0.75 | 1;

export const CONFIDENCES: readonly Confidence[] = [0, 0.5, 0.75, 1];

/** What agreeing with a statement means: more of something, or less / stricter / cheaper / one priority before another. */
export type Direction = 'more' | 'less';

export interface Stance {
  /** null = the programme is silent ("no stated position"), never the same as 0. */
  readonly position: Position | null;
  readonly confidence: Confidence;
  /** Verbatim passages from the party's own programme; empty when silent. */
  readonly quotes: readonly string[];
  /** One sentence on why the coding follows from the quotes; may be empty when silent. */
  readonly rationale: string;
}

export interface Theme {
  readonly id: string;
  readonly name: Localized;
}

export interface PartySource {
  /** Path of the verbatim programme copy, relative to the compass folder. */
  readonly file: string;
  readonly url: string;
  readonly title?: string;
  /** The file name of the original capture in the seed archive. */
  readonly seed?: string;
  /** SHA-256 of the programme file, hex: guards the copy against edits. */
  readonly sha256?: string;
  /** Verbatim website furniture in the file (share buttons, "Bli medlem" …) that is not programme text. */
  readonly boilerplate: readonly string[];
}

export interface Party {
  readonly id: string;
  readonly name: string;
  readonly short: string;
  readonly municipality: string;
  /** CSS hex colour, e.g. "#E8112D". Never the only carrier of meaning in the UI. */
  readonly colour: string;
  readonly source: PartySource;
}

/**
 * A statement and its explainer in easy-read Swedish (lättläst): the same question in everyday
 * words, short sentences, the most important first. Required where the compass's rules say so
 * (`rules.easyRead`). Swedish only: agreeing with `text` must mean exactly what agreeing with the
 * regular Swedish text means (same actor, action, direction and conditions).
 */
export interface EasyRead {
  /** The statement, at most `rules.easyRead.maxWords` words. */
  readonly text: string;
  /** Neutral background in 2–5 short sentences. */
  readonly explainer: string;
}

export interface Statement {
  readonly id: string;
  readonly theme: string;
  readonly direction: Direction;
  readonly text: Localized;
  readonly explainer: Localized;
  /** Easy-read Swedish; absent in compasses that do not offer it. */
  readonly easy?: EasyRead;
  /** Glossary ids of the terms this statement uses. */
  readonly terms: readonly string[];
  /** One stance per party id; every party appears. */
  readonly stances: Readonly<Record<string, Stance>>;
}

export interface GlossaryEntry {
  readonly id: string;
  readonly term: Localized;
  readonly definition: Localized;
}

/** Content rules a compass promises to keep; checked by the validator. */
export interface BankRules {
  readonly minStatements: number;
  readonly maxStatements: number;
  readonly minThemes: number;
  /** 0..1: each party must take a stand on at least this share of statements. */
  readonly minCoverage: number;
  /** 0..1: at least this share of statements must have `direction: less`. */
  readonly minLessShare: number;
  /** 0..100: a voter answering "helt för" everywhere must not see any party above this. */
  readonly maxAgreeAllPercent: number;
  /**
   * Easy-read Swedish (lättläst), when the compass promises it; absent means no easy-read rules.
   * Words and LIX are counted as in `lix.ts`.
   */
  readonly easyRead?: {
    /** Every statement must have an `easy` block. */
    readonly required: boolean;
    /** The most words an `easy.text` may have. */
    readonly maxWords?: number;
    /** The highest allowed median LIX, over the easy texts and (separately) the easy explainers. */
    readonly maxMedianLix?: number;
  };
}

export interface Compass {
  readonly id: string;
  readonly version: string;
  /** ISO date (YYYY-MM-DD) on which the positions were coded. */
  readonly coded: string;
  readonly title: Localized;
  readonly description: Localized;
  readonly themes: readonly Theme[];
  readonly parties: readonly Party[];
  readonly statements: readonly Statement[];
  readonly glossary: readonly GlossaryEntry[];
  readonly rules: BankRules;
  /** Licence of the published data, when stated. */
  readonly license?: string;
}

/** One problem in a bank: where (a path into the assembled compass) and what to do about it. */
export interface BankIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}
