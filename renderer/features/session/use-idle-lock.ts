/**
 * Locks the screen after `minutes` without a touch, a click or a key. Timers only: nothing is
 * written until the lock itself.
 */
import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export function useIdleLock(minutes: number, onIdle: () => void): void {
  useEffect(() => {
    let timer = setTimeout(onIdle, minutes * 60_000);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, minutes * 60_000);
    };
    for (const type of ACTIVITY) window.addEventListener(type, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart);
    };
  }, [minutes, onIdle]);
}
