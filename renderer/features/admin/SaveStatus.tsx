/** Under a settings form: the refusal, or "Saved." once the change is in the log. */
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError';

export function SaveStatus({ saved, error }: { saved: boolean; error: string | null }) {
  const { t } = useTranslation();
  if (error) return <FormError message={error} />;
  return saved ? (
    <p role="status" className="saved">
      {t('settings.saved')}
    </p>
  ) : null;
}
