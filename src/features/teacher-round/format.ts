/** An instant as the teacher reads it: weekday, date and time, in the page's language, Western digits. */
export function formatInstant(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(`${language}-u-nu-latn`, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** The join code spelt out symbol by symbol, for screen readers ("K 7 M, 2 X P, 9 D W"). */
export const spellCode = (code: string) =>
  (code.match(/.{1,3}/g) ?? []).map((group) => [...group].join(' ')).join(', ');
