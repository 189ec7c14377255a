import { useTranslation } from 'react-i18next';
import { AbandonReasonSchema, type AbandonReason } from '../../../core/domain/catalog';
import { Dialog } from '../../ui/Dialog';

/** Ends a service early: the customer left, or only came to look. Pending steps stay pending. */
export function AbandonDialog({
  onCancel,
  onConfirm,
}: {
  onCancel: () => void;
  onConfirm: (reason: AbandonReason) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('abandon.title')} onClose={onCancel}>
      <p>{t('abandon.intro')}</p>
      <div className="choice-row">
        {AbandonReasonSchema.options.map((reason) => (
          <button key={reason} type="button" className="choice" onClick={() => onConfirm(reason)}>
            {t(`abandonReason.${reason}`)}
          </button>
        ))}
      </div>
    </Dialog>
  );
}
