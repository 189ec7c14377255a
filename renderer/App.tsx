/**
 * Which screen: first run on a new device, sign-in, the lock screen, or the signed-in shell for
 * the person's role. Read live from the log, so a reload or a crash lands on the same one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftSummary } from './domain/shift-summary';
import { ChoosePinScreen } from './features/session/ChoosePinScreen';
import { LockScreen } from './features/session/LockScreen';
import { ShiftSummaryScreen } from './features/session/ShiftSummaryScreen';
import { SignedInShell } from './features/session/SignedInShell';
import { SignInScreen } from './features/session/SignInScreen';
import { useKeepAwake } from './features/session/use-keep-awake';
import { FirstRunScreen } from './features/setup/FirstRunScreen';
import { useRepositories } from './storage/provider';

export function App() {
  const { t } = useTranslation();
  const { auth } = useRepositories();
  // undefined while loading; null when there is none.
  const device = useLiveQuery(() => auth.device(), [auth]);
  const session = useLiveQuery(() => auth.session(), [auth]);
  const [signedOut, setSignedOut] = useState<{ staffNo: string; summary: ShiftSummary } | null>(
    null,
  );

  useKeepAwake(Boolean(session));

  if (device === undefined || session === undefined)
    return <p className="loading">{t('app.loading')}</p>;
  if (signedOut) {
    return (
      <ShiftSummaryScreen
        staffNo={signedOut.staffNo}
        summary={signedOut.summary}
        onDone={() => setSignedOut(null)}
      />
    );
  }
  if (device === null) return <FirstRunScreen />;
  if (session === null) return <SignInScreen counter={device.counter} />;
  if (session.locked) return <LockScreen session={{ ...session, locked: session.locked }} />;
  if (session.mustChangePin) return <ChoosePinScreen session={session} />;
  return (
    <SignedInShell
      key={session.staffNo}
      session={session}
      onSignedOut={(summary) => setSignedOut({ staffNo: session.staffNo, summary })}
    />
  );
}
