/** A manager sets a new PIN for someone who forgot theirs; it also ends any wait. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { PinField } from '../../ui/PinField';
import { useCommand } from '../shared/use-command';

export function ResetPinDialog({ staffNo, onClose }: { staffNo: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { run, error, busy } = useCommand();
  const save = async () => {
    if (await run({ type: 'reset-pin', subject: staffNo, pin, confirmation })) onClose();
  };
  return (
    <Dialog
      title={t('staff.resetTitle', { staffNo })}
      onClose={onClose}
      confirm={{ label: t('pin.save'), onClick: () => void save(), disabled: busy }}
    >
      <PinField label={t('pin.new')} value={pin} onChange={setPin} autoFocus />
      <PinField label={t('pin.confirm')} value={confirmation} onChange={setConfirmation} />
      <p className="hint">{t('pin.rules')}</p>
      <FormError message={error} />
    </Dialog>
  );
}
