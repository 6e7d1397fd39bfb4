/** The workbench store's contract (Redaktionen): workspaces, their keys and coders' codings. */

export type Role = 'editor' | 'coder';
export const KINDS = ['stated', 'implied', 'silent'] as const;
export type Kind = (typeof KINDS)[number];

/** What a key opens: its workspace, its role and, for a coder, the coder's id and label. */
export interface KeyRecord {
  readonly workspace: string;
  readonly role: Role;
  readonly coder: string | null;
  readonly label: string | null;
}

/** Which coding: one coder's, of one party on one statement, in one workspace. */
export interface CodingKey {
  readonly workspace: string;
  readonly coder: string;
  readonly statement: string;
  readonly party: string;
}

export type Confidence = 'explicit' | 'general';

/** A coding as stored: the position in halves (−2…2) or null; the quote's offsets or null. */
export interface Coding {
  readonly positionHalves: number | null;
  readonly kind: Kind;
  readonly quoteStart: number | null;
  readonly quoteEnd: number | null;
  readonly note: string;
  /** For `stated`: explicit (the default) or explicit but general. */
  readonly confidence?: Confidence;
  /** The quote's text as the programme had it when written (null: no quote, or not known). */
  readonly quoteText?: string | null;
  /** The programme was replaced and the quote's text was not found again. */
  readonly quoteLost?: boolean;
}

export interface StoredCoding extends Coding {
  readonly confidence: Confidence;
  readonly quoteText: string | null;
  readonly quoteLost: boolean;
  /** 1 for the first write, one more for each write after it. */
  readonly version: number;
  /** Milliseconds. */
  readonly updatedAt: number;
}

/** A stored coding with the cell and coder it belongs to. */
export type KeyedCoding = CodingKey & StoredCoding;

/** A write's outcome: the new version, or the coding as it is now (null: none) when `expected` did not match. */
export type WriteResult =
  | { readonly written: true; readonly version: number }
  | { readonly written: false; readonly current: StoredCoding | null };

export interface WorkbenchStore {
  /** Stores a new workspace and its editor key (as `workbench_keys` role `editor`), in one transaction. */
  createWorkspace(workspace: {
    id: string;
    title: string;
    editorKeyHash: string;
    createdAt: number;
  }): Promise<void>;
  /** Stores a coder's key; the workspace must exist (else a foreign-key error). */
  addCoder(coder: {
    workspace: string;
    coder: string;
    label: string;
    keyHash: string;
    createdAt: number;
  }): Promise<void>;
  /** The key whose SHA-256 (hex) this is, or null. */
  findKey(keyHash: string): Promise<KeyRecord | null>;
  /** The coder's id in the workspace exists. */
  hasCoder(workspace: string, coder: string): Promise<boolean>;
  readCoding(key: CodingKey): Promise<StoredCoding | null>;
  /**
   * Writes the coding in one transaction if the stored version is `expected` (null: there is no
   * coding yet), as version `expected + 1` (1 for the first); otherwise writes nothing and
   * returns the stored coding. Resolves after the commit.
   */
  writeCoding(
    key: CodingKey,
    coding: Coding,
    expected: number | null,
    at: number,
  ): Promise<WriteResult>;
  /** The workspace's title and creation time (ms), or null. */
  readWorkspace(workspace: string): Promise<{ title: string; createdAt: number } | null>;
  /** The workspace's coders, in the order they were added. */
  listCoders(workspace: string): Promise<{ id: string; label: string }[]>;
  readItem(workspace: string, kind: ItemKind, id: string): Promise<StoredItem | null>;
  /** Every item of that kind, by id. */
  readItems(workspace: string, kind: ItemKind): Promise<StoredItem[]>;
  /** Codings of the workspace, of one coder and/or one party when given. */
  readCodings(workspace: string, only?: { coder?: string; party?: string }): Promise<KeyedCoding[]>;
  /** The decisions log, newest first. */
  readLog(workspace: string): Promise<LogRow[]>;
  /**
   * Applies every change in one transaction if each one's `expected` version is the stored one
   * (null: none stored); otherwise applies none and says which change found what.
   */
  applyChanges(workspace: string, changes: readonly Change[], at: number): Promise<ApplyResult>;
  close(): Promise<void>;
}

export const ITEM_KINDS = ['meta', 'party', 'programme', 'statement', 'decision'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** A versioned JSON document of a workspace (its body as the service wrote it). */
export interface StoredItem {
  readonly kind: ItemKind;
  readonly id: string;
  readonly body: unknown;
  readonly version: number;
  /** Milliseconds. */
  readonly updatedAt: number;
}

/** One row of the decisions log: the decision's version it wrote, by whom, when and why. */
export interface LogRow {
  readonly statement: string;
  readonly party: string;
  readonly version: number;
  readonly role: Role;
  /** Milliseconds. */
  readonly at: number;
  readonly reason: string;
  readonly positionHalves: number | null;
  readonly kind: Kind;
}

/** One write of `applyChanges`. An item's `body` null deletes it; a `check` writes nothing. */
export type Change =
  | {
      readonly type: 'item';
      readonly kind: ItemKind;
      readonly id: string;
      readonly expected: number | null;
      readonly body: unknown;
    }
  | {
      readonly type: 'coding';
      readonly key: Omit<CodingKey, 'workspace'>;
      readonly expected: number | null;
      readonly coding: Coding;
    }
  | { readonly type: 'log'; readonly entry: LogRow }
  /** Writes nothing: the batch goes through only if this item is still at `expected`. */
  | {
      readonly type: 'check';
      readonly kind: ItemKind;
      readonly id: string;
      readonly expected: number | null;
    };

export type ApplyResult =
  /** The version each change wrote (null for a deletion, a log row or a check). */
  | { readonly ok: true; readonly versions: readonly (number | null)[] }
  /** The first change whose version did not match, and what is stored there. */
  | {
      readonly ok: false;
      readonly index: number;
      readonly current: StoredItem | StoredCoding | null;
    };

/** An item row as both databases return it. */
export interface ItemRow {
  kind: string;
  id: string;
  body: string;
  version: number | string;
  updated_at: number | string | bigint;
}

export function itemOf(row: ItemRow): StoredItem {
  return {
    kind: row.kind as ItemKind,
    id: row.id,
    body: JSON.parse(row.body) as unknown,
    version: Number(row.version),
    updatedAt: Number(row.updated_at),
  };
}

export interface LogDbRow {
  statement: string;
  party: string;
  version: number | string;
  role: string;
  at: number | string | bigint;
  reason: string;
  position_halves: number | null;
  kind: string;
}

export function logOf(row: LogDbRow): LogRow {
  return {
    statement: row.statement,
    party: row.party,
    version: Number(row.version),
    role: row.role as Role,
    at: Number(row.at),
    reason: row.reason,
    positionHalves: row.position_halves === null ? null : Number(row.position_halves),
    kind: row.kind as Kind,
  };
}

/** A coding row as both databases return it (bigint may come back as a string from pg). */
export interface CodingRow {
  position_halves: number | null;
  kind: string;
  quote_start: number | null;
  quote_end: number | null;
  note: string;
  version: number | string;
  updated_at: number | string | bigint;
  confidence?: string;
  quote_text?: string | null;
  quote_lost?: number | string;
}

export function codingOf(row: CodingRow): StoredCoding {
  return {
    positionHalves: row.position_halves === null ? null : Number(row.position_halves),
    kind: row.kind as Kind,
    quoteStart: row.quote_start === null ? null : Number(row.quote_start),
    quoteEnd: row.quote_end === null ? null : Number(row.quote_end),
    note: row.note,
    confidence: row.confidence === 'general' ? 'general' : 'explicit',
    quoteText: row.quote_text ?? null,
    quoteLost: Number(row.quote_lost ?? 0) === 1,
    version: Number(row.version),
    updatedAt: Number(row.updated_at),
  };
}
