/**
 * The store's business day: its time zone and the local time it starts at. Figures, exports and the
 * day-close checkpoint count an instant in the business day it falls in.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, parseClock } from '../../../core/domain/device/config-edits';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useDeviceState } from '../shared/store-context';
import { SettingsForm } from './SettingsForm';
import { useConfigSave } from './use-config-save';

/** Zones where `Intl` cannot list them: the ones a store in the app's languages is likely in. */
const FALLBACK_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'UTC'];

/** The current zone first, then every zone the platform knows. */
export function zoneChoices(current: string): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : FALLBACK_ZONES;
  return [current, ...known.filter((zone) => zone !== current)];
}

export function BusinessDayForm() {
  const { t } = useTranslation();
  const { config } = useDeviceState();
  const [zone, setZone] = useState<string | null>(null);
  const [start, setStart] = useState<string | null>(null);
  const { save, saved, error, busy, reset } = useConfigSave();
  const shownZone = zone ?? config.timeZone;
  const shownStart = start ?? formatClock(config.dayStartMinutes);
  const zones = useMemo(() => zoneChoices(config.timeZone), [config.timeZone]);

  const submit = async () => {
    const stored = await save({
      key: 'business-day',
      timeZone: shownZone,
      startMinutes: parseClock(shownStart),
    });
    if (stored) {
      setZone(null);
      setStart(null);
    }
  };

  return (
    <SettingsForm
      titleId="business-day-title"
      title={t('settings.businessDay.title')}
      onSave={submit}
      saved={saved}
      error={error}
      busy={busy}
    >
      <SelectField
        label={t('settings.businessDay.timeZone')}
        value={shownZone}
        options={zones.map((value) => ({ value, label: value.replace(/_/g, ' ') }))}
        onChange={(value) => {
          setZone(value);
          reset();
        }}
      />
      <TextField
        label={t('settings.businessDay.start')}
        value={shownStart}
        onChange={(text) => {
          setStart(text);
          reset();
        }}
        maxLength={5}
        inputMode="numeric"
        placeholder="04:00"
      />
      <p className="hint">{t('settings.businessDay.hint')}</p>
    </SettingsForm>
  );
}
