/**
 * One pair in Settings → Words never to say, in the screen's language or the nearest one it was
 * written in; a pair of the store's own has Retire.
 */
import { useTranslation } from 'react-i18next';
import { phraseIn, type PhraseText } from '../../../core/domain/device/config-phrases';
import type { Locale } from '../../../core/domain/locale';

export function PhraseRow({
  id,
  text,
  locale,
  onRetire,
}: {
  /** Null for the standard's own (never retired). */
  id: string | null;
  text: PhraseText;
  locale: Locale;
  onRetire?: (words: string) => void;
}) {
  const { t } = useTranslation();
  const shown = phraseIn(text, locale);
  return (
    <tr data-phrase={id ?? 'standard'}>
      <td className="phrase-never" lang={shown.locale}>
        <s>{shown.never}</s>
      </td>
      <td className="phrase-instead" lang={shown.locale}>
        {shown.instead}
      </td>
      <td className="phrase-action">
        {onRetire && (
          <button
            type="button"
            className="secondary"
            aria-label={t('settings.phrases.retireOne', { words: shown.never })}
            onClick={() => onRetire(shown.never)}
          >
            {t('settings.phrases.retire')}
          </button>
        )}
      </td>
    </tr>
  );
}
