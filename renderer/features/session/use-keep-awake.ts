/**
 * Keeps the display on while a shift is signed in, locked or not (Electron: powerSaveBlocker;
 * browser: the Screen Wake Lock API), and lets it sleep again after sign-out.
 */
import { useEffect } from 'react';
import { platform } from '../../platform';

export function useKeepAwake(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    void platform().setKeepAwake({ on: true });
    return () => void platform().setKeepAwake({ on: false });
  }, [on]);
}
