/**
 * Everything behind a sign-in: the top bar in one row (counter, staff number, role, the menu of
 * screens, lock, sign-out, PIN, language), the screens the role may open (from its abilities) and the idle lock.
 */
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../core/domain/device/state';
import type { ShiftSummary } from '../../core/domain/log/events';
import { can, type Ability } from '../../core/domain/permissions';
import { loadLaterWords, loadLocales } from '../i18n';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { ScreensMenu } from './ScreensMenu';
import { Notice } from '../ui/Notice';
import { ClerkScreen } from '../features/clerk/ClerkScreen';
import { useDeviceState, useStore } from '../features/shared/store-context';
import { useCommand } from '../features/shared/use-command';
import { PhrasesButton } from '../features/clerk/PhrasesButton';
import { useIdleLock } from '../features/session/use-idle-lock';

type Tab = 'counter' | 'checks' | 'review' | 'follow-ups' | 'staff' | 'settings' | 'log';

// The clerk's screen is what a counter runs all day; the manager's and auditor's screens (and
// what they bring: the export's zip and workbook writers, the later part of the words) load only
// when opened.
const withWords = <T,>(module: Promise<T>): Promise<T> =>
  Promise.all([module, loadLaterWords()]).then(([loaded]) => loaded);
// The PIN dialog and the words-never-to-say card load when first opened.
const ChangePinDialog = lazy(() =>
  import('../features/session/ChangePinDialog').then((module) => ({
    default: module.ChangePinDialog,
  })),
);
const HandoverDialog = lazy(() =>
  import('../features/clerk/HandoverDialog').then((module) => ({
    default: module.HandoverDialog,
  })),
);
const PhrasesCard = lazy(() =>
  import('../features/clerk/PhrasesCard').then((module) => ({ default: module.PhrasesCard })),
);
const StaffScreen = lazy(() =>
  withWords(import('../features/admin/StaffScreen')).then((module) => ({
    default: module.StaffScreen,
  })),
);
// Settings names list entries in every language, so every locale's words come with it.
const SettingsScreen = lazy(() =>
  Promise.all([import('../features/admin/SettingsScreen'), loadLocales()]).then(([module]) => ({
    default: module.SettingsScreen,
  })),
);
const ReviewScreen = lazy(() =>
  withWords(import('../features/manager/ReviewScreen')).then((module) => ({
    default: module.ReviewScreen,
  })),
);
const MutualCheckScreen = lazy(() =>
  withWords(import('../features/manager/MutualCheckScreen')).then((module) => ({
    default: module.MutualCheckScreen,
  })),
);
const FollowUpsScreen = lazy(() =>
  withWords(import('../features/manager/FollowUpsScreen')).then((module) => ({
    default: module.FollowUpsScreen,
  })),
);
const LogScreen = lazy(() =>
  withWords(import('../features/auditor/LogScreen')).then((module) => ({
    default: module.LogScreen,
  })),
);

/** Each screen, and the ability that opens it. */
const TABS: readonly { tab: Tab; ability: Ability }[] = [
  { tab: 'counter', ability: 'run-service' },
  { tab: 'checks', ability: 'run-service' },
  { tab: 'review', ability: 'review-services' },
  { tab: 'follow-ups', ability: 'close-follow-up' },
  { tab: 'staff', ability: 'manage-accounts' },
  { tab: 'settings', ability: 'change-config' },
  { tab: 'log', ability: 'verify-log' },
];

export function SignedInShell({
  session,
  counter,
  onSignedOut,
}: {
  session: Session;
  counter: string;
  onSignedOut: (summary: ShiftSummary) => void;
}) {
  const { t } = useTranslation();
  const store = useStore();
  const { config, shift } = useDeviceState();
  const tabs = TABS.filter(({ ability }) => can(session.role, ability)).map(({ tab }) => tab);
  const [tab, setTab] = useState<Tab>(tabs[0] ?? 'log');
  const [changingPin, setChangingPin] = useState(false);
  const [showingPhrases, setShowingPhrases] = useState(false);
  const [handingOver, setHandingOver] = useState(false);
  const { run, error, dismiss } = useCommand();
  const handover = useCommand();

  const lockIdle = useCallback(() => void store.execute({ type: 'lock', reason: 'idle' }), [store]);
  useIdleLock(config.idleLockMinutes, lockIdle);

  const signOut = async () => {
    const records = await run({ type: 'sign-out' });
    const event = records?.find((record) => record.event.type === 'signed-out')?.event;
    if (event?.type === 'signed-out') onSignedOut(event.summary);
  };

  /** The handover note, then the sign-out: the note stays recorded even if signing out fails. */
  const handOverAndSignOut = async (note: string, items: string[]) => {
    if (await handover.run({ type: 'write-handover', note, items })) {
      setHandingOver(false);
      await signOut();
    }
  };

  return (
    <div className="clerk">
      <header className="topbar">
        <h1 className="who">
          {t('header.counter', { counter })}
          {' · '}
          {t('header.staff', { staffNo: session.staffNo })}
        </h1>
        <span className="role">{t(`role.${session.role}`)}</span>
        {tabs.length > 1 && <ScreensMenu tabs={tabs} current={tab} onChoose={setTab} />}
        <div className="topbar-actions">
          {can(session.role, 'run-service') && (
            <PhrasesButton onClick={() => setShowingPhrases(true)} />
          )}
          <button type="button" onClick={() => void run({ type: 'lock', reason: 'manual' })}>
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
      {error && <Notice message={error} onDismiss={dismiss} dismissLabel={t('common.dismiss')} />}
      {tab === 'counter' && (
        <ClerkScreen counter={counter} onHandover={() => setHandingOver(true)} />
      )}
      <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
        {tab === 'checks' && <MutualCheckScreen />}
        {tab === 'review' && <ReviewScreen />}
        {tab === 'follow-ups' && <FollowUpsScreen />}
        {tab === 'staff' && <StaffScreen session={session} />}
        {tab === 'settings' && <SettingsScreen />}
        {tab === 'log' && <LogScreen />}
      </Suspense>
      <Suspense fallback={null}>
        {changingPin && <ChangePinDialog onClose={() => setChangingPin(false)} />}
        {showingPhrases && <PhrasesCard onClose={() => setShowingPhrases(false)} />}
        {handingOver && (
          <HandoverDialog
            carried={shift.openHandoverItems}
            error={handover.error}
            onCancel={() => {
              handover.dismiss();
              setHandingOver(false);
            }}
            onSave={(note, items) => void handOverAndSignOut(note, items)}
          />
        )}
      </Suspense>
    </div>
  );
}
