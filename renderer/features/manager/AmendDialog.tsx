/**
 * A manager's correction of a service: one step's outcome or the business type, with the reason.
 * It is a new record; the service's own records stay as they were, shown beside the correction.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_IDS, type StepId } from '../../../core/domain/flow/flow-definition';
import type { ServiceRow } from '../../../core/domain/review/service-row';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useDeviceState } from '../shared/store-context';
import { useCommand } from '../shared/use-command';
import { useListLabel } from '../shared/use-list-label';

const OUTCOMES = ['done', 'skipped', 'na', 'pending'] as const;
type Outcome = (typeof OUTCOMES)[number];

export function AmendDialog({ row, onClose }: { row: ServiceRow; onClose: () => void }) {
  const { t } = useTranslation('review');
  const { t: tApp } = useTranslation();
  const label = useListLabel();
  const { config } = useDeviceState();
  const { run, error, busy } = useCommand();
  const [what, setWhat] = useState<'step' | 'business-type'>('step');
  const [stepId, setStepId] = useState<StepId>(STEP_IDS[0]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [skipReason, setSkipReason] = useState<string | null>(null);
  const [businessType, setBusinessType] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const save = async () => {
    const change =
      what === 'business-type'
        ? { kind: 'business-type', businessType }
        : { kind: 'step', stepId, outcome, skipReason: outcome === 'skipped' ? skipReason : null };
    const done = await run({ type: 'amend-service', target: row.serviceId, change, reason });
    if (done) onClose();
  };

  return (
    <Dialog
      title={t('amend.title', { ticket: row.ticket })}
      onClose={onClose}
      confirm={{ label: t('amend.save'), onClick: () => void save(), disabled: busy }}
    >
      <p className="hint">{t('amend.explain')}</p>
      <ChoiceGroup
        label={t('amend.what')}
        options={['step', 'business-type'] as const}
        value={what}
        onChange={setWhat}
        labelOf={(option) => t(`amend.${option}`)}
      />
      {what === 'step' ? (
        <>
          <label className="field">
            {t('amend.step')}
            <select value={stepId} onChange={(event) => setStepId(event.target.value as StepId)}>
              {STEP_IDS.map((id, index) => (
                <option key={id} value={id}>
                  {t('numbered', { number: index + 1, name: tApp(`steps.${id}.name`) })}
                </option>
              ))}
            </select>
          </label>
          <ChoiceGroup
            label={t('amend.outcome')}
            options={OUTCOMES}
            value={outcome}
            onChange={setOutcome}
            labelOf={(option) => t(`outcome.${option}`)}
          />
          {outcome === 'skipped' && (
            <ChoiceGroup
              label={tApp('skip.reason')}
              options={config.skipReasons.map((entry) => entry.code)}
              value={skipReason}
              onChange={setSkipReason}
              labelOf={(code) => label('skip-reasons', code)}
            />
          )}
        </>
      ) : (
        <ChoiceGroup
          label={t('services.type')}
          options={config.businessTypes.map((type) => type.code)}
          value={businessType}
          onChange={setBusinessType}
          labelOf={(code) => label('business-types', code)}
        />
      )}
      <TextField label={t('amend.reason')} value={reason} onChange={setReason} maxLength={200} />
      <FormError message={error} />
    </Dialog>
  );
}
