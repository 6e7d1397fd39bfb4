/**
 * Where a save stands, passed in by whoever sends it: nothing yet, on its way, stored, or refused
 * with the service's message (Swedish, as the service writes every refusal).
 */
export type SaveState = 'idle' | 'saving' | 'saved' | { readonly error: string };
