/**
 * Which screen. The customer display shows only itself. The counter: first run on a new device,
 * sign-in, the lock screen, choosing one's own PIN, or the signed-in shell — read from the
 * device's state, so a reload or a crash lands on the same one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mustChangePin } from '../domain/device/state';
import type { ShiftSummary } from '../domain/log/events';
import { ChoosePinScreen } from '../features/session/ChoosePinScreen';
import { LockScreen } from '../features/session/LockScreen';
import { ShiftSummaryScreen } from '../features/session/ShiftSummaryScreen';
import { SignedInShell } from './SignedInShell';
import { SignInScreen } from '../features/session/SignInScreen';
import { useKeepAwake } from '../features/session/use-keep-awake';
import { FirstRunScreen } from '../features/setup/FirstRunScreen';
import { RestorePanel } from '../features/setup/RestorePanel';
import { SetupPage } from '../ui/SetupPage';
import { IntegrityBanner } from '../features/shared/IntegrityBanner';
import { useDeviceState } from '../features/shared/store-context';
import { DisplayScreen } from '../features/display/DisplayScreen';
import type { View } from '../platform';
import { UpdateGate } from './UpdateGate';

export function App({ view = 'counter', turned = false }: { view?: View; turned?: boolean }) {
  if (view === 'display') {
    return (
      <>
        <UpdateGate quiet />
        <DisplayScreen turned={turned} />
      </>
    );
  }
  return <CounterApp />;
}

function CounterApp() {
  const { t } = useTranslation();
  const state = useDeviceState();
  const { session, counter } = state;
  const [signedOut, setSignedOut] = useState<{ staffNo: string; summary: ShiftSummary } | null>(
    null,
  );
  useKeepAwake(Boolean(session));

  const screen = (() => {
    if (signedOut) {
      return (
        <ShiftSummaryScreen
          staffNo={signedOut.staffNo}
          summary={signedOut.summary}
          onDone={() => setSignedOut(null)}
        />
      );
    }
    if (state.restoring) {
      return (
        <SetupPage title={t('restoring.title')}>
          <RestorePanel finishing />
        </SetupPage>
      );
    }
    if (counter === null) return <FirstRunScreen />;
    if (!session) return <SignInScreen counter={counter} />;
    if (session.locked) return <LockScreen session={session} counter={counter} />;
    if (mustChangePin(state)) return <ChoosePinScreen staffNo={session.staffNo} />;
    return (
      <SignedInShell
        key={`${session.staffNo}:${session.signedInSeq}`}
        session={session}
        counter={counter}
        onSignedOut={(summary) => setSignedOut({ staffNo: session.staffNo, summary })}
      />
    );
  })();
  return (
    <>
      <IntegrityBanner />
      <UpdateGate />
      {screen}
    </>
  );
}
