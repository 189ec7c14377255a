/**
 * All seventeen steps at a glance (and, above them during a complaint, the complaint's six), in the standard's order, each chip coloured by its phase (the
 * legend names them). Each carries `data-step-id` and `data-step-status` (the automation contract
 * in the README); tapping one opens it in the step card.
 */
import './complaint.css';
import { useTranslation } from 'react-i18next';
import type { ComplaintFlow } from '../../domain/flow/complaint-flow';
import type { FlowDefinition, Phase } from '../../domain/flow/flow-definition';
import type { AnyStepId } from '../../domain/service/commands';
import type { ServiceState, StepState, StepStatus } from '../../domain/service/engine';

const PHASES: readonly Phase[] = ['greeting', 'service', 'farewell'];
const MARK: Record<StepStatus, string> = { pending: '', done: '✓', skipped: '↷', na: '—' };

interface Chip {
  id: AnyStepId;
  number: number;
  phase: Phase | 'complaint';
  state: StepState;
}

export function ProgressStrip({
  flow,
  complaintFlow,
  service,
  current,
  selected,
  onSelect,
}: {
  flow: FlowDefinition;
  complaintFlow: ComplaintFlow;
  service: ServiceState;
  current: AnyStepId | null;
  selected: AnyStepId | null;
  onSelect: (id: AnyStepId) => void;
}) {
  const { t } = useTranslation();
  const { complaint } = service;
  const chip = (step: Chip) => {
    const status = step.state.status;
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
  };
  return (
    <nav className="strip" aria-label={t('strip.label')}>
      {complaint && (
        <ol className="strip-steps strip-complaint" aria-label={t('phase.complaint')}>
          {complaintFlow.steps.map((step) => chip({ ...step, state: complaint.steps[step.id] }))}
        </ol>
      )}
      <ul className="strip-legend" aria-hidden="true">
        {PHASES.map((phase) => (
          <li key={phase} className={`phase-${phase}`}>
            {t(`phase.${phase}`)}
          </li>
        ))}
      </ul>
      <ol className="strip-steps">
        {flow.steps.map((step) => chip({ ...step, state: service.steps[step.id] }))}
      </ol>
    </nav>
  );
}
