/**
 * The app's one origin. The renderer is served from `app://counter-steps/` rather than file://
 * so IndexedDB has a stable, private origin and so every security check (navigation, IPC
 * sender, permissions) can compare against a single value.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'counter-steps';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/**
 * Passed to `protocol.registerSchemesAsPrivileged` before 'ready'. `standard` gives the scheme
 * real origins (IndexedDB, localStorage, relative URLs); `secure` makes it a secure context
 * (navigator.storage.persist, crypto.subtle); `supportFetchAPI` and `corsEnabled` let the
 * page fetch its own files and load Vite's `crossorigin` module scripts. Service workers stay
 * off: the Electron build does not register one, and CSP stays in force (no bypassCSP).
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
  allowServiceWorkers: false,
  bypassCSP: false,
  stream: false,
});

/**
 * True only for URLs on the app's own origin. Parsing (not prefix matching) matters here:
 * `app://counter-steps.evil/` and `app://counter-steps@evil/` both start with the origin text.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
