/** The top bar's button that opens the words-never-to-say card (PhrasesCard, loaded when opened). */
import { useTranslation } from 'react-i18next';

export function PhrasesButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="phrases-button" onClick={onClick}>
      {t('phrases.button')}
    </button>
  );
}
