/**
 * The headers every page of the app is served with, in Electron (app:// protocol handler) and by
 * the server of the browser build (`vite preview`, or whatever static server a store uses: the
 * README gives the lines to add). A header, unlike renderer/index.html's <meta> policy, also
 * covers what a meta tag cannot: frame-ancestors, and pages opened before the HTML is parsed.
 */
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
