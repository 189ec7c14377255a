import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRepositories } from '../../storage/provider';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { PinField } from '../../ui/PinField';
import { useAction } from './use-action';

/** Changing one's own PIN needs the current one; the change is an event, the old hash stays stored. */
export function ChangePinDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { auth } = useRepositories();
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { run, error, busy } = useAction();
  const save = async () => {
    if ((await run(() => auth.changeOwnPin(current, pin, confirmation))) !== undefined) onClose();
  };
  return (
    <Dialog
      title={t('pin.changeTitle')}
      onClose={onClose}
      confirm={{ label: t('pin.save'), onClick: () => void save(), disabled: busy }}
    >
      <PinField label={t('pin.current')} value={current} onChange={setCurrent} autoFocus />
      <PinField label={t('pin.new')} value={pin} onChange={setPin} />
      <PinField label={t('pin.confirm')} value={confirmation} onChange={setConfirmation} />
      <p className="hint">{t('pin.rules')}</p>
      <FormError message={error} />
    </Dialog>
  );
}
