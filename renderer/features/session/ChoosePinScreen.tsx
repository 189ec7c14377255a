/**
 * After a manager created the account or reset its PIN, the manager knows that PIN: its owner
 * chooses their own before anything else (or signs out).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../storage';
import { useRepositories } from '../../storage/provider';
import { FormError } from '../../ui/FormError';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { PinField } from '../../ui/PinField';
import { useAction } from './use-action';

export function ChoosePinScreen({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { auth } = useRepositories();
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { run, error, busy } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => auth.changeOwnPin(current, pin, confirmation));
  };

  return (
    <main className="setup">
      <header className="setup-header">
        <h1>{t('choosePin.title')}</h1>
        <LanguageSwitcher />
      </header>
      <form className="setup-form" onSubmit={submit} noValidate>
        <p>{t('choosePin.intro', { staffNo: session.staffNo })}</p>
        <PinField label={t('pin.current')} value={current} onChange={setCurrent} autoFocus />
        <PinField label={t('pin.new')} value={pin} onChange={setPin} />
        <PinField label={t('pin.confirm')} value={confirmation} onChange={setConfirmation} />
        <p className="hint">{t('pin.rules')}</p>
        <FormError message={error} />
        <button type="submit" className="primary big" disabled={busy}>
          {t('pin.save')}
        </button>
        <button type="button" className="secondary" onClick={() => void run(() => auth.signOut())}>
          {t('session.signOut')}
        </button>
      </form>
    </main>
  );
}
