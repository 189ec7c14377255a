/**
 * First run on a new device: the counter it serves and the store's first manager (staff number
 * and PIN). There are no default accounts; everyone else is added by a manager afterwards. The
 * device also makes its identity and first signing key here (see the README's trust section).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError';
import { SetupPage } from '../../ui/SetupPage';
import { TextField } from '../../ui/TextField';
import { useCommand } from '../shared/use-command';
import { LazyRestorePanel as RestorePanel } from './LazyRestorePanel';
import { NewPinPair } from './NewPinPair';

export function FirstRunScreen() {
  const { t } = useTranslation();
  const [counter, setCounter] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { run, error, busy } = useCommand();
  const [restoring, setRestoring] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run({ type: 'first-run', counter, staffNo, pin, confirmation });
  };

  return (
    <SetupPage title={t('app.title')}>
      <form className="setup-form first-run" onSubmit={submit} noValidate>
        <h2>{t('setup.title')}</h2>
        <p>{t('setup.intro')}</p>
        <div className="field-pair">
          <TextField
            label={t('setup.counter')}
            value={counter}
            onChange={setCounter}
            maxLength={8}
          />
          <TextField
            label={t('setup.staffNo')}
            value={staffNo}
            onChange={setStaffNo}
            maxLength={12}
          />
        </div>
        <NewPinPair
          pin={pin}
          confirmation={confirmation}
          onPin={setPin}
          onConfirmation={setConfirmation}
        />
        <p className="hint">{t('pin.rules')}</p>
        <FormError message={error} />
        <button type="submit" className="primary big" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
      {restoring ? (
        <RestorePanel />
      ) : (
        <button type="button" className="link" onClick={() => setRestoring(true)}>
          {t('restoring.offer')}
        </button>
      )}
    </SetupPage>
  );
}
