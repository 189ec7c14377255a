/** A step's words in one language, and what the clerk will see for a sample customer. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../core/domain/locale';
import { renderScript, type ScriptFacts } from '../../../core/domain/script';
import { FormError } from '../../ui/FormError';

/** 张先生 / Mr Zhang, ticket A025 at counter 3, ¥80 due, ¥100 received. */
const SAMPLE: ScriptFacts = {
  title: 'mr',
  surname: null,
  ticket: 'A025',
  counter: '3',
  dueFen: 8000,
  receivedFen: 10000,
  changeFen: 2000,
};
const SAMPLE_SURNAME: Record<Locale, string> = { 'zh-CN': '张', 'zh-TW': '張', en: 'Zhang' };

export function ScriptTextField({
  locale,
  value,
  error,
  onChange,
}: {
  locale: Locale;
  value: string;
  error: string | null;
  onChange: (text: string) => void;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const previewId = useId();
  const preview = value.trim()
    ? renderScript({ 'zh-CN': value, 'zh-TW': value, en: value }, locale, {
        ...SAMPLE,
        surname: SAMPLE_SURNAME[locale],
      })
    : null;
  return (
    <div className="script-field" data-locale={locale}>
      <div className="field">
        <label htmlFor={fieldId}>{t(`language.${locale}`)}</label>
        <textarea
          id={fieldId}
          lang={locale}
          value={value}
          rows={3}
          maxLength={300}
          aria-describedby={previewId}
          aria-invalid={error !== null}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
      <FormError message={error} />
      <div className="script-preview" id={previewId}>
        <span className="hint">{t('settings.scripts.preview')}</span>
        <blockquote lang={locale} data-preview={locale}>
          {preview ?? <span className="hint">{t('step.noWords')}</span>}
        </blockquote>
      </div>
    </div>
  );
}
