/**
 * The words the clerk says at each step, per language: pick a step, edit its text in each of the
 * three languages with a live preview for a sample customer, save (one config change) or go back
 * to the standard's own words. The placeholders the scripts know are listed; any other is refused
 * by the domain, and the message shows next to the language it is in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_STANDARD, stepDefinition, type StepId } from '../../domain/flow/flow-definition';
import { SCRIPT_PLACEHOLDERS } from '../../domain/script';
import { SelectField } from '../../ui/SelectField';
import { useDeviceState } from '../shared/store-context';
import { ScriptForm, sameScript } from './ScriptForm';

/** `{customer}`: how a placeholder is written in a script. */
const placeholderToken = (name: string) => `{${name}}`;

export function ScriptEditor() {
  const { t } = useTranslation();
  const { flow } = useDeviceState().config;
  const [stepId, setStepId] = useState<StepId>('greet-aloud');
  const step = stepDefinition(flow, stepId);
  const standard = stepDefinition(SERVICE_STANDARD, stepId).script;

  return (
    <section className="panel wide script-editor" aria-labelledby="scripts-title">
      <h2 id="scripts-title">{t('settings.scripts.title')}</h2>
      <div className="script-head">
        <SelectField
          label={t('settings.scripts.step')}
          value={stepId}
          options={flow.steps.map((each) => ({
            value: each.id,
            label: t(
              sameScript(each.script, stepDefinition(SERVICE_STANDARD, each.id).script)
                ? 'settings.scripts.stepOption'
                : 'settings.scripts.stepOptionChanged',
              { number: each.number, name: t(`steps.${each.id}.name`) },
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
