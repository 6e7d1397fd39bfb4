/**
 * The published compasses' error codes: status and Swedish sentence of every `{ error, message }`
 * the plugin answers itself (an address it does not serve falls through to the site, whose
 * not-found answer is the server's `no-such-endpoint`). `server-error` is the one 5xx.
 */
export const PUBLISHED_STATUS = {
  'invalid-query': 400,
  'no-such-version': 404,
  'server-error': 500,
} as const;

export type PublishedErrorCode = keyof typeof PUBLISHED_STATUS;

export const PUBLISHED_MESSAGES: Readonly<Record<PublishedErrorCode, string>> = {
  'invalid-query':
    'Sökningen skickas som ?q=<text> (högst 200 tecken) och ?offset=<tal> (ett helt tal från 0), vart och ett högst en gång.',
  'no-such-version': 'Den här valkompassen finns inte i den versionen.',
  'server-error': 'Något gick fel i tjänsten. Försök igen om en stund.',
};

export const publishedErrorBody = (code: PublishedErrorCode) => ({
  error: code,
  message: PUBLISHED_MESSAGES[code],
});
