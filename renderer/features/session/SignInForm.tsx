/** Staff number and PIN. Nobody signs in for someone else (不得由他人代登陆): each person their own. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../storage/provider';
import { FormError } from '../../ui/FormError';
import { PinField } from '../../ui/PinField';
import { useAction } from './use-action';
import { TextField } from '../../ui/TextField';

export function SignInForm() {
  const { t } = useTranslation();
  const { auth } = useRepositories();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const { run, error, busy } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The field empties at once: a PIN never lingers on screen, and the next try starts clean.
    const entered = pin;
    setPin('');
    void run(() => auth.signIn(staffNo, entered));
  };

  return (
    <form className="setup-form" onSubmit={submit} noValidate>
      <h2>{t('signIn.title')}</h2>
      <TextField
        label={t('signIn.staffNo')}
        value={staffNo}
        onChange={(value) => setStaffNo(value)}
        maxLength={12}
      />
      <PinField label={t('signIn.pin')} value={pin} onChange={setPin} />
      <FormError message={error} />
      <button type="submit" className="primary big" disabled={busy}>
        {busy ? t('signIn.checking') : t('signIn.submit')}
      </button>
    </form>
  );
}
