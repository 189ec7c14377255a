/** Device settings for managers; each change is an event in the log. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../storage/provider';
import { FormError } from '../../ui/FormError';
import { useAction } from '../session/use-action';
import { TextField } from '../../ui/TextField';

export function SettingsScreen() {
  const { t } = useTranslation();
  const { auth } = useRepositories();
  const settings = useLiveQuery(() => auth.settings(), [auth]);
  const [minutes, setMinutes] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { run, error, busy } = useAction();
  if (!settings) return null;
  const value = minutes ?? String(settings.idleLockMinutes);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = /^\d{1,3}$/.test(value.trim()) ? Number(value) : Number.NaN;
    setSaved((await run(() => auth.setIdleLockMinutes(parsed))) !== undefined);
  };

  return (
    <main className="admin">
      <form
        className="panel"
        onSubmit={(event) => void submit(event)}
        noValidate
        aria-labelledby="settings-title"
      >
        <h2 id="settings-title">{t('settings.title')}</h2>
        <TextField
          label={t('settings.idleLock')}
          value={value}
          onChange={(value) => setMinutes(value)}
          maxLength={3}
          inputMode="numeric"
        />
        <p className="hint">{t('settings.idleLockHint')}</p>
        <FormError message={error} />
        {saved && !error && <p role="status">{t('settings.saved')}</p>}
        <button type="submit" className="primary big" disabled={busy}>
          {t('settings.save')}
        </button>
      </form>
    </main>
  );
}
