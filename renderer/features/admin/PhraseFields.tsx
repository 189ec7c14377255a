/** One language's pair in the add form: the words not to say, and what to say instead. */
import { useTranslation } from 'react-i18next';
import { PHRASE_LIMITS, type PhraseWords } from '../../../core/domain/device/config-phrases';
import type { Locale } from '../../../core/domain/locale';
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
  return (
    // The legend names the language; the fields inside are named by what they hold.
    <fieldset className="phrase-fields" data-locale={locale}>
      <legend>{t(`language.${locale}`)}</legend>
      <TextField
        label={t('phrases.never')}
        value={value.never}
        onChange={(never) => onChange({ ...value, never })}
        lang={locale}
        // Room past the limit, so that the domain can say the words are too long.
        maxLength={PHRASE_LIMITS.never * 2}
      />
      <TextField
        label={t('phrases.instead')}
        value={value.instead}
        onChange={(instead) => onChange({ ...value, instead })}
        lang={locale}
        maxLength={PHRASE_LIMITS.instead * 2}
      />
      <FormError message={error} />
    </fieldset>
  );
}
