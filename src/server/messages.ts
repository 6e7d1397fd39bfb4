/**
 * The Swedish sentence of every error response (`{ error, message }`), by its stable code. The
 * codes are the contract's (src/domain/classroom/http-contract.ts); `server-error` is the one 5xx.
 */
import type { ApiErrorCode } from '../domain/classroom/index.ts';

/** An error code of a response: the contract's 4xx codes and the one 5xx. */
export type ErrorCode = ApiErrorCode | 'server-error';

export const STATUS: Readonly<Record<ErrorCode, number>> = {
  'invalid-json': 400,
  'invalid-body': 400,
  'invalid-voter': 400,
  'invalid-answer': 400,
  'unknown-statement': 400,
  'party-filter': 400,
  'outdated-submission': 400,
  'wrong-randomization': 400,
  'invalid-code': 400,
  'missing-idempotency-key': 400,
  'invalid-idempotency-key': 400,
  'missing-teacher-key': 401,
  'wrong-teacher-key': 403,
  'not-found': 404,
  'unknown-compass': 404,
  'no-such-endpoint': 404,
  'method-not-allowed': 405,
  'still-open': 409,
  closed: 409,
  'round-full': 409,
  expired: 410,
  'body-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  'too-many-submissions': 429,
  'too-many-streams': 429,
  'server-error': 500,
};

export const MESSAGES: Readonly<Record<ErrorCode, string>> = {
  'invalid-json': 'Förfrågan innehåller ingen giltig JSON.',
  'invalid-body': 'Förfrågan har inte den form tjänsten väntar sig.',
  'invalid-voter':
    'Svaren ska skickas som {"p": 0.4, "categories": {…}} med en kategori för varje påstående i valkompassen och inga andra fält.',
  'invalid-answer': 'En kategori är okänd: tillåtet är "emot", "varken", "for" och "hoppade-over".',
  'unknown-statement': 'Svaren nämner ett påstående som inte finns i klassomgångens valkompass.',
  'party-filter': 'En klass jämför alla partier, så svaren får inte välja ut partier.',
  'outdated-submission':
    'Svaren kommer från en äldre version av sidan som skickade elevens egna svar. Ladda om sidan: nu skickas {"p": 0.4, "categories": {…}}, där en del svar är slumpade innan de lämnar enheten.',
  'wrong-randomization':
    'Svaren är slumpade med ett annat p än klassomgångens 0,4. Ladda om sidan och skicka igen.',
  'invalid-code': 'Det där är ingen giltig kod för en klassomgång.',
  'missing-idempotency-key': 'Huvudet Idempotency-Key saknas.',
  'invalid-idempotency-key':
    'Huvudet Idempotency-Key ska vara 16–128 tecken av A–Z, a–z, 0–9, - och _.',
  'missing-teacher-key': 'Lärarnyckeln saknas: skicka den som Authorization: Bearer <nyckel>.',
  'wrong-teacher-key': 'Lärarnyckeln stämmer inte för den här klassomgången.',
  'not-found': 'Det finns ingen klassomgång med den koden, eller så har den redan raderats.',
  'unknown-compass': 'Den valkompassen finns inte på den här tjänsten.',
  'no-such-endpoint': 'Den adressen finns inte.',
  'method-not-allowed': 'Den metoden går inte att använda på den här adressen.',
  'still-open': 'Klassomgången är fortfarande öppen: stäng den först, sedan visas resultatet.',
  closed: 'Klassomgången är stängd och tar inte emot fler svar.',
  'round-full':
    'Klassomgången har tagit emot så många svar som den kan ta. Läraren kan starta en ny.',
  expired: 'Klassomgången har gått ut.',
  'body-too-large': 'Förfrågan är för stor.',
  'unsupported-media-type': 'Skicka innehållet som application/json.',
  'rate-limited': 'För många förfrågningar just nu. Vänta en stund och försök igen.',
  'too-many-submissions':
    'Från det här nätverket har klassomgången redan fått så många svar som en klass kan skicka.',
  'too-many-streams':
    'För många öppna liveräkningar just nu. Stäng en flik med klassomgången och försök igen.',
  'server-error': 'Något gick fel i tjänsten. Försök igen om en stund.',
};

/** The response body of an error. */
export const errorBody = (code: ErrorCode, message: string = MESSAGES[code]) => ({
  error: code,
  message,
});

/**
 * Ends a request with an error response (`{ error, message }` with the code's status and these
 * headers): thrown by the rounds service and the routes, answered by the error handler.
 */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}
