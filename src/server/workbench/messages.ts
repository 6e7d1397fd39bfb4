/**
 * The workbench's error codes: status and Swedish sentence of every `{ error, message }` it
 * answers. `server-error` is the one 5xx.
 */
export const WORKBENCH_STATUS = {
  'invalid-json': 400,
  'invalid-body': 400,
  'invalid-title': 400,
  'invalid-label': 400,
  'invalid-coding': 400,
  'inconsistent-coding': 400,
  'invalid-quote': 400,
  'invalid-id': 400,
  'invalid-if-match': 400,
  'invalid-meta': 400,
  'invalid-party': 400,
  'invalid-programme': 400,
  'invalid-statement': 400,
  'invalid-decision': 400,
  'inconsistent-decision': 400,
  'invalid-import': 400,
  'invalid-publish': 400,
  'invalid-coders': 400,
  'reserved-id': 400,
  'quote-not-in-programme': 400,
  'missing-key': 401,
  'wrong-key': 403,
  'editor-only': 403,
  'coder-only': 403,
  'not-your-coding': 403,
  'no-coding': 404,
  'unknown-coder': 404,
  'unknown-statement': 404,
  'unknown-party': 404,
  'no-item': 404,
  'version-conflict': 409,
  'workspace-not-empty': 409,
  'too-few-coders': 409,
  'compass-taken': 409,
  'compass-id-fixed': 409,
  'body-too-large': 413,
  'unsupported-media-type': 415,
  'compass-invalid': 422,
  'draft-invalid': 422,
  'server-error': 500,
} as const;

export type WorkbenchErrorCode = keyof typeof WORKBENCH_STATUS;

export const WORKBENCH_MESSAGES: Readonly<Record<WorkbenchErrorCode, string>> = {
  'invalid-json': 'Förfrågan innehåller ingen giltig JSON.',
  'invalid-body': 'Förfrågan har inte den form tjänsten väntar sig.',
  'invalid-title': 'Arbetsytan behöver en titel: {"title": "…"}, 1–200 tecken och inga andra fält.',
  'invalid-label': 'Kodaren behöver ett namn: {"label": "…"}, 1–100 tecken och inga andra fält.',
  'invalid-coding':
    'En kodning skickas som {"position": -1, -0.5, 0, 0.5, 1 eller null, "kind": "stated", "implied" eller "silent", "quote": {"start": …, "end": …} eller null, "note": "…"} och inga andra fält.',
  'inconsistent-coding':
    'Kodningen går inte ihop: "silent" har varken position eller citat, "stated" har en position och ett citat, "implied" har en position.',
  'invalid-quote':
    'Citatets början och slut är positioner i programtexten: hela tal från 0, och början före slutet.',
  'invalid-id': 'Adressen har ingen giltig arbetsyta, kodare, påstående eller parti.',
  'invalid-if-match':
    'Huvudet If-Match ska vara versionen från den senaste läsningen eller skrivningen, t.ex. "3".',
  'invalid-meta':
    'Inställningarna har inte rätt form: id, titel och beskrivning (sv, gärna en), kommun, teman, ordlista och regler; se API-beskrivningen.',
  'invalid-party':
    'Partiet har inte rätt form: {"name", "short", "colour": "#RRGGBB", "source": {"url": …}} och inga andra fält.',
  'invalid-programme':
    'Programmet skickas som {"text": "…", "boilerplate": ["…"]}: en text på högst 2 MB och de stycken som inte är program.',
  'invalid-statement':
    'Påståendet har inte rätt form: tema, riktning, text och förklaring (sv, gärna en), termer och ordning; se API-beskrivningen.',
  'invalid-decision':
    'Ett beslut skickas som {"position", "kind", "quotes": [{"start", "end"}], "note": "…", "reason": "…"} och skälet får inte vara tomt.',
  'inconsistent-decision':
    'Beslutet går inte ihop: "silent" har varken position eller citat, "stated" har en position och minst ett citat, "implied" har en position.',
  'invalid-import':
    'En import skickas som {"compass": <kompassens öppna data>, "programmes": {"<parti>": "<programtext>"}}.',
  'invalid-publish': 'Skicka {"compass": "<id>"} med kompassens id som det står i inställningarna.',
  'invalid-coders': 'Ange två olika kodare: ?coders=<id>,<id>.',
  'reserved-id':
    'Det id:t är upptaget av en sida på webbplatsen. Välj ett annat, t.ex. kommunens namn och valåret.',
  'quote-not-in-programme':
    'Citatet finns inte ordagrant i partiets program: markera en mening eller ett stycke i programtexten (inte bara mellanrum, inte sidans kringtext, minst några ord).',
  'missing-key': 'Nyckeln saknas: skicka den som Authorization: Bearer <nyckel>.',
  'wrong-key': 'Nyckeln hör inte till den här arbetsytan.',
  'editor-only': 'Bara redaktören kan göra det här.',
  'coder-only': 'Bara en kodare kan skriva kodningar; redaktörens nyckel kan inte koda.',
  'not-your-coding': 'En kodare kan bara läsa sina egna kodningar.',
  'no-coding': 'Det finns ingen kodning här ännu.',
  'unknown-coder': 'Det finns ingen sådan kodare i arbetsytan.',
  'unknown-statement': 'Det finns inget sådant påstående i arbetsytan.',
  'unknown-party': 'Det finns inget sådant parti i arbetsytan.',
  'no-item': 'Det finns inget sådant i arbetsytan.',
  'version-conflict':
    'Det har ändrats sedan du läste det (eller finns redan). Inget skrevs över: här är den sparade versionen.',
  'workspace-not-empty':
    'Arbetsytan har redan partier eller påståenden. Importera till en ny, tom arbetsyta.',
  'too-few-coders': 'Överensstämmelse kräver två kodare i arbetsytan.',
  'compass-taken':
    'Det id:t används redan av en annan kompass. Byt id i inställningarna och publicera igen.',
  'compass-id-fixed':
    'Kompassen är redan publicerad under sitt id, och det id:t kan inte längre ändras.',
  'compass-invalid': 'Kompassen går inte att läsa in: se listan över fel.',
  'draft-invalid': 'Kompassen är inte klar att publicera: åtgärda felen i listan först.',
  'body-too-large': 'Förfrågan är för stor.',
  'unsupported-media-type': 'Skicka innehållet som application/json.',
  'server-error': 'Något gick fel i tjänsten. Försök igen om en stund.',
};

/** Ends a request with `{ error, message, …extra }` at the code's status, with these headers. */
export class WorkbenchError extends Error {
  constructor(
    readonly code: WorkbenchErrorCode,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(code);
  }
}

export const workbenchErrorBody = (code: WorkbenchErrorCode) => ({
  error: code,
  message: WORKBENCH_MESSAGES[code],
});
