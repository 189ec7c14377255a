/**
 * Electron main process: lifecycle only. Everything with a decision in it lives in a pure
 * module beside this one (window options, URL → file mapping, navigation, permissions, IPC,
 * settings) and is unit-tested in Node; this file connects them to Electron in order.
 */
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
  webContents,
} from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin';
import { watchRenderer } from './crash-recovery';
import {
  type DisplayEvent,
  type DisplayPlan,
  type OpenDisplay,
  displayUrl,
  planDisplayWindow,
  viewOf,
} from './display-window';
import {
  installPermissionHandlers,
  installRequestFilter,
  registerIpcHandlers,
} from './electron-bindings';
import { createExportFiles } from './export-files';
import { createHubSettings } from './hub-settings';
import { createIpcHandlers } from './ipc-handlers';
import { createKeepAwake } from './keep-awake';
import { createKeyVault } from './key-vault';
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
/** The customer display's window (display-window.ts says when there is one). */
let displayWindow: { window: BrowserWindow; state: OpenDisplay } | null = null;

/**
 * Shows the window when ready; a crashed or hung renderer is reloaded where it was
 * (crash-recovery.ts decides, within its limits).
 */
function loadApp(window: BrowserWindow, url: string): void {
  window.once('ready-to-show', () => window.show());
  const watch = watchRenderer({
    now: () => Date.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
    currentUrl: () => window.webContents.getURL(),
    reload: (reloadUrl) => void window.loadURL(reloadUrl),
    kill: () => window.webContents.forcefullyCrashRenderer(),
    log: log('window'),
  });
  window.webContents.on('render-process-gone', (_event, details) => watch.gone(details.reason));
  window.on('unresponsive', () => watch.unresponsive());
  window.on('responsive', () => watch.responsive());
  void window.loadURL(url);
}

function createMainWindow(settings: Settings): BrowserWindow {
  const window = new BrowserWindow(
    buildWindowOptions({
      preloadPath: PRELOAD_PATH,
      kiosk: settings.kiosk,
      devTools: settings.devTools,
    }),
  );
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
    // The display belongs to the counter: it goes when the counter's window goes.
    displayWindow?.window.close();
  });
  loadApp(window, APP_ENTRY_URL);
  return window;
}

function applyDisplayPlan(plan: DisplayPlan, settings: Settings): void {
  switch (plan.action) {
    case 'none':
      return;
    case 'focus':
      displayWindow?.window.show();
      displayWindow?.window.focus();
      return;
    case 'close':
      displayWindow?.window.close();
      return;
    case 'open': {
      const window = new BrowserWindow({
        ...buildWindowOptions({
          preloadPath: PRELOAD_PATH,
          kiosk: settings.kiosk && plan.turned,
          devTools: settings.devTools,
        }),
        ...plan.bounds,
        fullscreen: plan.fullscreen,
        title: 'Counter Steps',
      });
      const opened = { window, state: { screenId: plan.screenId, turned: plan.turned } };
      displayWindow = opened;
      window.on('closed', () => {
        if (displayWindow === opened) displayWindow = null;
      });
      loadApp(window, displayUrl(plan.turned));
    }
  }
}

function planFor(event: DisplayEvent, settings: Settings): DisplayPlan {
  const counterBounds = mainWindow?.getBounds() ?? screen.getPrimaryDisplay().bounds;
  return planDisplayWindow({
    event,
    screens: screen.getAllDisplays().map(({ id, bounds }) => ({ id, bounds })),
    counterScreenId: screen.getDisplayMatching(counterBounds).id,
    counterBounds,
    kiosk: settings.kiosk,
    display: displayWindow?.state ?? null,
  });
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

  const textFs = { readFile: (path: string) => readFile(path, 'utf8'), writeFile, rename, mkdir };
  const witness = createWitnessStore({ userDataDir, fs: textFs, log: log('witness') });
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
      witness,
      // The checkpoint keys, under the OS's keychain through safeStorage (key-vault.ts).
      keys: createKeyVault({ userDataDir, fs: textFs, safeStorage, witness, log: log('keys') }),
      display: {
        viewOf: (senderId) => viewOf(senderId, displayWindow?.window.webContents.id ?? null),
        open: async () => {
          applyDisplayPlan(planFor('turn', settings), settings);
          return { ok: true, value: null };
        },
      },
      hub,
      printPdf: async (senderId) => {
        const contents = senderId === null ? undefined : webContents.fromId(senderId);
        if (!contents) throw new Error('no window to print');
        return contents.printToPDF({ pageSize: 'A4', printBackground: true });
      },
      log: log('ipc'),
    }),
  );

  // The default menu carries reload, DevTools and quit accelerators a clerk must not reach.
  if (settings.kiosk) Menu.setApplicationMenu(null);

  mainWindow = createMainWindow(settings);
  // A second screen facing the customer gets the customer display, now and whenever one is
  // plugged in; it closes when its screen goes.
  applyDisplayPlan(planFor('start', settings), settings);
  const screensChanged = () => applyDisplayPlan(planFor('screens-changed', settings), settings);
  screen.on('display-added', screensChanged);
  screen.on('display-removed', screensChanged);
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
