/** The "?" button that opens the list of keyboard shortcuts (ShortcutsDialog, loaded when opened). */
import { useTranslation } from 'react-i18next';

export function ShortcutsButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="secondary shortcuts-button"
      aria-label={t('shortcuts.title')}
      aria-keyshortcuts="?"
      onClick={onClick}
    >
      {t('shortcuts.buttonText')}
    </button>
  );
}
