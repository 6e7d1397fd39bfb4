import { isLanguage, type Language } from '../../i18n/i18n.ts';

/** The options of an embedded compass, read from the frame's query string (see EMBED.md). */
export interface EmbedOptions {
  readonly lang: Language | null;
  readonly parties: readonly string[] | null;
  readonly accent: string | null;
  readonly theme: 'light' | 'dark' | 'auto';
  readonly compact: boolean;
  readonly start: 'start' | 'quiz';
  readonly statement: string | null;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast ratio of a colour against white, 1..21. */
export const contrastOnWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05);

/**
 * Reads and validates the options; a bad value is dropped with a console warning, never a broken
 * widget. An accent colour without 4.5:1 contrast on white is dropped too (text must stay legible).
 */
export function readEmbedOptions(
  search: string,
  warn: (message: string) => void = () => undefined,
): EmbedOptions {
  const query = new URLSearchParams(search);
  const take = <T>(
    name: string,
    valid: (value: string) => boolean,
    read: (value: string) => T,
  ): T | null => {
    const value = query.get(name);
    if (value === null) return null;
    if (valid(value)) return read(value);
    warn(`valkompass: ignoring ${name}="${value}"`);
    return null;
  };
  const accent = take(
    'accent',
    (v) => /^#[0-9a-fA-F]{6}$/.test(v),
    (v) => v,
  );
  if (accent !== null && contrastOnWhite(accent) < 4.5)
    warn(`valkompass: ignoring accent="${accent}" (contrast below 4.5:1 on white)`);
  return {
    lang: take('lang', isLanguage, (v) => v as Language),
    parties: take(
      'parties',
      (v) => v.split(',').every((p) => ID.test(p)),
      (v) => v.split(','),
    ),
    accent: accent !== null && contrastOnWhite(accent) >= 4.5 ? accent : null,
    theme:
      take(
        'theme',
        (v) => v === 'light' || v === 'dark' || v === 'auto',
        (v) => v as EmbedOptions['theme'],
      ) ?? 'auto',
    compact:
      take(
        'compact',
        (v) => v === 'true' || v === 'false',
        (v) => v === 'true',
      ) ?? false,
    start:
      take(
        'start',
        (v) => v === 'start' || v === 'quiz',
        (v) => v as EmbedOptions['start'],
      ) ?? 'start',
    statement: take(
      'statement',
      (v) => ID.test(v),
      (v) => v,
    ),
  };
}

/** A message from the frame to the host page: never an answer, never a result. */
export type HostMessage =
  | { readonly source: 'valkompass'; readonly type: 'height'; readonly height: number }
  | { readonly source: 'valkompass'; readonly type: 'ready' | 'started' }
  | { readonly source: 'valkompass'; readonly type: 'completed'; readonly answered: number };
