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

/** A coding as stored: the position in halves (−2…2) or null; the quote's offsets or null. */
export interface Coding {
  readonly positionHalves: number | null;
  readonly kind: Kind;
  readonly quoteStart: number | null;
  readonly quoteEnd: number | null;
  readonly note: string;
}

export interface StoredCoding extends Coding {
  /** 1 for the first write, one more for each write after it. */
  readonly version: number;
  /** Milliseconds. */
  readonly updatedAt: number;
}

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
  close(): Promise<void>;
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
}

export function codingOf(row: CodingRow): StoredCoding {
  return {
    positionHalves: row.position_halves === null ? null : Number(row.position_halves),
    kind: row.kind as Kind,
    quoteStart: row.quote_start === null ? null : Number(row.quote_start),
    quoteEnd: row.quote_end === null ? null : Number(row.quote_end),
    note: row.note,
    version: Number(row.version),
    updatedAt: Number(row.updated_at),
  };
}
