/** Changing one's own PIN needs the current one; the change is an event, the old hash stays stored. */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { PinChangeFields, usePinChange } from './PinChangeFields';

export function ChangePinDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const change = usePinChange();
  return (
    <Dialog
      title={t('pin.changeTitle')}
      onClose={onClose}
      confirm={{
        label: t('pin.save'),
        onClick: () => void change.save().then((saved) => saved && onClose()),
        disabled: change.busy,
      }}
    >
      <PinChangeFields change={change} autoFocus />
    </Dialog>
  );
}
