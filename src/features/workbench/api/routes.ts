/**
 * The workbench's routes (src/domain/workbench/api.ts), each path written once. Every id is one
 * encoded path segment; keys never appear in a path or a query: they go in the Authorization header.
 */
const seg = encodeURIComponent;
const base = (w: string) => `/api/workspaces/${seg(w)}`;

export const workbenchPaths = {
  workspaces: '/api/workspaces',
  workspace: base,
  coders: (w: string) => `${base(w)}/coders`,
  meta: (w: string) => `${base(w)}/meta`,
  party: (w: string, party: string) => `${base(w)}/parties/${seg(party)}`,
  programme: (w: string, party: string) => `${base(w)}/programmes/${seg(party)}`,
  statement: (w: string, statement: string) => `${base(w)}/statements/${seg(statement)}`,
  coding: (w: string, statement: string, party: string) =>
    `${base(w)}/codings/${seg(statement)}/${seg(party)}`,
  coderCoding: (w: string, coder: string, statement: string, party: string) =>
    `${base(w)}/coders/${seg(coder)}/codings/${seg(statement)}/${seg(party)}`,
  decision: (w: string, statement: string, party: string) =>
    `${base(w)}/decisions/${seg(statement)}/${seg(party)}`,
  agreement: (w: string, coders?: readonly [string, string]) =>
    `${base(w)}/agreement${coders ? `?coders=${coders.map(seg).join(',')}` : ''}`,
  draft: (w: string) => `${base(w)}/draft`,
  publish: (w: string) => `${base(w)}/publish`,
  import: (w: string) => `${base(w)}/import`,
  compasses: (q = '', offset = 0) => {
    const query = new URLSearchParams();
    if (q !== '') query.set('q', q);
    if (offset > 0) query.set('offset', String(offset));
    const text = query.toString();
    return `/api/compasses${text ? `?${text}` : ''}`;
  },
} as const;
