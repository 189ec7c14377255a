/**
 * What the store hub holds against this device (hub/witness.ts), as its last answer to a head
 * report or a push listed them, kept in memory for this window; and the tickets this screen
 * called aloud since it opened, with the screen's own id (one per page load), which every head
 * report carries so the hub can tell a screen that calls while its log stands still.
 */
import { useSyncExternalStore } from 'react';
import type { HubAlert } from '../../../core/domain/hub/protocol';

export type { HubAlert };

const NONE: readonly HubAlert[] = [];
let alerts: readonly HubAlert[] = NONE;
let calls = 0;
let contacts = 0;
const listeners = new Set<() => void>();
const changed = () => {
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** This page load's id, as the hub knows its screen. */
export const SCREEN_ID: string = globalThis.crypto.randomUUID();

export function publishHubAlerts(next: readonly HubAlert[]): void {
  const same =
    next.length === alerts.length &&
    next.every((alert, index) => JSON.stringify(alert) === JSON.stringify(alerts[index]));
  if (same) return;
  alerts = next.length === 0 ? NONE : [...next];
  changed();
}

/** A ticket called aloud from this screen (a repeat of the same call does not count). */
export function countCall(): void {
  calls += 1;
  changed();
}

/** A push reached the hub (or was refused by it): a head report follows, with the alerts. */
export function hubContacted(): void {
  contacts += 1;
  changed();
}

export const useHubContacts = (): number => useSyncExternalStore(subscribe, () => contacts);

export const useHubAlerts = (): readonly HubAlert[] =>
  useSyncExternalStore(subscribe, () => alerts);

export const useCallCount = (): number => useSyncExternalStore(subscribe, () => calls);
