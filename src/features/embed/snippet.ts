/** What an editor chose in the snippet builder. */
export interface SnippetChoice {
  readonly compass: string;
  readonly lang: string;
  /** Party ids; empty = all. */
  readonly parties: readonly string[];
  readonly accent: string | null;
  readonly theme: 'light' | 'dark' | 'auto';
  readonly compact: boolean;
  readonly start: 'start' | 'quiz';
  /** One statement instead of the whole quiz. */
  readonly statement: string | null;
}

/** Height reserved for the frame before it sizes itself, by kind (the loader uses the same). */
export const reservedHeight = (choice: SnippetChoice): number =>
  choice.statement ? 420 : choice.compact ? 480 : 640;

function attributes(choice: SnippetChoice): [string, string][] {
  const out: [string, string][] = [['lang', choice.lang]];
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
  const attrs = attributes(choice)
    .map(([name, value]) => ` data-${name}="${value}"`)
    .join('');
  return `<div data-valkompass="${choice.compass}"${attrs} style="min-height:${reservedHeight(choice)}px"></div>\n<script src="${origin}/embed.js" async></script>`;
}

/** The frame address with the same options, for CMSes that strip scripts. */
export function frameUrl(choice: SnippetChoice, origin: string): string {
  const query = new URLSearchParams(attributes(choice));
  return `${origin}/embed/${choice.compass}?${query.toString()}`;
}

/** The script-free variant: a plain iframe with a fixed height (it cannot follow its content). */
export function iframeSnippet(choice: SnippetChoice, origin: string, title: string): string {
  const height = choice.statement ? 900 : 1100;
  return `<iframe src="${frameUrl(choice, origin)}" title="${title}" loading="lazy" style="width:100%;height:${height}px;border:0" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`;
}
