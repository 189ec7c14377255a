/**
 * The browser build's implementation of the platform contract: the Screen Wake Lock API keeps the
 * display on during a shift, and exports are saved through the browser's download.
 */
import { ExportFileNameSchema, type CounterStepsApi, type Result } from '../../preload/contract';

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

export const browserBridge: CounterStepsApi = {
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

  saveExport({ fileName, contents, encoding }) {
    if (!ExportFileNameSchema.safeParse(fileName).success) {
      return Promise.resolve({ ok: false, error: 'invalid-file-name' });
    }
    const bytes =
      encoding === 'base64'
        ? Uint8Array.from(atob(contents), (char) => char.charCodeAt(0))
        : new TextEncoder().encode(contents);
    const url = URL.createObjectURL(new Blob([bytes]));
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return Promise.resolve({ ok: true, value: { path: fileName } });
  },
};
