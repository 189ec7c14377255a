/**
 * The one BrowserWindow shape the app uses. Kept as plain data so the security-relevant
 * switches are unit-tested; main/index.ts hands the result to `new BrowserWindow`, whose
 * own types check it against Electron's option list at compile time.
 */

export const WINDOW_BACKGROUND = '#1f4e5f';

export interface WindowOptionsInput {
  /** Absolute path of the built sandboxed preload (out/preload/index.cjs). */
  preloadPath: string;
  kiosk: boolean;
  /** Only with the explicit development flag (see settings.ts). */
  devTools: boolean;
}

export interface AppWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  kiosk: boolean;
  fullscreen: boolean;
  autoHideMenuBar: boolean;
  backgroundColor: string;
  title: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    experimentalFeatures: false;
    navigateOnDragDrop: false;
    safeDialogs: true;
    spellcheck: false;
    backgroundThrottling: boolean;
    devTools: boolean;
  };
}

export function buildWindowOptions({
  preloadPath,
  kiosk,
  devTools,
}: WindowOptionsInput): AppWindowOptions {
  return {
    // A 10" landscape tablet; on a desktop the window opens at that size for development.
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    // Shown on 'ready-to-show' so the clerk never sees a white flash on boot.
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    backgroundColor: WINDOW_BACKGROUND,
    title: 'Counter Steps',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped on the window must not replace the app with that file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chinese input would be underlined everywhere and the dictionary download needs a network.
      spellcheck: false,
      // In kiosk mode the window is the whole device: timers (step timing, ticket calls) must
      // keep their pace even if the OS reports the window as occluded.
      backgroundThrottling: !kiosk,
      // DevTools can rewrite the log from inside the page: off unless explicitly developing.
      devTools,
    },
  };
}
