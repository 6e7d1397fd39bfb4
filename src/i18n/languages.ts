/**
 * The language list lives in src/config/languages.ts: the embed contract (src/config) reads it,
 * and config/ imports no other layer. This re-export only keeps the test helpers' import
 * (src/test/render-app.tsx, being moved separately) working; new code imports config/languages.ts.
 */
export { direction, isLanguage, type Language, LANGUAGES } from '../config/languages.ts';
