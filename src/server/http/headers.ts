/**
 * The response headers of the site and the API (EMBED.md, "För den som driftar valkompassen"):
 * the app's Content Security Policy with `frame-ancestors` for embedding, no referrer, no
 * sniffing, no powerful features, HSTS only when asked for, and never X-Frame-Options (it would
 * stop the embedding that EMBED.md offers news sites).
 */

export interface HeaderOptions {
  /** CSP `frame-ancestors` sources, e.g. `*` or `'self' https://tidningen.se`. */
  readonly frameAncestors: string;
  /** Send Strict-Transport-Security (only behind HTTPS). */
  readonly hsts: boolean;
}

/** The headers every response carries. */
export function securityHeaders({ frameAncestors, hsts }: HeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      `frame-ancestors ${frameAncestors}`,
    ].join('; '),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
  if (hsts) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

export const NO_STORE = 'no-store';
export const SHORT_CACHE = 'public, max-age=300';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Cache and CORS headers of a static file by its URL path: hashed `/assets/*` forever,
 * `/embed.js`, `/data/*` and the app's HTML for 5 minutes; CORS only for what other sites load
 * (`/embed.js` and the open data).
 */
export function staticHeaders(urlPath: string): Record<string, string> {
  if (urlPath.startsWith('/assets/')) return { 'cache-control': IMMUTABLE };
  if (urlPath === '/embed.js' || urlPath.startsWith('/data/'))
    return { 'cache-control': SHORT_CACHE, 'access-control-allow-origin': '*' };
  return { 'cache-control': SHORT_CACHE };
}
