/** Staff number and PIN. Nobody signs in for someone else (不得由他人代登陆): each person their own. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError';
import { PinField } from '../../ui/PinField';
import { TextField } from '../../ui/TextField';
import { useCommand } from '../shared/use-command';

export function SignInForm() {
  const { t } = useTranslation();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const { run, error, busy } = useCommand();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The field empties at once: a PIN never lingers on screen, and the next try starts clean.
    const entered = pin;
    setPin('');
    void run({ type: 'sign-in', staffNo, pin: entered });
  };

  return (
    <form className="setup-form" onSubmit={submit} noValidate>
      <h2>{t('signIn.title')}</h2>
      <TextField label={t('signIn.staffNo')} value={staffNo} onChange={setStaffNo} maxLength={12} />
      <PinField label={t('signIn.pin')} value={pin} onChange={setPin} />
      <FormError message={error} />
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? t('signIn.checking') : t('signIn.submit')}
      </button>
    </form>
  );
}
