import {
  CONTAINER_ATTRIBUTE,
  FRAME_REFERRER_POLICY,
  FRAME_SANDBOX,
  frameAddress,
  frameKind,
  LOADER_FILE,
  type OptionName,
  PLAIN_FRAME_HEIGHT,
  RESERVED_HEIGHT,
  type Start,
  type Theme,
} from '../../config/embed-contract.ts';

/** What an editor chose in the snippet builder. */
export interface SnippetChoice {
  readonly compass: string;
  readonly lang: string;
  /** Party ids; empty = all. */
  readonly parties: readonly string[];
  readonly accent: string | null;
  readonly theme: Theme;
  readonly compact: boolean;
  readonly start: Start;
  /** One statement instead of the whole quiz. */
  readonly statement: string | null;
}

/** The builder's starting point: the whole quiz in Swedish, every party, default look. */
export const defaultSnippetChoice = (compass: string): SnippetChoice => ({
  compass,
  lang: 'sv',
  parties: [],
  accent: null,
  theme: 'auto',
  compact: false,
  start: 'start',
  statement: null,
});

/** Height reserved for the frame before it sizes itself, by kind (the loader reserves the same). */
export const reservedHeight = (choice: SnippetChoice): number =>
  RESERVED_HEIGHT[frameKind(Boolean(choice.statement), choice.compact)];

/** The chosen options that differ from the defaults, in the embed contract's terms. */
function options(choice: SnippetChoice): [OptionName, string][] {
  const out: [OptionName, string][] = [['lang', choice.lang]];
  if (choice.statement) out.push(['statement', choice.statement]);
  else {
    if (choice.parties.length > 0) out.push(['parties', choice.parties.join(',')]);
    if (choice.compact) out.push(['compact', 'true']);
    if (choice.start !== 'start') out.push(['start', choice.start]);
  }
  if (choice.accent) out.push(['accent', choice.accent]);
  if (choice.theme !== 'auto') out.push(['theme', choice.theme]);
  return out;
}

/** The two-line snippet: a container (which reserves the height) and the loader. */
export function scriptSnippet(choice: SnippetChoice, origin: string): string {
  const attrs = options(choice)
    .map(([name, value]) => ` data-${name}="${value}"`)
    .join('');
  return `<div ${CONTAINER_ATTRIBUTE}="${choice.compass}"${attrs} style="min-height:${reservedHeight(choice)}px"></div>\n<script src="${origin}/${LOADER_FILE}" async></script>`;
}

/** The frame address with the same options, for CMSes that strip scripts. */
export function frameUrl(choice: SnippetChoice, origin: string): string {
  return frameAddress(origin, choice.compass, new URLSearchParams(options(choice)));
}

/** The script-free variant: a plain iframe with a fixed height (it cannot follow its content). */
export function iframeSnippet(choice: SnippetChoice, origin: string, title: string): string {
  const height = PLAIN_FRAME_HEIGHT[choice.statement ? 'statement' : 'quiz'];
  return `<iframe src="${frameUrl(choice, origin)}" title="${title}" loading="lazy" style="width:100%;height:${height}px;border:0" sandbox="${FRAME_SANDBOX}" referrerpolicy="${FRAME_REFERRER_POLICY}"></iframe>`;
}
