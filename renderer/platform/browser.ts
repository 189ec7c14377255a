/**
 * The browser build's implementation of the platform contract: the Screen Wake Lock API keeps the
 * display on during a shift, exports are saved through the browser's download (collected a part
 * at a time as the export is made), and the witness of
 * the log's head is kept in localStorage — a second storage area, apart from IndexedDB, that
 * whoever holds the browser profile can still edit (the README's threat model says so).
 */
import {
  ExportFileNameSchema,
  HubSettingsSchema,
  type CounterStepsApi,
  type HubSettings,
  type Result,
} from '../../preload/contract';
import { HeadSchema, judgeAdvance, type Head } from '../domain/log/witness';
import { fetchTransport, storageManagerStatus, witnessOver, type PlatformBridge } from './bridge';
import { speak } from './speech';

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

const api: CounterStepsApi = {
  getAppInfo: () =>
    Promise.resolve({
      ok: true,
      value: { shell: 'browser', version: __APP_VERSION__, kiosk: false },
    }),

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

  setHub({ settings }) {
    const parsed = HubSettingsSchema.nullable().safeParse(settings);
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

export const browserBridge: PlatformBridge = {
  ...api,
  witness: (log) => witnessOver(api, log),
  speak,
  storageStatus: storageManagerStatus,
  hubTransport: (origin) => fetchTransport(origin),
};
