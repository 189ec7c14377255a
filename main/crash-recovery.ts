/**
 * A kiosk has no menu and no close button: if the renderer dies or hangs the clerk is left with a
 * blank or frozen screen. Main watches for both and reloads the window where it was (the same app
 * URL, so the same language; the screen itself comes back from the log: the open service at its
 * step, the lock, the sign-in). A renderer that keeps dying is not reloaded again and again (that
 * would only spin); the window then stays as it is and main's log says why.
 *
 * Pure: Electron's events, clock and timers are handed in (main/index.ts wires them), so every
 * path is tested in Node.
 */
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;
/** How long a renderer may stay unresponsive before it is taken down and reloaded. */
export const HANG_GRACE_MS = 15_000;

export interface CrashRecovery {
  /** Records a crash at `now` and says whether to reload. */
  shouldReload(reason: string, now: number): boolean;
}

export function createCrashRecovery(): CrashRecovery {
  let recent: number[] = [];
  return {
    shouldReload(reason, now) {
      // 'clean-exit' is a normal shutdown, not a crash.
      if (reason === 'clean-exit') return false;
      recent = recent.filter((at) => now - at < RELOAD_WINDOW_MS);
      if (recent.length >= MAX_RELOADS) return false;
      recent.push(now);
      return true;
    },
  };
}

/** Where to reload: the app URL the window was on, or the app's entry when it was anywhere else. */
export function reloadTarget(currentUrl: string | null | undefined): string {
  return isAppUrl(currentUrl) ? (currentUrl as string) : APP_ENTRY_URL;
}

export interface RendererWatchDeps {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  /** The URL the window shows (Electron keeps it after the renderer is gone). */
  currentUrl(): string | null | undefined;
  reload(url: string): void;
  /** Ends a hung renderer (Electron: `webContents.forcefullyCrashRenderer()`). */
  kill(): void;
  log(message: string): void;
}

export interface RendererWatch {
  /** `render-process-gone`: the renderer crashed, was killed or ran out of memory. */
  gone(reason: string): void;
  /** `unresponsive`: the page stopped answering; it gets HANG_GRACE_MS to come back. */
  unresponsive(): void;
  /** `responsive`: it came back in time. */
  responsive(): void;
}

export function watchRenderer(deps: RendererWatchDeps): RendererWatch {
  const recovery = createCrashRecovery();
  let hangTimer: unknown = null;
  /** The renderer about to go is the hung one this watch killed: it was already counted. */
  let killedHung = false;

  const stopHangTimer = () => {
    if (hangTimer !== null) deps.clearTimer(hangTimer);
    hangTimer = null;
  };
  /** Whether to reload after `reason`; says so in main's log either way. */
  const allowed = (reason: string) => {
    if (recovery.shouldReload(reason, deps.now())) return true;
    deps.log(`renderer ${reason}; not reloading (${MAX_RELOADS} reloads within a minute)`);
    return false;
  };
  const reload = (reason: string) => {
    const url = reloadTarget(deps.currentUrl());
    deps.log(`renderer ${reason}; reloading ${url}`);
    deps.reload(url);
  };

  return {
    gone(reason) {
      stopHangTimer();
      if (killedHung) {
        killedHung = false;
        return;
      }
      if (reason === 'clean-exit') return;
      if (allowed(reason)) reload(reason);
    },
    unresponsive() {
      if (hangTimer !== null) return;
      hangTimer = deps.setTimer(() => {
        hangTimer = null;
        if (!allowed('hung')) return;
        // Killed first (a hung renderer does not take a new page); its end is not a new crash.
        killedHung = true;
        deps.kill();
        reload('hung');
      }, HANG_GRACE_MS);
    },
    responsive() {
      stopHangTimer();
    },
  };
}
