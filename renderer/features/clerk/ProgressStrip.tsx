/**
 * All seventeen steps at a glance, in the standard's order, each chip coloured by its phase (the
 * legend names them). Each carries `data-step-id` and `data-step-status` (the automation contract
 * in the README); tapping one opens it in the step card.
 */
import { useTranslation } from 'react-i18next';
import type { FlowDefinition, Phase, StepId } from '../../domain/flow/flow-definition';
import type { ServiceState, StepStatus } from '../../domain/service/engine';

const PHASES: readonly Phase[] = ['greeting', 'service', 'farewell'];
const MARK: Record<StepStatus, string> = { pending: '', done: '✓', skipped: '↷', na: '—' };

export function ProgressStrip({
  flow,
  service,
  current,
  selected,
  onSelect,
}: {
  flow: FlowDefinition;
  service: ServiceState;
  current: StepId | null;
  selected: StepId | null;
  onSelect: (id: StepId) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="strip" aria-label={t('strip.label')}>
      <ul className="strip-legend" aria-hidden="true">
        {PHASES.map((phase) => (
          <li key={phase} className={`phase-${phase}`}>
            {t(`phase.${phase}`)}
          </li>
        ))}
      </ul>
      <ol className="strip-steps">
        {flow.steps.map((step) => {
          const status = service.steps[step.id].status;
          const name = t(`steps.${step.id}.name`);
          return (
            <li key={step.id}>
              <button
                type="button"
                className={`chip phase-${step.phase} status-${status}`}
                data-step-id={step.id}
                data-step-status={status}
                aria-current={step.id === current ? 'step' : undefined}
                aria-pressed={step.id === selected}
                aria-label={t('strip.item', {
                  number: step.number,
                  name,
                  status: t(`status.${status}`),
                })}
                onClick={() => onSelect(step.id)}
              >
                <span className="chip-number">
                  {step.number}
                  <span className="chip-mark" aria-hidden="true">
                    {MARK[status]}
                  </span>
                </span>
                <span className="chip-name">{name}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
