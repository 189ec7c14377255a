/** One language's pair in the add form: the words not to say, and what to say instead. */
import { useTranslation } from 'react-i18next';
import { PHRASE_LIMITS, type PhraseWords } from '../../domain/device/config-phrases';
import type { Locale } from '../../domain/locale';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';

export function PhraseFields({
  locale,
  value,
  error,
  onChange,
}: {
  locale: Locale;
  value: PhraseWords;
  /** The refusal, when it is about this language. */
  error: string | null;
  onChange: (words: PhraseWords) => void;
}) {
  const { t } = useTranslation();
  const language = t(`language.${locale}`);
  return (
    <fieldset className="phrase-fields" data-locale={locale}>
      <legend>{language}</legend>
      <TextField
        label={t('settings.phrases.neverIn', { language })}
        value={value.never}
        onChange={(never) => onChange({ ...value, never })}
        lang={locale}
        // Room past the limit, so that the domain can say the words are too long.
        maxLength={PHRASE_LIMITS.never * 2}
      />
      <TextField
        label={t('settings.phrases.insteadIn', { language })}
        value={value.instead}
        onChange={(instead) => onChange({ ...value, instead })}
        lang={locale}
        maxLength={PHRASE_LIMITS.instead * 2}
      />
      <FormError message={error} />
    </fieldset>
  );
}
