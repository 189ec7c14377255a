import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SkipReason } from '../../../core/domain/catalog';
import type { AnyStepId } from '../../../core/domain/service/commands';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { Dialog } from '../../ui/Dialog';
import { useDeviceState } from '../shared/store-context';
import { useListLabel } from '../shared/use-list-label';

/**
 * Skipping needs a reason from the list the manager configured; "other" needs a note. The engine
 * enforces both.
 */
export function SkipDialog({
  stepId,
  onCancel,
  onConfirm,
}: {
  stepId: AnyStepId;
  onCancel: () => void;
  onConfirm: (reason: SkipReason | null, note: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<SkipReason | null>(null);
  const [note, setNote] = useState('');
  const reasons = useDeviceState().config.skipReasons.map((entry) => entry.code);
  const label = useListLabel();
  return (
    <Dialog
      title={t('skip.title', { step: t(`steps.${stepId}.name`) })}
      onClose={onCancel}
      confirm={{ label: t('skip.confirm'), onClick: () => onConfirm(reason, note) }}
    >
      <ChoiceGroup
        label={t('skip.reason')}
        options={reasons}
        value={reason}
        onChange={setReason}
        labelOf={(code) => label('skip-reasons', code)}
      />
      <label className="field">
        {t('skip.note')}
        <textarea
          value={note}
          maxLength={200}
          rows={2}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
    </Dialog>
  );
}
