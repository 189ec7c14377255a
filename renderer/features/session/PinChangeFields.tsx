/** Current PIN, new PIN twice, the rules and the error: changing one's own PIN, on a screen or in a dialog. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/FormError';
import { PinField } from '../../ui/PinField';
import { useCommand } from '../shared/use-command';

export function usePinChange() {
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const { run, error, busy } = useCommand();
  const save = async () => {
    const stored = await run({ type: 'change-own-pin', currentPin: current, pin, confirmation });
    setCurrent('');
    return stored !== null;
  };
  return { current, setCurrent, pin, setPin, confirmation, setConfirmation, error, busy, save };
}

export function PinChangeFields({
  change,
  autoFocus,
}: {
  change: ReturnType<typeof usePinChange>;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PinField
        label={t('pin.current')}
        value={change.current}
        onChange={change.setCurrent}
        autoFocus={autoFocus}
      />
      <PinField label={t('pin.new')} value={change.pin} onChange={change.setPin} />
      <PinField
        label={t('pin.confirm')}
        value={change.confirmation}
        onChange={change.setConfirmation}
      />
      <p className="hint">{t('pin.rules')}</p>
      <FormError message={change.error} />
    </>
  );
}
