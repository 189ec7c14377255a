/**
 * Everything behind a sign-in: the top bar (counter, staff number, role, lock, sign-out, PIN,
 * language), the screens the role may open and the idle lock.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftSummary } from '../../domain/shift-summary';
import type { Session } from '../../storage';
import { useRepositories } from '../../storage/provider';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { Notice } from '../../ui/Notice';
import { SettingsScreen } from '../admin/SettingsScreen';
import { StaffScreen } from '../admin/StaffScreen';
import { AuditorScreen } from '../auditor/AuditorScreen';
import { ClerkScreen } from '../clerk/ClerkScreen';
import { ChangePinDialog } from './ChangePinDialog';
import { useAction } from './use-action';
import { useIdleLock } from './use-idle-lock';

type Tab = 'counter' | 'staff' | 'settings' | 'log';

const TABS: Record<Session['role'], Tab[]> = {
  clerk: ['counter'],
  manager: ['counter', 'staff', 'settings', 'log'],
  auditor: ['log'],
};

export function SignedInShell({
  session,
  onSignedOut,
}: {
  session: Session;
  onSignedOut: (summary: ShiftSummary) => void;
}) {
  const { t } = useTranslation();
  const { auth } = useRepositories();
  const settings = useLiveQuery(() => auth.settings(), [auth]);
  const tabs = TABS[session.role];
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'counter');
  const [changingPin, setChangingPin] = useState(false);
  const { run, error, setError } = useAction();

  const lockIdle = useCallback(() => void auth.lock('idle'), [auth]);
  useIdleLock(settings?.idleLockMinutes ?? 3, lockIdle);

  const signOut = async () => {
    const summary = await run(() => auth.signOut());
    if (summary) onSignedOut(summary);
  };

  return (
    <div className="clerk">
      <header className="topbar">
        <span className="who">
          {t('header.counter', { counter: session.counter })}
          {' · '}
          {t('header.staff', { staffNo: session.staffNo })}
        </span>
        <span className="role">{t(`role.${session.role}`)}</span>
        {tabs.length > 1 && (
          <nav className="tabs" aria-label={t('nav.label')}>
            {tabs.map((name) => (
              <button
                key={name}
                type="button"
                aria-pressed={tab === name}
                onClick={() => setTab(name)}
              >
                {t(`nav.${name}`)}
              </button>
            ))}
          </nav>
        )}
        <div className="topbar-actions">
          <button type="button" onClick={() => void run(() => auth.lock('manual'))}>
            {t('session.lock')}
          </button>
          <button type="button" onClick={() => setChangingPin(true)}>
            {t('session.changePin')}
          </button>
          <button type="button" onClick={() => void signOut()}>
            {t('session.signOut')}
          </button>
        </div>
        <LanguageSwitcher />
      </header>
      {error && (
        <Notice
          message={error}
          onDismiss={() => setError(null)}
          dismissLabel={t('common.dismiss')}
        />
      )}
      {tab === 'counter' && <ClerkScreen session={session} />}
      {tab === 'staff' && <StaffScreen session={session} />}
      {tab === 'settings' && <SettingsScreen />}
      {tab === 'log' && <AuditorScreen />}
      {changingPin && <ChangePinDialog onClose={() => setChangingPin(false)} />}
    </div>
  );
}
