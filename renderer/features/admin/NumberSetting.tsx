/** One whole-number setting with its label, hint and Save; saving is a `config-changed` event. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useCommand } from '../shared/use-command';

export function NumberSetting({
  settingKey,
  value,
  max,
}: {
  settingKey: 'idle-lock-minutes' | 'tap-guard-ms' | 'clock-tolerance-seconds';
  value: number;
  max: number;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { run, error, busy } = useCommand();
  const shown = typed ?? String(value);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = /^\d{1,5}$/.test(shown.trim()) ? Number(shown) : Number.NaN;
    setSaved(
      (await run({ type: 'change-config', change: { key: settingKey, value: number } })) !== null,
    );
  };

  return (
    <form className="setting" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={t(`settings.${settingKey}.label`)}
        value={shown}
        onChange={(text) => {
          setTyped(text);
          setSaved(false);
        }}
        maxLength={String(max).length}
        inputMode="numeric"
      />
      <p className="hint">{t(`settings.${settingKey}.hint`, { max })}</p>
      <FormError message={error} />
      {saved && !error && <p role="status">{t('settings.saved')}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {t('settings.save')}
      </button>
    </form>
  );
}
