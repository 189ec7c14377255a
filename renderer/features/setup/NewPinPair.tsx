/** A new PIN and its confirmation, side by side: the first manager's at first run and on restore. */
import { useTranslation } from 'react-i18next';
import { PinField } from '../../ui/PinField';

export function NewPinPair({
  pin,
  confirmation,
  onPin,
  onConfirmation,
}: {
  pin: string;
  confirmation: string;
  onPin: (pin: string) => void;
  onConfirmation: (confirmation: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field-pair">
      <PinField label={t('pin.new')} value={pin} onChange={onPin} />
      <PinField label={t('pin.confirm')} value={confirmation} onChange={onConfirmation} />
    </div>
  );
}
