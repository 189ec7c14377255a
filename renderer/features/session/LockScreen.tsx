/**
 * The locked screen (离席时需锁屏). The signed-in person unlocks with their PIN, or a manager with
 * theirs; someone else can sign in instead, which ends the locked session (an open service stays
 * open for whoever resumes it). When the lock came from leaving the seat, it shows for how long,
 * and unlocking records the return.
 */
import './session.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { openService, type Session } from '../../../core/domain/device/state';
import { stepDefinition } from '../../../core/domain/flow/flow-definition';
import { renderScript } from '../../../core/domain/script';
import { currentLocale } from '../../i18n';
import { formatDuration } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { SetupPage } from '../../ui/SetupPage';
import { PinField } from '../../ui/PinField';
import { TextField } from '../../ui/TextField';
import { useNow } from '../../ui/use-now';
import { useDeviceState, useSnapshot } from '../shared/store-context';
import { useCommand } from '../shared/use-command';
import { OpenServiceNotice } from './OpenServiceNotice';
import { SignInForm } from './SignInForm';

export function LockScreen({ session, counter }: { session: Session; counter: string }) {
  const { t, i18n } = useTranslation();
  const state = useDeviceState();
  const { pinNeeded } = useSnapshot();
  const [mode, setMode] = useState<'self' | 'manager' | 'other'>('self');
  const [managerNo, setManagerNo] = useState('');
  const [pin, setPin] = useState('');
  const { run, error, busy } = useCommand();
  const now = useNow();

  const open = openService(state);
  const away = open?.awaySince != null ? open : null;
  const script = stepDefinition(state.config.flow, 'thank-returning').script;
  const lockedAt = session.locked?.atMs ?? now;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const entered = pin;
    setPin('');
    void run({ type: 'unlock', staffNo: mode === 'manager' ? managerNo : null, pin: entered });
  };

  return (
    <SetupPage title={away ? t('away.title') : t('lock.title')} className="lock">
      <p className="lock-who">{t('lock.who', { staffNo: session.staffNo, counter })}</p>
      {pinNeeded && (
        <p className="notice" role="status" data-testid="pin-needed">
          {t('refusal.pin-needed')}
        </p>
      )}
      {away?.awaySince != null ? (
        <>
          <p className="away-time">
            {t('away.since', { time: formatDuration(now - away.awaySince) })}
          </p>
          {script && (
            <blockquote className="script">
              {renderScript(script, currentLocale(i18n.language), {
                title: away.title,
                surname: away.surname,
              })}
            </blockquote>
          )}
        </>
      ) : (
        <>
          <p className="away-time">{t('lock.since', { time: formatDuration(now - lockedAt) })}</p>
          <OpenServiceNotice />
        </>
      )}

      {mode === 'other' ? (
        <>
          <SignInForm />
          <button type="button" className="link" onClick={() => setMode('self')}>
            {t('lock.backToUnlock')}
          </button>
        </>
      ) : (
        <form className="setup-form" onSubmit={submit} noValidate>
          <h2>
            {mode === 'manager'
              ? t('lock.managerUnlock')
              : t('lock.unlockAs', { staffNo: session.staffNo })}
          </h2>
          {mode === 'manager' && (
            <TextField
              label={t('lock.managerNo')}
              value={managerNo}
              onChange={setManagerNo}
              maxLength={12}
            />
          )}
          <PinField label={t('signIn.pin')} value={pin} onChange={setPin} autoFocus />
          <FormError message={error} />
          <button type="submit" className="primary big" disabled={busy}>
            {busy ? t('signIn.checking') : away ? t('away.back') : t('lock.unlock')}
          </button>
          <div className="choice-row">
            <button
              type="button"
              className="secondary"
              onClick={() => setMode(mode === 'manager' ? 'self' : 'manager')}
            >
              {mode === 'manager'
                ? t('lock.unlockAs', { staffNo: session.staffNo })
                : t('lock.managerUnlock')}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('other')}>
              {t('lock.someoneElse')}
            </button>
          </div>
        </form>
      )}
    </SetupPage>
  );
}
