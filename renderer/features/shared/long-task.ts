/**
 * Long pieces of work a person started and is watching (loading demo data): while one runs, the
 * screen does not lock itself for want of a touch (the idle lock would cover the progress, and a
 * locked session could not record what the work adds) and a waiting update does not reload the
 * page. The idle wait starts afresh once the work ends.
 */
import { useSyncExternalStore } from 'react';

let running = 0;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Runs `work` as a long task; resolves or rejects as it does. */
export async function runLongTask<T>(work: () => Promise<T>): Promise<T> {
  running += 1;
  changed();
  try {
    return await work();
  } finally {
    running -= 1;
    changed();
  }
}

export function longTaskRunning(): boolean {
  return running > 0;
}

/** Hears each start and end of a long task. */
export function onLongTask(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a long task is running, for a screen to wait on. */
export function useLongTaskRunning(): boolean {
  return useSyncExternalStore(onLongTask, longTaskRunning);
}
