/**
 * First run: the device's counter and the clerk's staff number. Stands in for sign-in until staff
 * accounts exist; it only feeds the `CurrentSession` abstraction.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../storage/provider';
import { LanguageSwitcher } from '../../ui/LanguageSwitcher';
import { useStorageErrorMessage } from '../clerk/use-command';

export function SetupScreen() {
  const { t } = useTranslation();
  const { sessions } = useRepositories();
  const [counter, setCounter] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const storageMessage = useStorageErrorMessage();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await sessions.setUp({ counter, staffNo });
      if (!result.ok) setError(t(`setup.refusal.${result.refusal}`));
    } catch (failure) {
      setError(storageMessage(failure));
    }
  };

  return (
    <main className="setup">
      <header className="setup-header">
        <h1>{t('app.title')}</h1>
        <LanguageSwitcher />
      </header>
      <form className="setup-form" onSubmit={(event) => void submit(event)} noValidate>
        <h2>{t('setup.title')}</h2>
        <p>{t('setup.intro')}</p>
        <label>
          {t('setup.counter')}
          <input
            value={counter}
            onChange={(event) => setCounter(event.target.value)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
          />
        </label>
        <label>
          {t('setup.staffNo')}
          <input
            value={staffNo}
            onChange={(event) => setStaffNo(event.target.value)}
            autoComplete="off"
            maxLength={12}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary big">
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
