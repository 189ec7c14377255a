/**
 * A kiosk has no menu and no close button: if the renderer dies the clerk is left with a blank
 * screen. Reload it, unless it keeps dying (then reloading would only spin), in which case the
 * window stays as it is and the log says why.
 */

export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

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
