/**
 * What makes a service look pencil-whipped (steps ticked off faster than they can be done): the
 * five thresholds the review flags services by, each with one line saying what it means.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumber } from '../../../core/domain/device/config-edits';
import { FLAG_FIELDS, NUMBER_LIMITS } from '../../../core/domain/device/config-problem';
import { TextField } from '../../ui/TextField';
import { useDeviceState } from '../shared/store-context';
import { SettingsForm } from './SettingsForm';
import { useConfigSave } from './use-config-save';

type Field = (typeof FLAG_FIELDS)[number];

export function FlagThresholdsForm() {
  const { t } = useTranslation();
  const { flags } = useDeviceState().config;
  const [typed, setTyped] = useState<Partial<Record<Field, string>>>({});
  const { save, saved, error, problem, busy, reset } = useConfigSave();
  const shown = (field: Field) => typed[field] ?? String(flags[field]);
  const values = Object.fromEntries(FLAG_FIELDS.map((field) => [field, shown(field)]));

  const submit = async () => {
    const value = Object.fromEntries(
      FLAG_FIELDS.map((field) => [field, parseNumber(shown(field))]),
    );
    if (await save({ key: 'flag-thresholds', value })) setTyped({});
  };

  return (
    <SettingsForm
      titleId="flags-title"
      title={t('settings.flags.title')}
      onSave={submit}
      saved={saved}
      error={error}
      busy={busy}
    >
      <p className="hint">{t('settings.flags.intro')}</p>
      <div className="flag-fields">
        {FLAG_FIELDS.map((field) => (
          <div
            key={field}
            className="flag-field"
            data-invalid={problem && 'field' in problem && problem.field === field}
          >
            <TextField
              label={t(`configField.${field}`)}
              value={shown(field)}
              onChange={(text) => {
                setTyped((current) => ({ ...current, [field]: text }));
                reset();
              }}
              maxLength={6}
              inputMode={NUMBER_LIMITS[field].whole ? 'numeric' : 'decimal'}
            />
            <p className="hint">
              {t(`settings.flags.${field}`, {
                ...values,
                min: NUMBER_LIMITS[field].min,
                max: NUMBER_LIMITS[field].max,
              })}
            </p>
          </div>
        ))}
      </div>
    </SettingsForm>
  );
}
