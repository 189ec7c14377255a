/**
 * Which web permissions the page gets. Deny by default; allow only what the renderer uses,
 * and only for the app's own origin:
 * - 'persistent-storage': `navigator.storage.persist()` so Chromium never evicts the
 *   IndexedDB event log under disk pressure.
 * - 'fullscreen': the Fullscreen API (Electron's name for it); harmless in a kiosk window.
 * Camera/microphone ('media'), notifications, geolocation, clipboard, HID/USB/serial and the
 * rest stay denied. Screen wake is done by main's powerSaveBlocker over IPC, so
 * 'screen-wake-lock' is not needed either.
 */
import { isAppUrl } from './app-origin';

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set([
  'persistent-storage',
  'fullscreen',
]);

/**
 * `requester` is whatever Electron knows about the asking frame: the request handler gives a
 * URL (`details.requestingUrl`), the check handler an origin (`requestingOrigin`).
 */
export function isPermissionAllowed(
  permission: string,
  requester: string | null | undefined,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requester);
}
