/**
 * The embed contract: everything the loader on the news site (`embed.js`, built from loader.ts),
 * the snippet builder (snippet.ts) and the app inside the frame (embed-options.ts, EmbedBridge)
 * must agree on, in one place. EMBED.md documents it for news sites.
 *
 * The loader bundles this module, so it imports only small, side-effect-free modules (no React,
 * no i18next, not the route table in paths.ts) and the loader stays within its size budget.
 */
import { embedFrame } from './embed-path.ts';
import { isLanguage, type Language, LANGUAGES } from './languages.ts';

// --- the loader and its containers --------------------------------------------------------------

/** The loader's file at the site root: `<script src="https://<host>/embed.js" async>`. */
export const LOADER_FILE = 'embed.js';

/** The container's attribute, `data-valkompass="<compass id>"`; its options are `data-<name>`. */
export const CONTAINER_ATTRIBUTE = 'data-valkompass';

/** The container's attribute for the frame's title (for screen readers). */
export const TITLE_ATTRIBUTE = 'data-title';

/** The frame's title when the container sets none: the app's name, the same in every language. */
export const DEFAULT_FRAME_TITLE = 'Valkompass';

/** Marks the loader's frame, so that a container is never filled twice. */
export const FRAME_MARKER = 'data-valkompass-frame';

/** The frame's sandbox: scripts and storage of its own origin, and links that open a tab. */
export const FRAME_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** The frame's referrer policy: the compass never learns which article it is in. */
export const FRAME_REFERRER_POLICY = 'no-referrer';

// --- heights ---------------------------------------------------------------------------------

/** What a frame shows: the whole quiz, the whole quiz in compact mode, or one statement. */
export type FrameKind = 'full' | 'compact' | 'statement';

export const frameKind = (statement: boolean, compact: boolean): FrameKind =>
  statement ? 'statement' : compact ? 'compact' : 'full';

/**
 * Height in px reserved for the loader's frame, and by the snippet on its container, before the
 * frame sizes itself (so that the host page never shifts).
 */
export const RESERVED_HEIGHT: Readonly<Record<FrameKind, number>> = {
  full: 640,
  compact: 480,
  statement: 420,
};

/** Fixed height in px of the script-free iframe, which cannot follow its content. */
export const PLAIN_FRAME_HEIGHT: Readonly<Record<'quiz' | 'statement', number>> = {
  quiz: 1100,
  statement: 900,
};

/** A frame asking for a height outside 0 < height < this (px) is ignored. */
export const MAX_FRAME_HEIGHT = 20_000;

// --- options ---------------------------------------------------------------------------------

/** A compass, party or statement id: lower-case letters and digits, in words joined by `-`. */
export const isId = (value: string): value is string => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);

/** The app's accent colour in light mode (app.css `--accent`), the builder's starting colour. */
export const DEFAULT_ACCENT = '#0b5cad';

/** The least contrast an accent colour must have against white, so that text stays legible. */
export const MIN_ACCENT_CONTRAST = 4.5;

/** Contrast ratio of a `#rrggbb` colour against white, 1..21 (WCAG relative luminance). */
export function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r! + 0.7152 * g! + 0.0722 * b! + 0.05);
}

export const isReadableAccent = (hex: string): boolean =>
  contrastOnWhite(hex) >= MIN_ACCENT_CONTRAST;

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export const STARTS = ['start', 'quiz'] as const;
export type Start = (typeof STARTS)[number];

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): value is T =>
    (values as readonly string[]).includes(value);
const BOOLEANS = ['true', 'false'] as const;
const oneOfHint = (values: readonly string[]) => `use ${values.join(', ')}`;

/** What a valid value of an option is (`T`), and a hint for the console warning. */
export interface OptionRule<T extends string> {
  readonly valid: (value: string) => value is T;
  readonly hint: string;
}

/**
 * Every option, as `data-<name>` on the container and `<name>` in the frame's query, in the
 * order the loader passes them on, with its rule.
 */
export const OPTION_RULES = {
  lang: { valid: isLanguage, hint: oneOfHint(LANGUAGES) },
  parties: {
    valid: (value: string): value is string => value.split(',').every(isId),
    hint: 'use party ids separated by commas, e.g. s,v',
  },
  accent: {
    valid: (value: string): value is string =>
      /^#[0-9a-fA-F]{6}$/.test(value) && isReadableAccent(value),
    hint: `use #rrggbb with a contrast of at least ${MIN_ACCENT_CONTRAST}:1 on white`,
  },
  theme: { valid: oneOf(THEMES), hint: oneOfHint(THEMES) },
  compact: { valid: oneOf(BOOLEANS), hint: oneOfHint(BOOLEANS) },
  start: { valid: oneOf(STARTS), hint: oneOfHint(STARTS) },
  statement: { valid: isId, hint: 'use a statement id' },
} as const satisfies Record<string, OptionRule<string>>;

export type OptionName = keyof typeof OPTION_RULES;

/** The option names, in the order above. */
export const OPTION_NAMES = Object.keys(OPTION_RULES) as OptionName[];

/** The console warning for a refused value; `attribute` is how the reader wrote its name. */
export const ignoredWarning = (attribute: string, value: string, name: OptionName): string =>
  `valkompass: ignoring ${attribute}="${value}" (${OPTION_RULES[name].hint})`;

/** The frame's address: the app at `origin`, showing `compass` with the given options. */
export function frameAddress(origin: string, compass: string, options: URLSearchParams): string {
  const query = options.toString();
  return `${origin}${embedFrame(compass)}${query ? `?${query}` : ''}`;
}

// --- messages from the frame to the host -----------------------------------------------------

/** Every message from the frame carries this `source`. */
export const MESSAGE_SOURCE = 'valkompass';

/** The milestones the host page receives as DOM events, `valkompass:<milestone>`. */
export const MILESTONES = ['ready', 'started', 'completed'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** The host's DOM event for a milestone. */
export const hostEvent = (milestone: Milestone): string => `valkompass:${milestone}`;

/** A message from the frame to the host page: never an answer, never a result. */
export type HostMessage =
  | { readonly source: typeof MESSAGE_SOURCE; readonly type: 'height'; readonly height: number }
  | { readonly source: typeof MESSAGE_SOURCE; readonly type: 'ready' | 'started' }
  | {
      readonly source: typeof MESSAGE_SOURCE;
      readonly type: 'completed';
      readonly answered: number;
    };

/** The options of an embedded compass, read from the frame's query string (see EMBED.md). */
export interface EmbedOptions {
  readonly lang: Language | null;
  readonly parties: readonly string[] | null;
  readonly accent: string | null;
  readonly theme: Theme;
  readonly compact: boolean;
  readonly start: Start;
  readonly statement: string | null;
}
