/**
 * The classroom store's public types. The counters are the counting logic's own types
 * (src/domain/classroom): `readCounters` returns a `RoundCounters`, and a `RoundCounters` from
 * `submissionDelta` is a valid `CountersDelta`.
 */
import type {
  AnswerKey,
  PartyCounters,
  RoundCounters,
  StatementCounts,
} from '../../domain/classroom/index.ts';

export type { AnswerKey, PartyCounters, RoundCounters, StatementCounts };

/**
 * What one submission adds. Missing entries and missing fields count as 0. Every value must be a
 * non-negative safe integer; `submissions`, when present, must be 1 (the store always adds exactly
 * one submission per call). Ids must be among the round's `statementIds` and `partyIds` (an entry
 * that adds nothing, all zeros, is not looked up). `submissionDelta`'s `RoundCounters` fits.
 */
export interface CountersDelta {
  readonly submissions?: number;
  readonly statements: Readonly<Record<string, Readonly<Partial<StatementCounts>>>>;
  readonly parties: Readonly<Record<string, Readonly<Partial<PartyCounters>>>>;
}

export interface NewRound {
  /** The round's join code; unique among live rounds (and among rounds not yet purged). */
  code: string;
  /** A hash of the teacher's secret; the store never sees the secret itself. */
  teacherKeyHash: string;
  /** Compass id, e.g. `socialpolitik`. */
  compass: string;
  /** The compass version the round was started with. */
  version: string;
  /** The first instant at which the round is expired. */
  expiresAt: Date;
  /** When the round was created; defaults to now. */
  createdAt?: Date;
  /** The statements of the round: a zero counter row is created for each (no duplicates). */
  statementIds: readonly string[];
  /** The parties of the round: a zero counter row is created for each (no duplicates). */
  partyIds: readonly string[];
}

export interface Round {
  code: string;
  compass: string;
  version: string;
  /** True until the teacher closes the round (an expired round is never returned). */
  open: boolean;
  submissions: number;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  teacherKeyHash: string;
}

export type CreateRoundResult = 'created' | 'code-taken';
export type SubmissionResult = 'counted' | 'duplicate' | 'closed' | 'expired' | 'not-found';
export type CloseRoundResult = 'closed' | 'already-closed' | 'not-found';

/** Sent to `onSubmission` listeners after a submission has been committed. */
export interface SubmissionEvent {
  code: string;
  /** The round's submission count right after the submission (or after a reconnect, the current count). */
  submissions: number;
}

export type SubmissionListener = (event: SubmissionEvent) => void;

/**
 * Stops a subscription (idempotent). `ready` settles once the store is actually listening: on
 * PostgreSQL, once LISTEN has been acknowledged (it rejects if the listening connection cannot
 * be opened; the rejection is also reported to `onError`); on SQLite, at once.
 */
export type Unsubscribe = (() => void) & { readonly ready: Promise<void> };

/**
 * Storage of classroom rounds: counters only. No row per pupil, no answer vector, no IP address:
 * a submission is folded into the round's counters and only its idempotency key is kept (per
 * round, linked to nothing else), to refuse a second count of the same submission.
 *
 * Every method that writes runs in one database transaction and resolves only after the commit.
 * Time is passed in (`now`) so that callers and tests control it; a round is expired from
 * `expiresAt` on (`expiresAt <= now`).
 */
export interface ClassroomStore {
  /** `sqlite` or `postgres`. */
  readonly backend: 'sqlite' | 'postgres';

  /**
   * Creates a round with zero counters for each of its statements and parties, in one
   * transaction. Resolves `'code-taken'` (and changes nothing) when a round with this code exists,
   * closed or expired included, until it is deleted or purged. Throws on invalid input (empty or
   * duplicate ids, an invalid date).
   */
  createRound(round: NewRound): Promise<CreateRoundResult>;

  /** The round, or null when there is none or it is expired at `now` (default: the current time). */
  getRound(code: string, now?: Date): Promise<Round | null>;

  /**
   * Counts one submission, in one transaction: the round is locked; then `'not-found'` (no round),
   * `'expired'` (`expiresAt <= now`), `'duplicate'` (this idempotency key was already counted in
   * this round, also after the round was closed: a retry learns that it was counted), `'closed'`;
   * otherwise the key is stored, every counter gets `column = column + value` in the database and
   * `submissions` goes up by one, and the result is `'counted'` once committed. Only `'counted'`
   * changes anything. Safe under any concurrency: many calls at once, several store instances,
   * several processes on one PostgreSQL database. Throws (and changes nothing) on an invalid delta
   * or a statement or party id that is not in the round.
   */
  addSubmission(
    code: string,
    idempotencyKey: string,
    delta: CountersDelta,
    now: Date,
  ): Promise<SubmissionResult>;

  /**
   * Closes the round at `now`: later submissions get `'closed'`. `'already-closed'` if it was
   * closed before (the first close time is kept), `'not-found'` if there is none or it is expired.
   */
  closeRound(code: string, now: Date): Promise<CloseRoundResult>;

  /** Deletes the round with all its counters and idempotency keys, expired or not; false if there was none. */
  deleteRound(code: string): Promise<boolean>;

  /**
   * The round's counters, read in one consistent snapshot (the counters always belong to exactly
   * `submissions` submissions), or null when there is no round or it is expired at `now`.
   */
  readCounters(code: string, now?: Date): Promise<RoundCounters | null>;

  /** Deletes every round expired at `now` (`expiresAt <= now`) with everything in it; resolves how many rounds. */
  purgeExpired(now: Date): Promise<number>;

  /**
   * Calls `listener` after each committed submission to the round. On PostgreSQL this uses
   * LISTEN/NOTIFY, so it also hears submissions made through other store instances and processes
   * on the same database; the NOTIFY is sent inside the submission's transaction and so is
   * delivered only if and after it commits. After a lost connection the store reconnects and sends
   * each subscribed round's current count, so a listener should treat events as "the count is now
   * n" and may see the same n twice. On SQLite, listeners hear submissions made through any store
   * in this process on the same file (not other processes).
   */
  onSubmission(code: string, listener: SubmissionListener): Unsubscribe;

  /** Stops listening and releases every connection. The store cannot be used afterwards. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /**
   * Errors that have no caller to go to: a listener that throws, a lost LISTEN connection, an idle
   * pool connection that fails. Default: `console.error`.
   */
  onError?: (error: unknown) => void;
}
