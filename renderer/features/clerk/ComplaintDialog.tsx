/**
 * The complaint's record (its act step, 采取行动): category, a short summary, and the outcome —
 * resolved on the spot, escalated to the manager on duty (who types their own staff number and
 * PIN here, on this tablet, and a follow-up may be promised too), or a follow-up promised by a
 * date. Nothing is checked here: the
 * domain refuses a phone or ID number in the summary, a past date or a wrong PIN, and says why.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_CATEGORIES,
  MAX_SUMMARY,
  type ComplaintCategory,
  type OutcomeKind,
} from '../../../core/domain/service/complaint';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { Dialog } from '../../ui/Dialog';
import { PinField } from '../../ui/PinField';
import { TextField } from '../../ui/TextField';

const OUTCOMES: readonly OutcomeKind[] = ['resolved', 'escalated', 'follow-up'];

export interface ComplaintForm {
  category: string;
  summary: string;
  outcome: OutcomeKind;
  due: string | null;
  manager: string | null;
  managerPin: string | null;
}

export function ComplaintDialog({
  onCancel,
  onConfirm,
}: {
  onCancel: () => void;
  onConfirm: (form: ComplaintForm) => void;
}) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState<OutcomeKind | null>(null);
  const [due, setDue] = useState('');
  const [manager, setManager] = useState('');
  const [pin, setPin] = useState('');
  return (
    <Dialog
      title={t('complaint.record.title')}
      onClose={onCancel}
      confirm={{
        label: t('complaint.record.confirm'),
        disabled: category === null || outcome === null,
        onClick: () =>
          category &&
          outcome &&
          onConfirm({
            category,
            summary,
            outcome,
            due: outcome === 'resolved' ? null : due,
            manager: outcome === 'escalated' ? manager : null,
            managerPin: outcome === 'escalated' ? pin : null,
          }),
      }}
    >
      <ChoiceGroup
        label={t('complaint.record.category')}
        options={COMPLAINT_CATEGORIES}
        value={category}
        onChange={setCategory}
        labelOf={(code) => t(`complaint.category.${code}`)}
      />
      <label className="field">
        {t('complaint.record.summary')}
        <textarea
          value={summary}
          maxLength={MAX_SUMMARY + 50}
          rows={2}
          onChange={(event) => setSummary(event.target.value)}
        />
      </label>
      <p className="hint">{t('complaint.record.summaryHint')}</p>
      <ChoiceGroup
        label={t('complaint.record.outcome')}
        options={OUTCOMES}
        value={outcome}
        onChange={setOutcome}
        labelOf={(code) => t(`complaint.outcome.${code}`)}
      />
      {outcome === 'follow-up' && (
        <TextField
          label={t('complaint.record.due')}
          type="date"
          value={due}
          onChange={setDue}
          maxLength={10}
        />
      )}
      {outcome === 'escalated' && (
        <div className="escalation">
          <p className="hint">{t('complaint.record.managerHint')}</p>
          <TextField
            label={t('complaint.record.manager')}
            value={manager}
            onChange={setManager}
            maxLength={12}
          />
          <PinField label={t('complaint.record.managerPin')} value={pin} onChange={setPin} />
          <TextField
            label={t('complaint.record.dueOptional')}
            type="date"
            value={due}
            onChange={setDue}
            maxLength={10}
          />
        </div>
      )}
    </Dialog>
  );
}
