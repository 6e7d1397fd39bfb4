/**
 * The classroom store's public types. The counters are the counting logic's own types
 * (src/domain/classroom/randomized-counters.ts): `readCounters` returns a `RandomizedCounters`,
 * and a `RandomizedCounters` from `randomizedDelta` is a valid `CountersDelta`.
 */
import type { CategoryCounts, RandomizedCounters } from '../../domain/classroom/index.ts';

export type { CategoryCounts, RandomizedCounters };

/**
 * What one submission adds: per statement id, how many sent each category. Missing entries and
 * missing fields count as 0. Every value must be a non-negative safe integer; `submissions`, when
 * present, must be 1 (the store always adds exactly one submission per call). Ids must be among
 * the round's `statementIds` (an entry that adds nothing, all zeros, is not looked up). Any other
 * field (`p` of a `RandomizedCounters`) is not read: the caller reads the body with the round's p.
 */
export interface CountersDelta {
  readonly submissions?: number;
  readonly statements: Readonly<Record<string, Readonly<Partial<CategoryCounts>>>>;
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
  /** The randomization probability of the round's submissions: a whole number of hundredths below 1. */
  p: number;
  /** The most submissions the round counts; one more is `'round-full'`. */
  maxSubmissions: number;
}

export interface Round {
  code: string;
  compass: string;
  version: string;
  /** True until the teacher closes the round (an expired round is never returned). */
  open: boolean;
  submissions: number;
  /** The round's randomization probability (0.4). */
  p: number;
  /** The most submissions the round counts. */
  maxSubmissions: number;
  createdAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  teacherKeyHash: string;
}

export type CreateRoundResult = 'created' | 'code-taken';
export type SubmissionResult =
  'counted' | 'duplicate' | 'closed' | 'round-full' | 'expired' | 'not-found';
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
 * Storage of classroom rounds: counters only. No row per pupil, no answer, no IP address: a
 * submission is folded into the round's counters of randomized categories, and only a keyed hash
 * of its idempotency key is kept (per round, linked to nothing else, in hash order), to refuse a
 * second count of the same submission while the round is open; closing the round deletes them.
 *
 * Every method that writes runs in one database transaction and resolves only after the commit.
 * Time is passed in (`now`) so that callers and tests control it; a round is expired from
 * `expiresAt` on (`expiresAt <= now`).
 */
export interface ClassroomStore {
  /** `sqlite` or `postgres`. */
  readonly backend: 'sqlite' | 'postgres';

  /**
   * Creates a round with zero counters for each of its statements, and a fresh random salt for
   * its idempotency keys, in one transaction. Resolves `'code-taken'` (and changes nothing) when a round with this code exists,
   * closed or expired included, until it is deleted or purged. Throws on invalid input (empty or
   * duplicate ids, an invalid date, a p that is not in hundredths, a cap that is not a whole
   * number ≥ 0).
   */
  createRound(round: NewRound): Promise<CreateRoundResult>;

  /** The round, or null when there is none or it is expired at `now` (default: the current time). */
  getRound(code: string, now?: Date): Promise<Round | null>;

  /**
   * Counts one submission, in one transaction: the round is locked; then `'not-found'` (no round),
   * `'expired'` (`expiresAt <= now`), `'duplicate'` (this idempotency key was already counted in
   * this open round), `'closed'` (also for a key counted before the close: closing deletes the
   * keys), `'round-full'` (it has counted `maxSubmissions`); otherwise the key's HMAC is stored,
   * every counter gets `column = column + value` in the database and `submissions` goes up by
   * one, and the result is `'counted'` once committed. Only `'counted'` changes anything. Safe under any concurrency: many calls at once, several store instances,
   * several processes on one PostgreSQL database. Throws (and changes nothing) on an invalid delta
   * or a statement id that is not in the round.
   */
  addSubmission(
    code: string,
    idempotencyKey: string,
    delta: CountersDelta,
    now: Date,
  ): Promise<SubmissionResult>;

  /**
   * Closes the round at `now` and deletes its idempotency keys: later submissions get `'closed'`.
   * `'already-closed'` if it was closed before (the first close time is kept), `'not-found'` if
   * there is none or it is expired.
   */
  closeRound(code: string, now: Date): Promise<CloseRoundResult>;

  /** Deletes the round with all its counters and idempotency keys, expired or not; false if there was none. */
  deleteRound(code: string): Promise<boolean>;

  /**
   * The round's counters, read in one consistent snapshot (the counters always belong to exactly
   * `submissions` submissions), or null when there is no round or it is expired at `now`.
   */
  readCounters(code: string, now?: Date): Promise<RandomizedCounters | null>;

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
