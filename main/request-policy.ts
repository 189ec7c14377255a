/**
 * Which requests the default session lets out at all. CSP already confines the page; this is
 * the second wall for anything CSP does not cover (a navigation, a preload bug, a future
 * dependency phoning home). The app works offline: nothing leaves the device but requests to the
 * store hub's origin, exactly, when a manager configured one.
 */
import { isAppUrl } from './app-origin';

export function isRequestAllowed(url: string, hubOrigin: string | null = null): boolean {
  if (isAppUrl(url)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (hubOrigin !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:'))
    return parsed.origin === hubOrigin && parsed.username === '' && parsed.password === '';
  switch (parsed.protocol) {
    // Inline images (img-src allows data:) and same-page blobs carry no network access.
    case 'data:':
      return true;
    case 'blob:':
      // A blob URL embeds its creator's origin: only the app's own blobs.
      return isAppUrl(parsed.pathname);
    // DevTools' own front-end, when a developer opens it outside kiosk mode.
    case 'devtools:':
      return true;
    default:
      return false;
  }
}
