import type { Localized } from '../domain/bank/types.ts';

/** The text in the given language, falling back to Swedish (the authoritative text). */
export function localized(text: Localized, language: string): string {
  const key = language.split('-')[0] as keyof Localized;
  return text[key] ?? text.sv;
}
