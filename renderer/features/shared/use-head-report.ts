/**
 * Tells the store hub this device's head as soon as it moved, once the device is enrolled: when a
 * screen opens (the first contact), after every finished service and every checkpoint (whenever
 * the head changed and no customer is being served), after every ticket called aloud and every
 * push (its answer may have raised an alert, a refused push too) — the
 * hub keeps each head it heard of and alerts when one goes backwards, forks, or stands still while
 * tickets are called (hub/witness.ts). The hub's answer lists this device's alerts, which the
 * manager's screens show (HubAlertBanner). A report that fails is tried again a minute later or on
 * the next change; the records themselves still go by the automatic push (use-auto-push.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { openService } from '../../../core/domain/device/state';
import { platform } from '../../platform';
import type { HubSettings } from '../../../preload/contract';
import { SCREEN_ID, publishHubAlerts, useCallCount, useHubContacts } from './hub-alerts';
import { useHubSettingsSaved } from './auto-push-status';
import { useDeviceState, useStore } from './store-context';

/** Between a change and its report (several records of one tap go in one report). */
const SETTLE_MS = 300;
const RETRY_MS = 60_000;

export function useHeadReport(): void {
  const store = useStore();
  const state = useDeviceState();
  const serviceOpen = openService(state) !== null;
  const { seq } = state.head;
  const calls = useCallCount();
  const contacts = useHubContacts();
  const saved = useHubSettingsSaved();
  const [settings, setSettings] = useState<HubSettings | null>(null);
  const reported = useRef<string | null>(null);
  const [retries, setRetries] = useState(0);

  useEffect(() => {
    let current = true;
    void platform()
      .getHub()
      .then((read) => current && setSettings(read.ok ? read.value : null));
    return () => {
      current = false;
    };
  }, [saved]);

  useEffect(() => {
    if (!settings?.enrolment || (serviceOpen && reported.current !== null)) return;
    const key = `${settings.origin} ${String(seq)} ${String(calls)} ${String(contacts)}`;
    if (reported.current === key) return;
    const { origin } = settings;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(() => {
      void store.hub
        .reportHead(platform().hubTransport(origin), { id: SCREEN_ID, calls })
        .then((answer) => {
          if (answer.ok) {
            reported.current = key;
            publishHubAlerts(answer.value.alerts);
          } else {
            retry = setTimeout(() => setRetries((count) => count + 1), RETRY_MS);
          }
        });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      clearTimeout(retry);
    };
  }, [store, settings, seq, calls, contacts, serviceOpen, retries]);
}
