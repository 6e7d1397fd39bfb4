/**
 * The app's client for the classroom service (the contract is src/domain/classroom/http-contract.ts,
 * documented in docs/classroom-api.yaml). Every call resolves to a tagged outcome and never
 * throws: the pages show a sentence for each, from the error code.
 *
 * The service is optional: a static host answers `/api/health` with its index.html or a 404,
 * which `checkService` reports as `absent`.
 */
import {
  type ApiErrorCode,
  classroomApi,
  type CloseResponse,
  COUNT_EVENT,
  type CountEvent,
  type CreateSessionResponse,
  IDEMPOTENCY_HEADER,
  type ResultsResponse,
  type SessionResponse,
  type SubmissionRequest,
  type SubmissionResponse,
} from '../domain/classroom/http-contract.ts';

/** What a call gave: the body, an error from the service (its code), or no usable answer at all. */
export type ApiOutcome<T> =
  | { readonly ok: true; readonly status: number; readonly body: T }
  | { readonly ok: false; readonly error: ApiErrorCode | 'network' | 'unexpected' };

type Fetch = typeof fetch;

async function call<T>(
  fetcher: Fetch,
  path: string,
  init: RequestInit & { teacherKey?: string } = {},
): Promise<ApiOutcome<T>> {
  const { teacherKey, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Accept', 'application/json');
  if (rest.body !== undefined) headers.set('Content-Type', 'application/json');
  if (teacherKey) headers.set('Authorization', `Bearer ${teacherKey}`);
  let response: Response;
  try {
    response = await fetcher(path, { ...rest, headers, credentials: 'omit', cache: 'no-store' });
  } catch {
    return { ok: false, error: 'network' };
  }
  if (response.status === 204) return { ok: true, status: 204, body: undefined as T };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: 'unexpected' };
  }
  if (response.ok) return { ok: true, status: response.status, body: body as T };
  const code = (body as { error?: unknown } | null)?.error;
  return { ok: false, error: typeof code === 'string' ? (code as ApiErrorCode) : 'unexpected' };
}

/** Whether this site runs the classroom service: `present` only for `{ "status": "ok" }` as JSON. */
export async function checkService(fetcher: Fetch = fetch): Promise<'present' | 'absent'> {
  const outcome = await call<{ status?: unknown }>(fetcher, classroomApi.health);
  return outcome.ok && outcome.body.status === 'ok' ? 'present' : 'absent';
}

export const createSession = (compass: string, fetcher: Fetch = fetch) =>
  call<CreateSessionResponse>(fetcher, classroomApi.sessions, {
    method: 'POST',
    body: JSON.stringify({ compass }),
  });

export const getSession = (code: string, fetcher: Fetch = fetch) =>
  call<SessionResponse>(fetcher, classroomApi.session(code));

/** Sends a pupil's answers. The same `idempotencyKey` again is counted once (`already-counted`). */
export const submitAnswers = (
  code: string,
  submission: SubmissionRequest,
  idempotencyKey: string,
  fetcher: Fetch = fetch,
) =>
  call<SubmissionResponse>(fetcher, classroomApi.submissions(code), {
    method: 'POST',
    body: JSON.stringify(submission),
    headers: { [IDEMPOTENCY_HEADER]: idempotencyKey },
  });

export const closeSession = (code: string, teacherKey: string, fetcher: Fetch = fetch) =>
  call<CloseResponse>(fetcher, classroomApi.close(code), { method: 'POST', teacherKey });

export const deleteSession = (code: string, teacherKey: string, fetcher: Fetch = fetch) =>
  call<undefined>(fetcher, classroomApi.session(code), { method: 'DELETE', teacherKey });

export const getResults = (code: string, teacherKey: string, fetcher: Fetch = fetch) =>
  call<ResultsResponse>(fetcher, classroomApi.results(code), { teacherKey });

/**
 * Follows a round's live count with Server-Sent Events (the browser reconnects by itself).
 * Returns a function that stops listening. No key is sent: the count is public to anyone with the
 * code, as `getSession` is.
 */
export function followCount(
  code: string,
  onCount: (event: CountEvent) => void,
  onTrouble: () => void = () => {},
): () => void {
  if (typeof EventSource === 'undefined') {
    onTrouble();
    return () => {};
  }
  const source = new EventSource(classroomApi.events(code));
  source.addEventListener(COUNT_EVENT, (message) => {
    try {
      const data = JSON.parse((message as MessageEvent<string>).data) as CountEvent;
      if (typeof data.submissions === 'number') onCount(data);
    } catch {
      // A malformed event is ignored; the next one carries the whole count again.
    }
  });
  source.addEventListener('error', onTrouble);
  return () => source.close();
}
