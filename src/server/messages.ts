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
  expired: 410,
  'body-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  'server-error': 500,
};

export const MESSAGES: Readonly<Record<ErrorCode, string>> = {
  'invalid-json': 'Förfrågan innehåller ingen giltig JSON.',
  'invalid-body': 'Förfrågan har inte den form tjänsten väntar sig.',
  'invalid-voter':
    'Svaren ska skickas som {"answers": {…}} och inga andra fält, till exempel inga egna procentsatser.',
  'invalid-answer':
    'Ett svar ligger utanför skalan: tillåtet är -1, -0.5, 0, 0.5, 1 eller "skip", och "important" som sant eller falskt.',
  'unknown-statement': 'Svaren nämner ett påstående som inte finns i klassomgångens valkompass.',
  'party-filter': 'En klass jämför alla partier, så svaren får inte välja ut partier.',
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
  expired: 'Klassomgången har gått ut.',
  'body-too-large': 'Förfrågan är för stor.',
  'unsupported-media-type': 'Skicka innehållet som application/json.',
  'rate-limited': 'För många förfrågningar just nu. Vänta en stund och försök igen.',
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
