/**
 * The rounds service: what the classroom API does, without HTTP. It starts rounds, looks them up
 * with their expiry (404 gone, 410 expired), counts submissions, closes, deletes and reports
 * them, over a ClassroomStore; a failure is an `HttpError` with the contract's code. The routes
 * in http/ only read requests and write responses.
 *
 * Privacy: a submission is randomized response (src/domain/classroom/randomized-response.ts):
 * the pupil's browser sends one category per statement, each the true one only with a known
 * probability. It is read here (`randomizedDelta`), added to the round's category counters and
 * forgotten; the teacher sees estimates (`randomizedClassResult`). The teacher key is compared as
 * a hash.
 */
import { randomBytes } from 'node:crypto';
import type { Compass } from '../domain/bank/types.ts';
import {
  type CloseResponse,
  type CreateSessionResponse,
  makeJoinCode,
  RANDOMIZATION_P,
  randomizedClassResult,
  randomizedDelta,
  type ResultsResponse,
  type SessionResponse,
  type SubmissionResponse,
} from '../domain/classroom/index.ts';
import type { RoundState } from './http/live-count.ts';
import { RoundNews } from './http/live-count.ts';
import {
  hashTeacherKey,
  makeTeacherKey,
  readTeacherKey,
  teacherKeyMatches,
} from './http/teacher-key.ts';
import { HttpError } from './messages.ts';
import type { ClassroomStore, Round } from './storage/index.ts';

const HOUR_MS = 60 * 60 * 1000;
const CODE_ATTEMPTS = 8;
/** Rounds whose compass and p are remembered for reading submissions (a few hundred bytes each). */
const ROUND_CACHE_SIZE = 10_000;
/** A time before any round: `getRound(code, BEFORE_ANY_ROUND)` finds a round even when it has expired. */
const BEFORE_ANY_ROUND = new Date(0);

/** A round looked up by code: missing (never there or removed), expired (still stored) or live. */
export type Lookup =
  | { readonly kind: 'missing' }
  | { readonly kind: 'expired'; readonly round: Round }
  | { readonly kind: 'live'; readonly round: Round };

export interface RoundsOptions {
  readonly store: ClassroomStore;
  readonly compasses: ReadonlyMap<string, Compass>;
  /** How long a round lives, in hours. */
  readonly roundTtlHours: number;
  /** The most submissions one round counts; one more gets 409 `round-full` (default 500). */
  readonly maxSubmissionsPerRound?: number;
  readonly now: () => Date;
}

/** `RoundsOptions.maxSubmissionsPerRound` by default: ten times a large class, retries aside. */
export const DEFAULT_MAX_SUBMISSIONS_PER_ROUND = 500;

/** A response body with the status it is sent with. */
export interface Answered<T> {
  readonly status: number;
  readonly body: T;
}

export class RoundService {
  readonly store: ClassroomStore;
  /** Closes and deletes made through this process, for the live streams. */
  readonly news = new RoundNews();
  readonly #compasses: ReadonlyMap<string, Compass>;
  readonly #ttlMs: number;
  readonly #maxSubmissions: number;
  readonly #now: () => Date;
  /**
   * The compass and p of a round by its code, for reading a submission. They never change, so
   * they are remembered (until the round expires or is deleted here) and a submission needs no
   * read before its transaction.
   */
  readonly #roundCompasses = new Map<string, { compass: Compass; p: number; expiresAt: number }>();

  constructor(options: RoundsOptions) {
    this.store = options.store;
    this.#compasses = options.compasses;
    this.#ttlMs = options.roundTtlHours * HOUR_MS;
    this.#maxSubmissions = options.maxSubmissionsPerRound ?? DEFAULT_MAX_SUBMISSIONS_PER_ROUND;
    this.#now = options.now;
  }

  /** Starts a round of a compass the service has, with a fresh join code and teacher key. */
  async create(compassId: string): Promise<CreateSessionResponse> {
    const compass = this.#compasses.get(compassId);
    if (!compass) throw new HttpError('unknown-compass');
    const teacherKey = makeTeacherKey();
    const createdAt = this.#now();
    const expiresAt = new Date(createdAt.getTime() + this.#ttlMs);
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const code = makeJoinCode((n) => randomBytes(n));
      const created = await this.store.createRound({
        code,
        teacherKeyHash: hashTeacherKey(teacherKey),
        compass: compass.id,
        version: compass.version,
        createdAt,
        expiresAt,
        statementIds: compass.statements.map((s) => s.id),
        p: RANDOMIZATION_P,
        maxSubmissions: this.#maxSubmissions,
      });
      if (created === 'created') {
        const { id, version } = compass;
        return { code, teacherKey, compass: id, version, expiresAt: expiresAt.toISOString() };
      }
    }
    throw new Error(`no free join code in ${CODE_ATTEMPTS} attempts`);
  }

  /** The round by code, expired or not. */
  async lookup(code: string): Promise<Lookup> {
    const round = await this.store.getRound(code, BEFORE_ANY_ROUND);
    if (!round) return { kind: 'missing' };
    return round.expiresAt.getTime() <= this.#now().getTime()
      ? { kind: 'expired', round }
      : { kind: 'live', round };
  }

  /** The live round, or the error for a missing (404) or expired (410) one. */
  async live(code: string): Promise<Round> {
    const found = await this.lookup(code);
    if (found.kind === 'missing') throw new HttpError('not-found');
    if (found.kind === 'expired') throw new HttpError('expired');
    return found.round;
  }

  /** What the live count shows of a round: null when it is gone or expired. */
  async state(code: string): Promise<RoundState> {
    const found = await this.lookup(code);
    return found.kind === 'live'
      ? { open: found.round.open, submissions: found.round.submissions }
      : null;
  }

  async session(code: string): Promise<SessionResponse> {
    const round = await this.live(code);
    const { compass, version, open, submissions } = round;
    return { compass, version, open, submissions, expiresAt: round.expiresAt.toISOString() };
  }

  /**
   * Reads a submission's categories with the round's p (a ClassroomError is its 400) and counts
   * them; the store decides not-found, expired, duplicate, closed or round-full inside the
   * submission's own transaction.
   */
  async submit(code: string, key: string, body: unknown): Promise<Answered<SubmissionResponse>> {
    const { compass, p } = await this.#roundOfCode(code);
    const delta = randomizedDelta(compass, body, p);
    const result = await this.store.addSubmission(code, key, delta, this.#now());
    switch (result) {
      case 'counted':
        return { status: 201, body: { status: 'counted' } };
      case 'duplicate':
        return { status: 200, body: { status: 'already-counted' } };
      default:
        throw new HttpError(result);
    }
  }

  /** Closes the round (idempotent) with the teacher's key. */
  async close(code: string, authorization: unknown): Promise<CloseResponse> {
    checkTeacher(authorization, await this.live(code));
    const result = await this.store.closeRound(code, this.#now());
    if (result === 'not-found') await this.live(code); // gone or expired in between: 404/410
    const round = await this.live(code);
    this.news.emit(code, { open: false, submissions: round.submissions });
    return { open: false, submissions: round.submissions };
  }

  /** Deletes the round with the teacher's key; an expired round not purged yet too. */
  async remove(code: string, authorization: unknown): Promise<void> {
    const found = await this.lookup(code);
    if (found.kind === 'missing') throw new HttpError('not-found');
    checkTeacher(authorization, found.round);
    await this.store.deleteRound(code);
    this.#roundCompasses.delete(code);
    this.news.emit(code, null);
  }

  /** The class's figures of a closed round, with the teacher's key (409 while open). */
  async results(code: string, authorization: unknown): Promise<ResultsResponse> {
    const round = await this.live(code);
    checkTeacher(authorization, round);
    if (round.open) throw new HttpError('still-open');
    const counters = await this.store.readCounters(code, this.#now());
    if (counters === null) {
      await this.live(code); // expired in between: 410
      throw new HttpError('not-found');
    }
    const result = randomizedClassResult(this.#compassOf(round), counters, { open: false });
    if ('status' in result) throw new HttpError('still-open');
    return result;
  }

  /** Deletes every expired round; resolves how many. */
  purge(): Promise<number> {
    return this.store.purgeExpired(this.#now());
  }

  /** The round's compass as the server has it; a round of another version cannot be read. */
  #compassOf(round: Round): Compass {
    const compass = this.#compasses.get(round.compass);
    if (!compass || compass.version !== round.version) throw new HttpError('unknown-compass');
    return compass;
  }

  /** The compass and p of a live round by its code, remembered; an unknown or expired code is 404/410. */
  async #roundOfCode(code: string): Promise<{ compass: Compass; p: number }> {
    const cache = this.#roundCompasses;
    const known = cache.get(code);
    if (known && known.expiresAt > this.#now().getTime()) return known;
    cache.delete(code);
    const round = await this.live(code);
    const entry = {
      compass: this.#compassOf(round),
      p: round.p,
      expiresAt: round.expiresAt.getTime(),
    };
    // Forget the oldest entry when full (a Map iterates in insertion order).
    if (cache.size >= ROUND_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(code, entry);
    return entry;
  }
}

/** The teacher's key from an Authorization header, checked against the round (401 missing, 403 wrong). */
function checkTeacher(authorization: unknown, round: Round): void {
  const key = readTeacherKey(typeof authorization === 'string' ? authorization : undefined);
  if (key === null) throw new HttpError('missing-teacher-key');
  if (!teacherKeyMatches(key, round.teacherKeyHash)) throw new HttpError('wrong-teacher-key');
}
