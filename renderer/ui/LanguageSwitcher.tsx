import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../core/domain/locale';
import { changeLocale, currentLocale } from '../i18n';

/**
 * Switches the language on screen; the choice is remembered on this device unless `remember` is
 * false (the customer display: a customer's choice is theirs, not the counter's).
 */
export function LanguageSwitcher({ remember = true }: { remember?: boolean }) {
  const { t, i18n } = useTranslation();
  const active = currentLocale(i18n.language);
  return (
    <div className="language" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          // The name begins with what the button shows ("EN, English"): a person who says or
          // types what they see (WCAG 2.5.3, Label in Name) finds it, and a screen reader still
          // hears the language's whole name.
          aria-label={t('language.button', {
            short: t(`languageShort.${locale}`),
            name: t(`language.${locale}`),
          })}
          aria-pressed={locale === active}
          onClick={() => void changeLocale(locale, { remember })}
        >
          {t(`languageShort.${locale}`)}
        </button>
      ))}
    </div>
  );
}
