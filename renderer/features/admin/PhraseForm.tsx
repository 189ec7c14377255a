/**
 * Adding a pair of words never to say: in one language or more, each with what to say instead.
 * Sent as typed (trimmed, the languages left empty left out); the domain numbers it, checks it
 * and says what is wrong, next to the language it is about.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhraseWords } from '../../../core/domain/device/config-phrases';
import { LOCALES, type Locale } from '../../../core/domain/locale';
import { PhraseFields } from './PhraseFields';
import { SaveStatus } from './SaveStatus';
import { useConfigSave } from './use-config-save';

const EMPTY: Record<Locale, PhraseWords> = {
  'zh-CN': { never: '', instead: '' },
  'zh-TW': { never: '', instead: '' },
  en: { never: '', instead: '' },
};

export function PhraseForm() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(EMPTY);
  const { save, saved, error, problem, busy, reset } = useConfigSave();
  const inField = problem !== null && 'locale' in problem ? problem.locale : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = Object.fromEntries(
      LOCALES.flatMap((locale) => {
        const never = typed[locale].never.trim();
        const instead = typed[locale].instead.trim();
        return never || instead ? [[locale, { never, instead }]] : [];
      }),
    );
    if (await save({ key: 'phrase-added', text })) setTyped(EMPTY);
  };

  return (
    <form
      className="phrase-form"
      aria-labelledby="phrase-form-title"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id="phrase-form-title">{t('settings.phrases.addTitle')}</h3>
      <div className="phrase-languages">
        {LOCALES.map((locale) => (
          <PhraseFields
            key={locale}
            locale={locale}
            value={typed[locale]}
            error={inField === locale ? error : null}
            onChange={(words) => {
              setTyped((current) => ({ ...current, [locale]: words }));
              reset();
            }}
          />
        ))}
      </div>
      {saved ? (
        <p role="status" className="saved">
          {t('settings.phrases.added')}
        </p>
      ) : (
        <SaveStatus saved={false} error={inField ? null : error} />
      )}
      <button type="submit" className="primary" disabled={busy}>
        {t('settings.phrases.add')}
      </button>
    </form>
  );
}
