/**
 * Electron main process: lifecycle only. Everything with a decision in it lives in a pure
 * module beside this one (window options, URL → file mapping, navigation, permissions, IPC,
 * settings) and is unit-tested in Node; this file connects them to Electron in order.
 */
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, Menu, app, powerSaveBlocker, protocol, session } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin';
import { createCrashRecovery } from './crash-recovery';
import {
  installPermissionHandlers,
  installRequestFilter,
  registerIpcHandlers,
} from './electron-bindings';
import { createExportFiles } from './export-files';
import { createHubSettings } from './hub-settings';
import { createIpcHandlers } from './ipc-handlers';
import { createKeepAwake } from './keep-awake';
import { applyNavigationGuards } from './navigation-guard';
import { createRendererProtocolHandler } from './renderer-protocol';
import { type Settings, loadSettings } from './settings';
import { buildWindowOptions } from './window-options';
import { createWitnessStore } from './witness-store';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const OUT_DIR = join(import.meta.dirname, '..');
const RENDERER_DIR = join(OUT_DIR, 'renderer');
const PRELOAD_PATH = join(OUT_DIR, 'preload', 'index.cjs');

/** Tests give each run its own profile; the single-instance lock is per profile, so this comes first. */
const USER_DATA_ENV_VAR = 'COUNTER_STEPS_USER_DATA_DIR';

const log = (scope: string) => (message: string) =>
  console.warn(`[counter-steps:${scope}] ${message}`);

let mainWindow: BrowserWindow | null = null;

function createMainWindow(settings: Settings): BrowserWindow {
  const window = new BrowserWindow(
    buildWindowOptions({
      preloadPath: PRELOAD_PATH,
      kiosk: settings.kiosk,
      devTools: settings.devTools,
    }),
  );
  window.once('ready-to-show', () => window.show());

  const crashRecovery = createCrashRecovery();
  window.webContents.on('render-process-gone', (_event, details) => {
    const reload = crashRecovery.shouldReload(details.reason, Date.now());
    log('window')(`renderer gone (${details.reason}); ${reload ? 'reloading' : 'not reloading'}`);
    if (reload) void window.loadURL(APP_ENTRY_URL);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });

  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function start(): Promise<void> {
  const userDataDir = app.getPath('userData');
  const settings = await loadSettings({
    userDataDir,
    readTextFile: (filePath) => readFile(filePath, 'utf8'),
    env: process.env,
  });

  const hub = createHubSettings({
    userDataDir,
    fs: { readFile: (path) => readFile(path, 'utf8'), writeFile, rename, mkdir },
    log: log('hub'),
  });
  await hub.load();

  const ses = session.defaultSession;
  installPermissionHandlers(ses);
  installRequestFilter(ses, log('network'), () => hub.origin());
  protocol.handle(
    APP_SCHEME,
    createRendererProtocolHandler({
      rootDir: RENDERER_DIR,
      readFile: (filePath) => readFile(filePath),
      hubOrigin: () => hub.origin(),
    }),
  );

  registerIpcHandlers(
    createIpcHandlers({
      appVersion: app.getVersion(),
      kiosk: settings.kiosk,
      exports: createExportFiles({
        exportsDir: join(userDataDir, 'exports'),
        fs: { mkdir, open: (path, flags) => open(path, flags), rename, rm },
        log: log('export'),
      }),
      keepAwake: createKeepAwake(powerSaveBlocker),
      witness: createWitnessStore({
        userDataDir,
        fs: { readFile: (path) => readFile(path, 'utf8'), writeFile, rename, mkdir },
        log: log('witness'),
      }),
      hub,
      log: log('ipc'),
    }),
  );

  // The default menu carries reload, DevTools and quit accelerators a clerk must not reach.
  if (settings.kiosk) Menu.setApplicationMenu(null);

  mainWindow = createMainWindow(settings);
}

const userDataOverride = process.env[USER_DATA_ENV_VAR];
if (userDataOverride) app.setPath('userData', userDataOverride);

// Every renderer sandboxed, including any Electron creates that we did not configure.
app.enableSandbox();
// Must happen before 'ready'; the scheme cannot be made privileged later.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
]);

if (!app.requestSingleInstanceLock()) {
  // A second launch (a double tap on the icon) hands over to the first and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  // Every webContents, the main window's and any other Electron makes, gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    applyNavigationGuards(contents, (kind, url) =>
      log('navigation')(`blocked ${kind} ${url.slice(0, 200)}`),
    );
  });

  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[counter-steps] failed to start', error);
      app.exit(1);
    });
}
