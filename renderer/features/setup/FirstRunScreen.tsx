/**
 * First run on a new device: the counter it serves and the store's first manager (staff number
 * and PIN). There are no default accounts; everyone else is added by a manager afterwards.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../storage/provider';
import { FormError } from '../../ui/FormError';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { PinField } from '../../ui/PinField';
import { useAction } from '../session/use-action';
import { TextField } from '../../ui/TextField';

export function FirstRunScreen() {
  const { t } = useTranslation();
  const { auth } = useRepositories();
  const [counter, setCounter] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { run, error, busy } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => auth.firstRun({ counter, staffNo, pin, confirmation }));
  };

  return (
    <main className="setup">
      <header className="setup-header">
        <h1>{t('app.title')}</h1>
        <LanguageSwitcher />
      </header>
      <form className="setup-form" onSubmit={submit} noValidate>
        <h2>{t('setup.title')}</h2>
        <p>{t('setup.intro')}</p>
        <TextField
          label={t('setup.counter')}
          value={counter}
          onChange={(value) => setCounter(value)}
          maxLength={8}
        />
        <TextField
          label={t('setup.staffNo')}
          value={staffNo}
          onChange={(value) => setStaffNo(value)}
          maxLength={12}
        />
        <PinField label={t('pin.new')} value={pin} onChange={setPin} />
        <PinField label={t('pin.confirm')} value={confirmation} onChange={setConfirmation} />
        <p className="hint">{t('pin.rules')}</p>
        <FormError message={error} />
        <button type="submit" className="primary big" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
