/**
 * The browser build's implementation of the platform contract: the Screen Wake Lock API keeps the
 * display on during a shift, exports are saved through the browser's download (collected a part
 * at a time as the export is made), and the witness of
 * the log's head is kept in localStorage — a second storage area, apart from IndexedDB, that
 * whoever holds the browser profile can still edit (the README's threat model says so).
 *
 * The customer display is the same app in its own tab (`?display=1`). The service worker that
 * makes the build installable and offline is registered here, and a new version it has
 * precached waits until the app applies it (between services: app/UpdateGate.tsx).
 */
import {
  ExportFileNameSchema,
  HubSettingsSchema,
  ReportFileNameSchema,
  type CounterStepsApi,
  type HubSettings,
  type Result,
  type View,
} from '../../preload/contract';
import { HeadSchema, judgeAdvance, type Head } from '../../core/domain/log/witness';
import { z } from '../../core/domain/zod';
import {
  fetchTransport,
  storageManagerStatus,
  witnessOver,
  type PlatformBridge,
  type UpdateBridge,
  type UpdateInfo,
} from './bridge';
import { lazyTicketCaller } from './ticket-caller';

const witnessKey = (log: string) => `counter-steps:witness:${log}`;
/**
 * The store hub's settings. In the browser build the page's CSP comes from whoever serves it
 * (COUNTER_STEPS_HUB_ORIGIN for `vite preview`, see vite.web.config.mts): a hub origin that
 * policy does not name stays unreachable, whatever is saved here.
 */
const HUB_KEY = 'counter-steps:hub';

function storedHub(): HubSettings | null {
  try {
    const parsed = HubSettingsSchema.safeParse(JSON.parse(localStorage.getItem(HUB_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Exports being made: their parts until finished, then one download. */
const downloads = new Map<string, { fileName: string; parts: BlobPart[] }>();

function storedWitness(log: string): Head | null {
  try {
    const parsed = HeadSchema.safeParse(
      JSON.parse(localStorage.getItem(witnessKey(log)) ?? 'null'),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

let wakeLock: WakeLockSentinel | null = null;

async function acquireWakeLock(): Promise<void> {
  if (wakeLock && !wakeLock.released) return;
  wakeLock = await navigator.wakeLock.request('screen');
}

function onVisible(): void {
  // The browser drops the wake lock whenever the page is hidden; take it back on return.
  if (document.visibilityState === 'visible' && wakeLock?.released) void acquireWakeLock();
}

const failure = (error: unknown): Result<never> => ({
  ok: false,
  error: error instanceof Error ? error.name : 'failed',
});

/** The name of the customer display's tab: opening it again brings the same tab forward. */
export const DISPLAY_WINDOW_NAME = 'counter-steps-display';

/** `?display=1` (and `&turned=1` when the clerk opened it for the customer in front of them). */
function viewFromUrl(): View {
  return new URLSearchParams(globalThis.location?.search ?? '').get('display') === '1'
    ? 'display'
    : 'counter';
}

/**
 * The browser build keeps its signing keys in IndexedDB (renderer/storage/key-store.ts): nothing
 * in the page's origin can keep a key from DevTools, so nothing here pretends to.
 */
const NO_KEY_KEEPER = {
  firstKey: () => Promise.resolve({ ok: false as const, error: 'unsupported' }),
  signCheckpoint: () => Promise.resolve({ ok: false as const, error: 'unsupported' }),
  signStatement: () => Promise.resolve({ ok: false as const, error: 'unsupported' }),
  keyInForce: () => Promise.resolve({ ok: false as const, error: 'unsupported' }),
};

const api: CounterStepsApi = {
  ...NO_KEY_KEEPER,
  getAppInfo: () =>
    Promise.resolve({
      ok: true,
      value: { shell: 'browser', version: __APP_VERSION__, kiosk: false, view: viewFromUrl() },
    }),

  openDisplay() {
    if (viewFromUrl() === 'display')
      return Promise.resolve({ ok: false, error: 'not-from-counter' });
    const url = new URL(document.baseURI);
    url.search = new URLSearchParams({
      display: '1',
      turned: '1',
      lang: document.documentElement.lang,
    }).toString();
    url.hash = '';
    // Synchronously, inside the tap, or the browser blocks it as a pop-up.
    const opened = window.open(url.href, DISPLAY_WINDOW_NAME);
    opened?.focus();
    return Promise.resolve(opened ? { ok: true, value: null } : { ok: false, error: 'blocked' });
  },

  async setKeepAwake({ on }) {
    try {
      if (!('wakeLock' in navigator)) return { ok: false, error: 'unsupported' };
      if (on) {
        await acquireWakeLock();
        document.addEventListener('visibilitychange', onVisible);
      } else {
        document.removeEventListener('visibilitychange', onVisible);
        await wakeLock?.release();
        wakeLock = null;
      }
      return { ok: true, value: null };
    } catch (error) {
      return failure(error);
    }
  },

  beginExport({ fileName }) {
    if (!ExportFileNameSchema.safeParse(fileName).success) {
      return Promise.resolve({ ok: false, error: 'invalid-file-name' });
    }
    const handle = crypto.randomUUID();
    downloads.set(handle, { fileName, parts: [] });
    return Promise.resolve({ ok: true, value: { handle } });
  },

  writeExport({ handle, chunk }) {
    const download = downloads.get(handle);
    if (!download) return Promise.resolve({ ok: false, error: 'unknown-export' });
    // Chromium keeps a large Blob's parts on disk rather than in memory.
    download.parts.push(chunk as BlobPart);
    return Promise.resolve({ ok: true, value: null });
  },

  finishExport({ handle }) {
    const download = downloads.get(handle);
    if (!download) return Promise.resolve({ ok: false, error: 'unknown-export' });
    downloads.delete(handle);
    const url = URL.createObjectURL(new Blob(download.parts, { type: 'application/zip' }));
    const link = Object.assign(document.createElement('a'), {
      href: url,
      download: download.fileName,
    });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return Promise.resolve({ ok: true, value: { path: download.fileName } });
  },

  abortExport({ handle }) {
    downloads.delete(handle);
    return Promise.resolve({ ok: true, value: null });
  },

  readWitness: ({ log }) => Promise.resolve({ ok: true, value: storedWitness(log) }),

  advanceWitness({ log, head }) {
    const refusal = judgeAdvance(storedWitness(log), head);
    if (refusal) return Promise.resolve({ ok: false, error: refusal });
    try {
      localStorage.setItem(witnessKey(log), JSON.stringify(head));
      return Promise.resolve({ ok: true, value: null });
    } catch (error) {
      return Promise.resolve(failure(error));
    }
  },

  getHub: () => Promise.resolve({ ok: true, value: storedHub() }),

  // The browser's own print dialog: A4 from the report's print stylesheet, "Save as PDF" there.
  printReport({ fileName }) {
    if (!ReportFileNameSchema.safeParse(fileName).success) {
      return Promise.resolve({ ok: false, error: 'invalid-file-name' });
    }
    window.print();
    return Promise.resolve({ ok: true, value: { path: null } });
  },

  setHub({ settings }) {
    const parsed = z.nullable(HubSettingsSchema).safeParse(settings);
    if (!parsed.success) return Promise.resolve({ ok: false, error: 'invalid-payload' });
    try {
      if (parsed.data === null) localStorage.removeItem(HUB_KEY);
      else localStorage.setItem(HUB_KEY, JSON.stringify(parsed.data));
      return Promise.resolve({ ok: true, value: null });
    } catch (error) {
      return Promise.resolve(failure(error));
    }
  },
};

// --- New versions (the service worker) ------------------------------------------------------

/** How often an open app asks the server for a new version (also on coming back online). */
const UPDATE_CHECK_MS = 30 * 60_000;

const updateListeners = new Set<(update: UpdateInfo) => void>();
let waitingWorker: ServiceWorker | null = null;
let waitingInfo: UpdateInfo = { version: null, changes: null };
let reloading = false;

/**
 * What the waiting version says it changed: its release.json, from the server (a query the
 * running worker's precache does not answer, so not this version's own copy). Offline: unknown.
 */
async function releaseInfo(): Promise<UpdateInfo> {
  try {
    const response = await fetch(`./release.json?waiting=${Date.now()}`, { cache: 'no-store' });
    const body = (await response.json()) as { version?: unknown; changes?: unknown };
    const changes =
      body.changes && typeof body.changes === 'object'
        ? Object.fromEntries(
            Object.entries(body.changes).filter(
              (entry): entry is [string, string] =>
                typeof entry[1] === 'string' && entry[1].length <= 200,
            ),
          )
        : null;
    return { version: typeof body.version === 'string' ? body.version : null, changes };
  } catch {
    return { version: null, changes: null };
  }
}

function updateReady(worker: ServiceWorker): void {
  waitingWorker = worker;
  void releaseInfo().then((info) => {
    if (waitingWorker !== worker) return;
    waitingInfo = info;
    for (const listener of updateListeners) listener(info);
  });
}

function watchRegistration(registration: ServiceWorkerRegistration): void {
  // Only an update waits: the very first worker has no page to take over from.
  if (registration.waiting && navigator.serviceWorker.controller) {
    updateReady(registration.waiting);
  }
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) updateReady(worker);
    });
  });
  const check = () => void registration.update().catch(() => undefined);
  window.addEventListener('online', check);
  setInterval(check, UPDATE_CHECK_MS);
}

const updates: UpdateBridge = {
  startUpdates() {
    // Only the built browser app has a service worker (Electron serves its files from disk).
    if (!__WEB_BUILD__ || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    const controlled = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // A new version took over (applied here or in the app's other tab): load it.
      if (controlled && !reloading) {
        reloading = true;
        window.location.reload();
      }
    });
    navigator.serviceWorker
      .register('./sw.js', { scope: './' })
      .then(watchRegistration)
      .catch(() => undefined);
  },

  onUpdateReady(listener) {
    updateListeners.add(listener);
    if (waitingWorker) listener(waitingInfo);
    return () => updateListeners.delete(listener);
  },

  async applyUpdate() {
    const worker = waitingWorker;
    if (!worker) return;
    // A call being heard is not cut off by the reload.
    await lazyTicketCaller.whenQuiet();
    // The generated worker waits for this message (registerType 'prompt'); 'controllerchange'
    // then reloads the page into the new version.
    worker.postMessage({ type: 'SKIP_WAITING' });
  },
};

export const browserBridge: PlatformBridge = {
  ...api,
  ...lazyTicketCaller,
  ...updates,
  witness: (log) => witnessOver(api, log),
  keyKeeper: () => null,
  storageStatus: storageManagerStatus,
  hubTransport: (origin) => fetchTransport(origin),
};
