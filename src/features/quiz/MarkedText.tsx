import type { ReactNode } from 'react';
import type { GlossaryEntry } from '../../domain/bank/types.ts';
import { localized } from '../../i18n/localized.ts';

/** The word a glossary entry is found by in running text: its name without a parenthesis. */
const wordOf = (term: GlossaryEntry, language: string) =>
  localized(term.term, language).split(' (')[0]!.trim();

/**
 * Statement text with the glossary terms it uses marked where they occur (first occurrence,
 * case-insensitive); each mark points to the term's explanation below with aria-describedby.
 */
export function MarkedText({
  text,
  terms,
  language,
}: {
  text: string;
  terms: readonly GlossaryEntry[];
  language: string;
}) {
  const found: { start: number; end: number; id: string }[] = [];
  for (const term of terms) {
    const word = wordOf(term, language);
    if (word.length < 2) continue;
    const start = text.toLocaleLowerCase(language).indexOf(word.toLocaleLowerCase(language));
    if (start < 0 || found.some((f) => start < f.end && f.start < start + word.length)) continue;
    found.push({ start, end: start + word.length, id: term.id });
  }
  found.sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const f of found) {
    out.push(text.slice(at, f.start));
    out.push(
      <span key={f.id} className="term" aria-describedby={`term-${f.id}`}>
        {text.slice(f.start, f.end)}
      </span>,
    );
    at = f.end;
  }
  out.push(text.slice(at));
  return <>{out}</>;
}
