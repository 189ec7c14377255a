/**
 * Keeps every webContents on the app's origin: no navigation or redirect elsewhere, no new
 * windows, no <webview>. Applied from 'web-contents-created', so it covers every contents
 * Electron ever makes, not just the main window. Written against a minimal structural type so
 * tests drive it with a plain EventEmitter.
 */
import { isAppUrl } from './app-origin';

export interface PreventableEvent {
  preventDefault(): void;
}

/** The slice of Electron's WebContents the guard touches. */
export interface GuardableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(
    event: 'will-frame-navigate',
    listener: (event: PreventableEvent & { url: string }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

export function applyNavigationGuards(
  contents: GuardableContents,
  onBlocked: (kind: string, url: string) => void = () => undefined,
): void {
  const guard = (kind: string) => (event: PreventableEvent, url: string) => {
    if (isNavigationAllowed(url)) return;
    event.preventDefault();
    onBlocked(kind, url);
  };
  contents.on('will-navigate', guard('navigate'));
  contents.on('will-redirect', guard('redirect'));
  // Sub-frames do not raise 'will-navigate'; this event covers them too.
  contents.on('will-frame-navigate', (event) => guard('frame-navigate')(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', '');
  });
  // The app has no second window and never links out (no shell.openExternal either): a kiosk
  // must not open a browser the clerk cannot close.
  contents.setWindowOpenHandler((details) => {
    onBlocked('window-open', details.url);
    return { action: 'deny' };
  });
}
