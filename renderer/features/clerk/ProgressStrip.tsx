/**
 * All seventeen steps at a glance, in the standard's order, each chip coloured by its phase (the
 * legend names them); during a complaint, its six steps in a strip of their own under the step
 * card. Each chip carries `data-step-id` and `data-step-status` (the automation contract in the
 * README); tapping one opens it in the step card.
 */
import './complaint.css';
import { useTranslation } from 'react-i18next';
import type { ComplaintFlow } from '../../../core/domain/flow/complaint-flow';
import type { FlowDefinition, Phase } from '../../../core/domain/flow/flow-definition';
import type { AnyStepId } from '../../../core/domain/service/commands';
import type {
  ComplaintState,
  ServiceState,
  StepState,
  StepStatus,
} from '../../../core/domain/service/engine';

const PHASES: readonly Phase[] = ['greeting', 'service', 'farewell'];
const MARK: Record<StepStatus, string> = { pending: '', done: '✓', skipped: '↷', na: '—' };

interface Selection {
  current: AnyStepId | null;
  selected: AnyStepId | null;
  onSelect: (id: AnyStepId) => void;
}

function Chip({
  id,
  number,
  phase,
  state,
  current,
  selected,
  onSelect,
}: Selection & { id: AnyStepId; number: number; phase: Phase | 'complaint'; state: StepState }) {
  const { t } = useTranslation();
  const status = state.status;
  const name = t(`steps.${id}.name`);
  return (
    <li>
      <button
        type="button"
        className={`chip phase-${phase} status-${status}`}
        data-step-id={id}
        data-step-status={status}
        aria-current={id === current ? 'step' : undefined}
        aria-pressed={id === selected}
        // "1 Stand to greet, done": the name begins with the chip's visible words (WCAG 2.5.3,
        // Label in Name), the mark (✓, ↷, —) said as its word at the end.
        aria-label={t('strip.item', { number, name, status: t(`status.${status}`) })}
        onClick={() => onSelect(id)}
      >
        <span className="chip-number">
          {number}
          <span className="chip-mark" aria-hidden="true">
            {MARK[status]}
          </span>
        </span>{' '}
        <span className="chip-name">{name}</span>
      </button>
    </li>
  );
}

export function ProgressStrip({
  flow,
  service,
  ...selection
}: Selection & { flow: FlowDefinition; service: ServiceState }) {
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
        {flow.steps.map((step) => (
          <Chip key={step.id} {...step} state={service.steps[step.id]} {...selection} />
        ))}
      </ol>
    </nav>
  );
}

/** The complaint's six steps, under the step card while a complaint is handled. */
export function ComplaintStrip({
  complaintFlow,
  complaint,
  ...selection
}: Selection & { complaintFlow: ComplaintFlow; complaint: ComplaintState }) {
  const { t } = useTranslation();
  return (
    <nav className="strip strip-complaint" aria-label={t('phase.complaint')}>
      <ol className="strip-steps">
        {complaintFlow.steps.map((step) => (
          <Chip key={step.id} {...step} state={complaint.steps[step.id]} {...selection} />
        ))}
      </ol>
    </nav>
  );
}
