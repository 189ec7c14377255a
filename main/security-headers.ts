/**
 * The headers every page of the app is served with, in Electron (app:// protocol handler) and by
 * the server of the browser build (`vite preview`, or whatever static server a store uses: the
 * README gives the lines to add). A header, unlike renderer/index.html's <meta> policy, also
 * covers what a meta tag cannot: frame-ancestors, and pages opened before the HTML is parsed.
 *
 * The one network destination besides the app itself is the store hub, when one is configured:
 * `connect-src` then names exactly its origin (scheme, host and port), nothing wider.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
];

/**
 * A hub origin as the policy may name it: http(s), a host, an optional port, nothing else (no
 * path, query, credentials, wildcard or quote). Null for anything else.
 */
export function hubOriginOf(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username || parsed.password || parsed.search || parsed.hash) return null;
  if (parsed.pathname !== '/' && parsed.pathname !== '') return null;
  if (!/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(parsed.hostname)) return null;
  return parsed.origin;
}

/** The policy, with `connect-src` naming the configured hub's origin (if any) beside 'self'. */
export function contentSecurityPolicy(hubOrigin: string | null = null): string {
  const origin = hubOriginOf(hubOrigin);
  return DIRECTIVES.map((directive) =>
    origin && directive === "connect-src 'self'" ? `connect-src 'self' ${origin}` : directive,
  ).join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export function securityHeadersFor(hubOrigin: string | null = null): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(hubOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = securityHeadersFor();
