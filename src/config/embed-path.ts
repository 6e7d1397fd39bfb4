/**
 * The app inside an iframe on a news site (see EMBED.md): `/embed/<compass>`. Not a route:
 * main.tsx recognises it and runs the app in an in-memory router, from the start page,
 * `statement(1)` or `widget(id)`.
 *
 * A module of its own, without imports, because the embed loader (embed.js, which has a gzip
 * budget) builds the frame's address from it: importing it from paths.ts would bundle the whole
 * route table into the loader. paths.ts re-uses it, so the path is still written only here.
 */
const EMBED_FRAME_PREFIX = '/embed/';

/** The frame's path for `compass`. */
export const embedFrame = (compass: string) =>
  `${EMBED_FRAME_PREFIX}${encodeURIComponent(compass)}`;

/** The same path as a router pattern, to recognise a frame's address. */
export const embedFramePattern = `${EMBED_FRAME_PREFIX}:compass` as const;
