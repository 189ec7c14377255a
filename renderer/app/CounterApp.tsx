/**
 * The counter's screens: first run on a new device, sign-in, the lock screen, choosing one's own
 * PIN, or the signed-in shell — read from the device's state, so a reload or a crash lands on the
 * same one. Two screens stop everything: this window lost its database (another window's newer
 * version took it over, or the browser closed it), and a log that is empty where its witness saw
 * records (no first run over it: restoring a backup is offered instead).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mustChangePin } from '../../core/domain/device/state';
import type { ShiftSummary } from '../../core/domain/log/events';
import { ChoosePinScreen } from '../features/session/ChoosePinScreen';
import { LockScreen } from '../features/session/LockScreen';
import { ShiftSummaryScreen } from '../features/session/ShiftSummaryScreen';
import { SignInScreen } from '../features/session/SignInScreen';
import { useKeepAwake } from '../features/session/use-keep-awake';
import { FirstRunScreen } from '../features/setup/FirstRunScreen';
import { RecordsMissingScreen } from '../features/setup/RecordsMissingScreen';
import { LazyRestorePanel as RestorePanel } from '../features/setup/LazyRestorePanel';
import { HubAlertBanner } from '../features/shared/HubAlertBanner';
import { IntegrityBanner } from '../features/shared/IntegrityBanner';
import { StartupError } from '../features/shared/StartupError';
import { useAutoPush } from '../features/shared/use-auto-push';
import { useHeadReport } from '../features/shared/use-head-report';
import { useSnapshot } from '../features/shared/store-context';
import { StorageError } from '../storage';
import { SetupPage } from '../ui/SetupPage';
import { SignedInShell } from './SignedInShell';
import { UpdateGate } from './UpdateGate';

export function CounterApp() {
  const { t } = useTranslation();
  const { state, closed, integrity } = useSnapshot();
  const { session, counter } = state;
  const [signedOut, setSignedOut] = useState<{ staffNo: string; summary: ShiftSummary } | null>(
    null,
  );
  useKeepAwake(Boolean(session));
  useAutoPush();
  useHeadReport();

  if (closed) return <StartupError error={new StorageError(closed)} />;

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
    if (counter === null && state.head.seq === 0 && integrity?.kind === 'records-missing') {
      return <RecordsMissingScreen witnessSeq={integrity.witnessSeq} />;
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
      <HubAlertBanner />
      <UpdateGate />
      {screen}
    </>
  );
}
