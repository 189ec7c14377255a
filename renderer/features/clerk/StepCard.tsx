/**
 * The step in front of the clerk: what to do, the words to say with the customer's name filled in,
 * and the one big Done — for a step of either flow (the seventeen, the complaint's six). Skip needs a reason; Not applicable exists only for conditional steps. Done
 * and Skip ignore taps for a moment after a new step appears (see use-tap-guard.ts).
 */
import { useTranslation } from 'react-i18next';
import type { ServiceState, StepState } from '../../../core/domain/service/engine';
import type { ComplaintStepDefinition } from '../../../core/domain/flow/complaint-flow';
import type { StepDefinition } from '../../../core/domain/flow/flow-definition';
import { renderScript, type ScriptFacts } from '../../../core/domain/script';
import { KeepUnits } from '../../ui/KeepUnits';
import { currentLocale } from '../../i18n';
import { useListLabel } from '../shared/use-list-label';
import { useShortcuts } from './use-shortcuts';
import { useTapGuard } from './use-tap-guard';

export function StepCard({
  step,
  state,
  service,
  facts,
  tapGuardMs,
  onDone,
  onSkip,
  onNotApplicable,
  onBackToCurrent,
  shortcuts,
}: {
  /** A step of either flow: the seventeen or the complaint's. */
  step: StepDefinition | ComplaintStepDefinition;
  state: StepState;
  service: ServiceState;
  facts: ScriptFacts;
  tapGuardMs: number;
  onDone: () => void;
  onSkip: () => void;
  onNotApplicable: () => void;
  /** Shown when the clerk opened another step than the current one from the strip. */
  onBackToCurrent?: () => void;
  /** Space = Done and S = Skip (off while a dialog is open). */
  shortcuts: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const label = useListLabel();
  const condition = step.applies.kind === 'when' ? step.applies.condition : null;
  const recorded = state.status !== 'pending';
  const guard = useTapGuard(`${service.serviceId}:${step.id}`, tapGuardMs);
  const guarded = (action: () => void) => (event?: { timeStamp: number }) => {
    if (guard.accepts(event?.timeStamp)) action();
  };
  useShortcuts(
    {
      space: () => guarded(onDone)(),
      s: state.status === 'done' ? undefined : () => guarded(onSkip)(),
    },
    shortcuts,
  );
  return (
    <article
      className={`step-card phase-${step.phase}`}
      aria-labelledby="step-card-title"
      data-card-step-id={step.id}
      data-armed={guard.armed}
    >
      <p className="step-meta">
        <span className="step-number">
          {t(step.phase === 'complaint' ? 'step.complaintNumber' : 'step.number', {
            number: step.number,
          })}
        </span>
        <span>{t(`phase.${step.phase}`)}</span>
        <span className={condition ? 'tag tag-when' : 'tag'}>
          {condition
            ? t('step.when', { condition: t(`condition.${condition}`) })
            : t('step.always')}
        </span>
        {recorded && (
          <span className={`tag status-${state.status}`}>{t(`status.${state.status}`)}</span>
        )}
        {onBackToCurrent && (
          <button type="button" className="link back-to-current" onClick={onBackToCurrent}>
            {t('step.backToCurrent')}
          </button>
        )}
      </p>
      <h2 id="step-card-title">{t(`steps.${step.id}.name`)}</h2>
      <p className="step-todo">{t(`steps.${step.id}.todo`)}</p>
      <blockquote className="script" aria-label={t('step.say')}>
        {step.script ? (
          <KeepUnits text={renderScript(step.script, locale, facts)} />
        ) : (
          <span className="script-none">{t('step.noWords')}</span>
        )}
      </blockquote>
      {state.skip && (
        <p className="step-skip-note">
          {t('step.skippedBecause', { reason: label('skip-reasons', state.skip.reason) })}
          {state.skip.note && ` — ${state.skip.note}`}
        </p>
      )}
      <div className="step-actions">
        <button
          type="button"
          className="primary huge"
          aria-keyshortcuts="Space"
          onClick={guarded(onDone)}
        >
          {t(`step.doneLabel.${step.action}`, { defaultValue: t('step.done') })}
        </button>
        <button
          type="button"
          className="secondary"
          aria-keyshortcuts="S"
          onClick={guarded(onSkip)}
          disabled={state.status === 'done'}
        >
          {t('step.skip')}
        </button>
        {condition && (
          <button
            type="button"
            className="secondary"
            onClick={onNotApplicable}
            disabled={state.status === 'done'}
          >
            {t('step.na')}
          </button>
        )}
      </div>
    </article>
  );
}
