/**
 * The words the clerk says at each step of either flow (the seventeen, the complaint's six), per
 * language: pick a step, edit its text in each of the
 * three languages with a live preview for a sample customer, save (one config change) or go back
 * to the standard's own words. The placeholders the scripts know are listed; any other is refused
 * by the domain, and the message shows next to the language it is in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_STANDARD,
  complaintStepDefinition,
  isComplaintStep,
  type ComplaintFlow,
} from '../../../core/domain/flow/complaint-flow';
import {
  SERVICE_STANDARD,
  stepDefinition,
  type FlowDefinition,
} from '../../../core/domain/flow/flow-definition';
import type { AnyStepId } from '../../../core/domain/service/commands';
import { SCRIPT_PLACEHOLDERS } from '../../../core/domain/script';
import { SelectField } from '../../ui/SelectField';
import { useDeviceState } from '../shared/store-context';
import { ScriptForm, sameScript } from './ScriptForm';

/** A step of either flow, in the configured flows or in the standard's own. */
const definitionIn = (flow: FlowDefinition, complaintFlow: ComplaintFlow, id: AnyStepId) =>
  isComplaintStep(id) ? complaintStepDefinition(complaintFlow, id) : stepDefinition(flow, id);

/** `{customer}`: how a placeholder is written in a script. */
const placeholderToken = (name: string) => `{${name}}`;

export function ScriptEditor() {
  const { t } = useTranslation();
  const { flow, complaintFlow } = useDeviceState().config;
  const [stepId, setStepId] = useState<AnyStepId>('greet-aloud');
  const step = definitionIn(flow, complaintFlow, stepId);
  const standard = definitionIn(SERVICE_STANDARD, COMPLAINT_STANDARD, stepId).script;
  // The seventeen steps, then the complaint flow's six (both edited the same way).
  const steps = [...flow.steps, ...complaintFlow.steps];

  return (
    <section className="panel wide script-editor" aria-labelledby="scripts-title">
      <h2 id="scripts-title">{t('settings.scripts.title')}</h2>
      <div className="script-head">
        <SelectField
          label={t('settings.scripts.step')}
          value={stepId}
          options={steps.map((each) => ({
            value: each.id,
            label: t(
              sameScript(
                each.script,
                definitionIn(SERVICE_STANDARD, COMPLAINT_STANDARD, each.id).script,
              )
                ? 'settings.scripts.stepOption'
                : 'settings.scripts.stepOptionChanged',
              {
                number:
                  each.phase === 'complaint'
                    ? t('step.complaintNumber', { number: each.number })
                    : each.number,
                name: t(`steps.${each.id}.name`),
              },
            ),
          }))}
          onChange={setStepId}
        />
        <div className="placeholders">
          <p className="hint">{t('settings.scripts.placeholders')}</p>
          <ul>
            {SCRIPT_PLACEHOLDERS.map((name) => (
              <li key={name}>
                <code>{placeholderToken(name)}</code>
                <span>{t(`settings.scripts.placeholder.${name}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <ScriptForm key={stepId} stepId={stepId} script={step.script} standard={standard} />
    </section>
  );
}
