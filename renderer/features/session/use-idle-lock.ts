/**
 * Locks the screen after `minutes` without a touch, a click or a key. Timers only: nothing is
 * written until the lock itself. Not while a long task the person started runs (shared/
 * long-task.ts): its end starts the wait afresh.
 */
import { useEffect } from 'react';
import { longTaskRunning, onLongTask } from '../shared/long-task';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export function useIdleLock(minutes: number, onIdle: () => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => (longTaskRunning() ? restart() : onIdle()), minutes * 60_000);
    };
    restart();
    const stopWatching = onLongTask(restart);
    for (const type of ACTIVITY) window.addEventListener(type, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      stopWatching();
      for (const type of ACTIVITY) window.removeEventListener(type, restart);
    };
  }, [minutes, onIdle]);
}
