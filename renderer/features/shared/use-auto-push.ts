/**
 * Sends this counter's log to its store hub by itself once the device is enrolled: soon after each
 * sign-out and every few minutes while records wait, never while a customer is being served, with
 * a longer wait after each failure (the rules: domain/hub/auto-push.ts). A manager's own push
 * from Settings is unchanged; the two never run at once (the hub client takes one at a time).
 */
import { useEffect, useRef, useState } from 'react';
import { openService } from '../../../core/domain/device/state';
import {
  INITIAL_AUTO_PUSH,
  attempted,
  awaitingRestore,
  failed,
  nextAutoPushAt,
  restoreApproved,
  succeeded,
  waitAfter,
  type AutoPushState,
} from '../../../core/domain/hub/auto-push';
import { platform } from '../../platform';
import type { HubSettings } from '../../../preload/contract';
import { hubContacted, publishHubAlerts } from './hub-alerts';
import { publishAutoPush, useHubRestoreApproved, useHubSettingsSaved } from './auto-push-status';
import { useDeviceState, useStore } from './store-context';

export function useAutoPush(): void {
  const store = useStore();
  const state = useDeviceState();
  const serviceOpen = openService(state) !== null;
  const headSeq = state.head.seq;
  const signedIn = state.session !== null;
  const auto = useRef<AutoPushState>(INITIAL_AUTO_PUSH);
  const wasSignedIn = useRef(signedIn);
  const [attempts, setAttempts] = useState(0);
  const saved = useHubSettingsSaved();
  const approved = useHubRestoreApproved();
  // The hub settings, read again when saved or after an attempt (not on every tap).
  const [settings, setSettings] = useState<HubSettings | null>(null);

  useEffect(() => {
    let current = true;
    void platform()
      .getHub()
      .then((read) => current && setSettings(read.ok ? read.value : null));
    return () => {
      current = false;
    };
  }, [saved, attempts]);

  useEffect(() => {
    auto.current = restoreApproved(auto.current);
  }, [approved]);

  useEffect(() => {
    if (wasSignedIn.current && !signedIn) {
      auto.current = { ...auto.current, signedOutAt: Date.now() };
    }
    wasSignedIn.current = signedIn;
  }, [signedIn]);

  useEffect(() => {
    if (!settings?.enrolment) return;
    const lastPushed = settings.lastPush?.seq ?? 0;
    if (lastPushed > auto.current.pushedSeq) {
      auto.current = { ...auto.current, pushedSeq: lastPushed };
    }
    const at = nextAutoPushAt(auto.current, {
      now: Date.now(),
      enrolled: true,
      serviceOpen,
      headSeq,
    });
    if (at === null) return;
    const { origin } = settings;

    const push = async () => {
      auto.current = attempted(auto.current, Date.now());
      const result = await store.hub.push(platform().hubTransport(origin));
      if (result.ok || result.error.kind === 'refused' || result.error.kind === 'forked')
        hubContacted();
      if (result.ok) {
        auto.current = succeeded(auto.current, result.value.head.seq);
        if (result.value.alerts) publishHubAlerts(result.value.alerts);
        publishAutoPush({ at: Date.now(), ok: true, hubSeq: result.value.head.seq });
        // Saved over the settings as they are now (a manager may have changed them meanwhile).
        const now = await platform().getHub();
        if (now.ok && now.value?.enrolment && now.value.origin === origin) {
          await platform().setHub({
            settings: {
              ...now.value,
              lastPush: { seq: result.value.head.seq, at: new Date().toISOString() },
            },
          });
        }
      } else {
        const { error } = result;
        // A restore the hub has not approved: every push would be refused alike, so none until
        // a manager types the hub's restore code (Settings → Store hub).
        const unapproved = error.kind === 'refused' && error.error.error === 'restore-not-approved';
        auto.current = unapproved ? awaitingRestore(auto.current) : failed(auto.current);
        publishAutoPush({
          at: Date.now(),
          ok: false,
          problem: error,
          retryAt: unapproved ? null : Date.now() + waitAfter(auto.current.failures),
        });
      }
      setAttempts((count) => count + 1);
    };

    const timer = setTimeout(() => void push(), Math.max(0, at - Date.now()));
    return () => clearTimeout(timer);
  }, [store, settings, headSeq, serviceOpen, signedIn, approved]);
}
