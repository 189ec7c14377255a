/**
 * Which requests the default session lets out at all. CSP already confines the page; this is
 * the second wall for anything CSP does not cover (a navigation, a preload bug, a future
 * dependency phoning home). The app works offline, so nothing leaves the device.
 */
import { isAppUrl } from './app-origin';

export function isRequestAllowed(url: string): boolean {
  if (isAppUrl(url)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
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
