/**
 * What the queue writes, named as one string per item: `meta`, `party/<id>`, `programme/<id>`,
 * `statement/<id>`, `coding/<statement>/<party>` (a coder's own), `decision/<statement>/<party>`
 * (the editor's). One place turns the names into routes.
 */
export type ItemRef =
  | { readonly kind: 'meta' }
  | { readonly kind: 'party'; readonly id: string }
  | { readonly kind: 'programme'; readonly id: string }
  | { readonly kind: 'statement'; readonly id: string }
  | { readonly kind: 'coding'; readonly statement: string; readonly party: string }
  | { readonly kind: 'decision'; readonly statement: string; readonly party: string };

export const itemKey = {
  meta: 'meta',
  party: (id: string) => `party/${id}`,
  programme: (party: string) => `programme/${party}`,
  statement: (id: string) => `statement/${id}`,
  coding: (statement: string, party: string) => `coding/${statement}/${party}`,
  decision: (statement: string, party: string) => `decision/${statement}/${party}`,
} as const;

export function parseItem(item: string): ItemRef | null {
  if (item === 'meta') return { kind: 'meta' };
  const [kind, a, b, ...rest] = item.split('/');
  if (rest.length > 0 || a === undefined || a === '') return null;
  if (kind === 'coding' || kind === 'decision') return b ? { kind, statement: a, party: b } : null;
  if ((kind === 'party' || kind === 'programme' || kind === 'statement') && b === undefined)
    return { kind, id: a };
  return null;
}
