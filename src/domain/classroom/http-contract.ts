/**
 * The classroom service's HTTP contract, as types: the one place the server (src/server) and the
 * app (src/features/classroom) agree on paths, bodies, error codes and the live-count events.
 * docs/classroom-api.yaml documents the same contract as OpenAPI for other clients; the service's
 * tests check that the two agree. Pure: no React, DOM or Node.
 */
import type { RandomizedClassFigures, RandomizedWithheld } from './randomized-estimate.ts';
import type { RandomizedSubmission } from './randomized-response.ts';

/**
 * Every route of the API, by the OpenAPI file's operationId: method and path template (`{code}`
 * for the join code). Written once: the server registers exactly these (src/server/http), the
 * paths below are made from them, and docs/classroom-api.yaml is tested against them.
 */
export const CLASSROOM_ROUTES = {
  health: { method: 'GET', path: '/api/health' },
  createSession: { method: 'POST', path: '/api/sessions' },
  getSession: { method: 'GET', path: '/api/sessions/{code}' },
  deleteSession: { method: 'DELETE', path: '/api/sessions/{code}' },
  submitAnswers: { method: 'POST', path: '/api/sessions/{code}/submissions' },
  closeSession: { method: 'POST', path: '/api/sessions/{code}/close' },
  getResults: { method: 'GET', path: '/api/sessions/{code}/results' },
  followCount: { method: 'GET', path: '/api/sessions/{code}/events' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'DELETE'; path: string }>;

/** The path of a route template for one (canonical) join code. */
const withCode =
  (template: string) =>
  (code: string): string =>
    template.replace('{code}', encodeURIComponent(code));

/** Every path of the API, under the app's own origin. `code` is a canonical join code. */
export const classroomApi = {
  health: CLASSROOM_ROUTES.health.path,
  sessions: CLASSROOM_ROUTES.createSession.path,
  session: withCode(CLASSROOM_ROUTES.getSession.path),
  submissions: withCode(CLASSROOM_ROUTES.submitAnswers.path),
  close: withCode(CLASSROOM_ROUTES.closeSession.path),
  results: withCode(CLASSROOM_ROUTES.getResults.path),
  /** Server-Sent Events: the live count. Public like `session` (it says no more), so no key is needed and none is ever put in a URL. */
  events: withCode(CLASSROOM_ROUTES.followCount.path),
} as const;

/** `GET /api/health` → 200. Anything else (a static host's index.html, a 404, no network) means "no classroom service here". */
export interface HealthResponse {
  readonly status: 'ok';
}

/** `POST /api/sessions` body. */
export interface CreateSessionRequest {
  readonly compass: string;
}

/** `POST /api/sessions` → 201. `teacherKey` is shown once; the server keeps only its hash. */
export interface CreateSessionResponse {
  /** Canonical join code, 9 symbols (display it with `formatJoinCode`). */
  readonly code: string;
  /** The teacher's secret (base64url, 256 bits): `Authorization: Bearer <teacherKey>`. */
  readonly teacherKey: string;
  readonly compass: string;
  readonly version: string;
  /** ISO 8601 instant from which the round is gone. */
  readonly expiresAt: string;
}

/** `GET /api/sessions/{code}` → 200. */
export interface SessionResponse {
  readonly compass: string;
  readonly version: string;
  readonly open: boolean;
  readonly submissions: number;
  /** ISO 8601 instant from which the round is gone. */
  readonly expiresAt: string;
}

/**
 * `POST /api/sessions/{code}/submissions` body: `{ "p": 0.4, "categories": { id: category } }`,
 * every statement of the round's compass with the category the pupil's browser sent after
 * randomized response (randomized-response.ts), never the pupil's answers; with header
 * `Idempotency-Key`: 16–128 characters of `A–Z a–z 0–9 - _`, made once per pupil and round by
 * the pupil's browser (e.g. `crypto.randomUUID()`). The five-point `{ "answers": … }` of older
 * apps is refused with `outdated-submission`, another p with `wrong-randomization`.
 */
export type SubmissionRequest = RandomizedSubmission;

/** The header that makes a submission idempotent, and its allowed form. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * `POST …/submissions` → 201 `{ status: 'counted' }` once committed, or 200
 * `{ status: 'already-counted' }` when this idempotency key was counted before (nothing changes).
 */
export interface SubmissionResponse {
  readonly status: 'counted' | 'already-counted';
}

/** `POST …/close` → 200 (also when it was closed before: closing is idempotent). */
export interface CloseResponse {
  readonly open: false;
  readonly submissions: number;
}

/**
 * `GET …/results` with the teacher key → 200 with one of these (409 `still-open` while open):
 * fewer than ten submissions → only their number (`withheld: 'too-few'`), else p, the observed
 * counts, the estimated shares with their standard errors and the class profile's agreement with
 * each party (randomized-estimate.ts).
 */
export type ResultsResponse = RandomizedWithheld | RandomizedClassFigures;

/** `DELETE /api/sessions/{code}` → 204, no body. */

/**
 * The live count (`GET …/events`, `text/event-stream`): on connect and after every counted
 * submission, `event: count` with `data: {"submissions": n, "open": bool}`; a comment line every
 * 20 s keeps proxies from closing the stream. Treat each event as "the count is now n".
 */
export const COUNT_EVENT = 'count';
export interface CountEvent {
  readonly submissions: number;
  readonly open: boolean;
}

/** Every error response: `{ error, message }`, `message` one Swedish sentence for people. */
export interface ApiError {
  readonly error: ApiErrorCode;
  readonly message: string;
}

/**
 * The stable error codes (never renamed or reused). 400: `invalid-json`, `invalid-body`,
 * `invalid-voter`, `invalid-answer`, `unknown-statement`, `party-filter` (no longer sent: the
 * randomized shape has no filter), `outdated-submission`, `wrong-randomization`, `invalid-code`,
 * `missing-idempotency-key`, `invalid-idempotency-key`; 401: `missing-teacher-key`; 403:
 * `wrong-teacher-key`; 404: `not-found` (no such round, or it expired and was removed),
 * `unknown-compass`, `no-such-endpoint`; 405: `method-not-allowed`; 409: `still-open`, `closed`
 * (submitting to a closed round), `round-full` (the round has counted as many as it takes); 410:
 * `expired`; 413: `body-too-large`; 415: `unsupported-media-type`; 429: `rate-limited`,
 * `too-many-submissions` (this address has sent as many to this round as one school's network
 * may), `too-many-streams` (live counts open from this address or in all); 500 `server-error`
 * only for the service's own faults.
 */
export type ApiErrorCode =
  | 'invalid-json'
  | 'invalid-body'
  | 'invalid-voter'
  | 'invalid-answer'
  | 'unknown-statement'
  | 'party-filter'
  | 'outdated-submission'
  | 'wrong-randomization'
  | 'invalid-code'
  | 'missing-idempotency-key'
  | 'invalid-idempotency-key'
  | 'missing-teacher-key'
  | 'wrong-teacher-key'
  | 'not-found'
  | 'unknown-compass'
  | 'no-such-endpoint'
  | 'method-not-allowed'
  | 'still-open'
  | 'closed'
  | 'round-full'
  | 'expired'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'too-many-submissions'
  | 'too-many-streams'
  /** 500: a fault of the service itself (never bad input); logged without the request. */
  | 'server-error';
