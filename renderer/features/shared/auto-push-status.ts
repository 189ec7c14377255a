/**
 * What the automatic push last did, for Settings → Store hub to show: kept in memory for this
 * window (the hub's head itself is saved with the hub settings after every push that succeeds);
 * a count the hub settings' screen moves when it saved them, for the push to read them again; and
 * one it moves when the hub approved this tablet's restore, for the push to go on.
 */
import { useSyncExternalStore } from 'react';
import type { HubProblem } from '../../storage';

export type AutoPushStatus =
  | { at: number; ok: true; hubSeq: number }
  /** retryAt null: no more tries until a manager types the hub's restore code. */
  | { at: number; ok: false; problem: HubProblem; retryAt: number | null };

let status: AutoPushStatus | null = null;
let settingsSaved = 0;
let restoresApproved = 0;
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function publishAutoPush(next: AutoPushStatus): void {
  status = next;
  changed();
}

export function hubSettingsSaved(): void {
  settingsSaved += 1;
  changed();
}

export function hubRestoreApproved(): void {
  restoresApproved += 1;
  changed();
}

export const useHubRestoreApproved = (): number =>
  useSyncExternalStore(subscribe, () => restoresApproved);

export const useAutoPushStatus = (): AutoPushStatus | null =>
  useSyncExternalStore(subscribe, () => status);

export const useHubSettingsSaved = (): number =>
  useSyncExternalStore(subscribe, () => settingsSaved);
