/** One step's words in the three languages, with Save and "Back to the standard". */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyStepId } from '../../../core/domain/service/commands';
import { LOCALES, type Locale, type LocalizedText } from '../../../core/domain/locale';
import { SaveStatus } from './SaveStatus';
import { ScriptTextField } from './ScriptTextField';
import { useConfigSave } from './use-config-save';

export const sameScript = (a: LocalizedText | null, b: LocalizedText | null) =>
  a === b || (a !== null && b !== null && LOCALES.every((locale) => a[locale] === b[locale]));

export function ScriptForm({
  stepId,
  script,
  standard,
}: {
  stepId: AnyStepId;
  script: LocalizedText | null;
  standard: LocalizedText | null;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<Partial<LocalizedText>>({});
  const { save, saved, error, problem, busy, reset } = useConfigSave();
  const shown = (locale: Locale) => typed[locale] ?? script?.[locale] ?? '';
  const inField = problem !== null && 'locale' in problem ? problem.locale : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = Object.fromEntries(LOCALES.map((locale) => [locale, shown(locale).trim()]));
    if (await save({ key: 'script', stepId, text })) setTyped({});
  };
  const backToStandard = async () => {
    if (await save({ key: 'script', stepId, text: null })) setTyped({});
  };

  return (
    <form className="script-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="hint">
        {sameScript(script, standard)
          ? t('settings.scripts.isStandard')
          : t('settings.scripts.isChanged')}{' '}
        {t('settings.scripts.sample')}
      </p>
      <div className="script-fields">
        {LOCALES.map((locale) => (
          <ScriptTextField
            key={locale}
            locale={locale}
            value={shown(locale)}
            error={inField === locale ? error : null}
            onChange={(text) => {
              setTyped((current) => ({ ...current, [locale]: text }));
              reset();
            }}
          />
        ))}
      </div>
      <SaveStatus saved={saved} error={inField ? null : error} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('settings.save')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy || (sameScript(script, standard) && Object.keys(typed).length === 0)}
          onClick={() => void backToStandard()}
        >
          {t('settings.scripts.reset')}
        </button>
      </div>
    </form>
  );
}
