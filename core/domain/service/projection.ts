/**
 * Services as people read them: one summary per service, folded from its records with the same
 * engine the clerk's screen uses, then with the managers' amendments applied (the corrected value
 * shown, the recorded one kept beside it). Exports, the manager's figures and timelines all read
 * services through this, record by record, so memory holds only the services still open.
 */
import type { AbandonReason, Offer, RecommendationResponse, SkipReason, Title } from '../catalog';
import { businessDay, type Config } from '../device/config';
import { COMPLAINT_STEP_IDS, type ComplaintStepId } from '../flow/complaint-flow';
import { STEP_IDS, isConditional, type FlowDefinition, type StepId } from '../flow/flow-definition';
import { clockJump, type Moment } from '../log/clock';
import type { Amendment } from '../log/events';
import type { LogRecord } from '../log/records';
import type { ComplaintRecord } from './complaint';
import { evolveService, type ServiceState, type StepStatus } from './engine';

export interface StepOutcome {
  status: StepStatus;
  /** Not applicable because the service finished without its condition (not the clerk's call). */
  auto: boolean;
  /** First time an outcome was recorded (epoch ms, wall clock). */
  at: number | null;
  /** The same moment on the service's own clock (ms since it started: see log/clock.ts). */
  offsetMs: number | null;
  /** The record that first gave it an outcome. */
  seq: number | null;
  /** An every-customer step done after a later one (in log order): kept as done, shown as out of order. */
  late: boolean;
  skipReason: SkipReason | null;
  /** The outcome comes from a manager's amendment, not from the service's own records. */
  amended: boolean;
}

/**
 * A complaint step as the review times it: `ms` is on the service's own clock, from the step mark
 * before it (any step of either flow, or the complaint's start when later) to this step's first
 * mark; null when the step was never marked.
 */
export interface ComplaintStepOutcome {
  status: StepStatus;
  ms: number | null;
}

/** The complaint handled in a service: how it started, its record, each step and its time. */
export interface ComplaintSummary {
  trigger: 'business-type' | 'during-service';
  /** The summary is null where the log's personal value is not held (personal.ts). */
  record: (Omit<ComplaintRecord, 'summary'> & { summary: string | null }) | null;
  /** The manager who confirmed an escalation with their PIN. */
  confirmedBy: string | null;
  steps: Record<ComplaintStepId, ComplaintStepOutcome>;
}

export interface AmendmentApplied {
  seq: number;
  by: string | null;
  at: string;
  reason: string;
  change: Amendment;
}

export interface ServiceSummary {
  serviceId: string;
  device: string | null;
  counter: string | null;
  clerk: string | null;
  ticket: string;
  title: Title;
  surname: string | null;
  /** After amendments; `recordedBusinessType` is what the clerk chose. */
  businessType: string;
  recordedBusinessType: string;
  businessDay: string;
  startedAt: number;
  endedAt: number | null;
  /** As recorded at the end (the service clock, not the wall clock's difference). */
  durationMs: number | null;
  targetSeconds: number;
  outcome: ServiceState['outcome'];
  /** Each time the wall clock was moved during the service, by how much (ms, + forward). */
  clockJumps: number[];
  abandonReason: AbandonReason | null;
  steps: Record<StepId, StepOutcome>;
  /** Done ÷ applicable (done or skipped); not applicable and never reached are apart. */
  counts: { done: number; skipped: number; na: number; notReached: number; applicable: number };
  money: { dueFen: number; receivedFen: number; changeFen: number; times: number };
  recommendations: { offer: Offer; response: RecommendationResponse }[];
  absences: { leftAt: number; absenceMs: number | null }[];
  amendments: AmendmentApplied[];
  /** The complaint handled in the service, or null. */
  complaint: ComplaintSummary | null;
}

type ProjectionConfig = Pick<Config, 'flow' | 'timeZone' | 'dayStartMinutes'>;

interface Open {
  state: ServiceState;
  device: string | null;
  counter: string | null;
  first: Partial<Record<StepId, { at: number; offsetMs: number; seq: number }>>;
  /** The moment of the service's latest record, to see the wall clock move against. */
  last: Moment;
  clockJumps: number[];
  auto: Set<StepId>;
  abandonReason: AbandonReason | null;
  absences: { leftAt: number; absenceMs: number | null }[];
  /** The service clock at the latest step mark (either flow) or the complaint's start. */
  lastMarkMs: number;
  /** Each complaint step's time (see ComplaintStepOutcome), from its first mark. */
  complaintMs: Partial<Record<ComplaintStepId, number>>;
}

/** The complaint step a record marks, when it marks one (the record is the act step's form). */
function complaintStepOf(record: LogRecord): ComplaintStepId | null {
  const { event } = record;
  if (event.type === 'complaint-step') return event.stepId;
  return event.type === 'complaint-recorded' ? 'complaint-act' : null;
}

function complaintSummary(open: Open): ComplaintSummary | null {
  const { complaint } = open.state;
  if (!complaint) return null;
  const steps = Object.fromEntries(
    COMPLAINT_STEP_IDS.map((id) => [
      id,
      { status: complaint.steps[id].status, ms: open.complaintMs[id] ?? null },
    ]),
  ) as Record<ComplaintStepId, ComplaintStepOutcome>;
  return {
    trigger: complaint.trigger,
    record: complaint.record,
    confirmedBy: complaint.confirmedBy,
    steps,
  };
}

/** The step a service record records, when it records one. */
export function stepOf(record: LogRecord): StepId | null {
  const { event } = record;
  switch (event.type) {
    case 'step-done':
    case 'step-skipped':
    case 'step-not-applicable':
      return event.stepId;
    case 'seat-left':
      return 'apologise-leaving';
    case 'seat-returned':
      return 'thank-returning';
    case 'money-announced':
      return 'announce-money';
    case 'recommendation-recorded':
      return 'recommend';
    case 'next-called':
      return record.serviceId ? 'call-next' : null;
    default:
      return null;
  }
}

function applyAmendments(
  summary: ServiceSummary,
  amendments: readonly AmendmentApplied[],
  flow: FlowDefinition,
): ServiceSummary {
  if (amendments.length === 0) return summary;
  const steps = { ...summary.steps };
  let businessType = summary.businessType;
  for (const { change } of amendments) {
    if (change.kind === 'business-type') businessType = change.businessType;
    else {
      steps[change.stepId] = {
        ...steps[change.stepId],
        status: change.outcome,
        skipReason: change.outcome === 'skipped' ? change.skipReason : null,
        auto: false,
        amended: true,
      };
    }
  }
  return {
    ...summary,
    businessType,
    steps,
    counts: countSteps(flow, steps, summary.outcome),
    amendments: [...amendments],
  };
}

function countSteps(
  flow: FlowDefinition,
  steps: Record<StepId, StepOutcome>,
  outcome: ServiceState['outcome'],
): ServiceSummary['counts'] {
  const counts = { done: 0, skipped: 0, na: 0, notReached: 0, applicable: 0 };
  for (const step of flow.steps) {
    const { status } = steps[step.id];
    if (status === 'done') counts.done += 1;
    else if (status === 'skipped') counts.skipped += 1;
    else if (status === 'na') counts.na += 1;
    else if (outcome !== 'open' && !isConditional(step)) counts.notReached += 1;
  }
  counts.applicable = counts.done + counts.skipped;
  return counts;
}

function summarize(open: Open, config: ProjectionConfig): ServiceSummary {
  const { state } = open;
  const always = config.flow.steps.filter((step) => !isConditional(step)).map((step) => step.id);
  const steps = Object.fromEntries(
    STEP_IDS.map((id) => {
      const step = state.steps[id];
      const first = open.first[id] ?? null;
      const index = always.indexOf(id);
      // Out of order by the log's sequence, which no clock can move.
      const late =
        step.status === 'done' &&
        first !== null &&
        index >= 0 &&
        always.slice(index + 1).some((later) => (open.first[later]?.seq ?? Infinity) < first.seq);
      const outcome: StepOutcome = {
        status: step.status,
        auto: open.auto.has(id),
        at: first?.at ?? null,
        offsetMs: first?.offsetMs ?? null,
        seq: first?.seq ?? null,
        late,
        skipReason: step.skip?.reason ?? null,
        amended: false,
      };
      return [id, outcome];
    }),
  ) as Record<StepId, StepOutcome>;
  const money = state.money.reduce<ServiceSummary['money']>(
    (sum, entry) => ({
      dueFen: sum.dueFen + entry.dueFen,
      receivedFen: sum.receivedFen + entry.receivedFen,
      changeFen: sum.changeFen + entry.changeFen,
      times: sum.times + 1,
    }),
    { dueFen: 0, receivedFen: 0, changeFen: 0, times: 0 },
  );
  return {
    serviceId: state.serviceId,
    device: open.device,
    counter: open.counter,
    clerk: state.startedBy,
    ticket: state.ticket,
    title: state.title,
    surname: state.surname,
    businessType: state.businessType,
    recordedBusinessType: state.businessType,
    businessDay: businessDay(state.startedAt, config),
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    durationMs:
      state.endedAt === null ? null : (state.durationMs ?? state.endedAt - state.startedAt),
    targetSeconds: state.targetSeconds,
    outcome: state.outcome,
    clockJumps: open.clockJumps,
    abandonReason: open.abandonReason,
    steps,
    counts: countSteps(config.flow, steps, state.outcome),
    money,
    recommendations: state.recommendations,
    absences: open.absences,
    amendments: [],
    complaint: complaintSummary(open),
  };
}

/**
 * Folds records (in sequence order) into service summaries. `push` returns the summary of a
 * service the record ended; `open()` gives the ones still open at the end. Amendments are looked
 * up by service id (collected beforehand: they are few, and may come long after the service).
 */
export class ServiceProjector {
  private readonly open = new Map<string, Open>();

  constructor(
    private readonly config: ProjectionConfig,
    private readonly amendments: ReadonlyMap<string, readonly AmendmentApplied[]> = new Map(),
  ) {}

  push(record: LogRecord): ServiceSummary | null {
    const { serviceId, event } = record;
    if (!serviceId) return null;
    const atMs = Date.parse(record.at);
    const moment: Moment = { atMs, mono: record.mono };
    const timed = { serviceId, seq: record.seq, ...moment, staffNo: record.staffNo, event };
    if (event.type === 'service-started') {
      const state = evolveService(null, timed);
      if (state) {
        this.open.set(serviceId, {
          state,
          device: record.device,
          counter: record.counter,
          first: {},
          last: moment,
          clockJumps: [],
          auto: new Set(),
          abandonReason: null,
          absences: [],
          lastMarkMs: 0,
          complaintMs: {},
        });
      }
      return null;
    }
    const open = this.open.get(serviceId);
    if (!open) return null;
    const next = evolveService(open.state, timed);
    if (next) open.state = next;
    const jump = clockJump(open.last, moment);
    if (jump !== null) open.clockJumps.push(jump);
    open.last = moment;
    const step = stepOf(record);
    if (step && open.first[step] === undefined) {
      open.first[step] = { at: atMs, offsetMs: open.state.clock.elapsedMs, seq: record.seq };
    }
    const elapsed = open.state.clock.elapsedMs;
    const complaintStep = complaintStepOf(record);
    if (complaintStep && open.complaintMs[complaintStep] === undefined) {
      open.complaintMs[complaintStep] = Math.max(0, elapsed - open.lastMarkMs);
    }
    if (step || complaintStep || event.type === 'complaint-started') open.lastMarkMs = elapsed;
    if (event.type === 'step-not-applicable' && event.auto) open.auto.add(event.stepId);
    if (event.type === 'seat-left') open.absences.push({ leftAt: atMs, absenceMs: null });
    if (event.type === 'seat-returned') {
      const last = open.absences.at(-1);
      if (last && last.absenceMs === null) last.absenceMs = event.absenceMs;
    }
    if (event.type === 'service-abandoned') open.abandonReason = event.reason;
    if (open.state.outcome === 'open') return null;
    this.open.delete(serviceId);
    return this.finish(open);
  }

  /** The services still open after the last record pushed. */
  stillOpen(): ServiceSummary[] {
    return [...this.open.values()].map((open) => this.finish(open));
  }

  private finish(open: Open): ServiceSummary {
    return applyAmendments(
      summarize(open, this.config),
      this.amendments.get(open.state.serviceId) ?? [],
      this.config.flow,
    );
  }
}

/** Amendments by the service they correct, in the order they were made. */
export function amendmentsByService(records: Iterable<LogRecord>): Map<string, AmendmentApplied[]> {
  const byService = new Map<string, AmendmentApplied[]>();
  for (const record of records) {
    if (record.event.type !== 'service-amended') continue;
    const list = byService.get(record.event.target) ?? [];
    list.push({
      seq: record.seq,
      by: record.staffNo,
      at: record.at,
      reason: record.event.reason,
      change: record.event.change,
    });
    byService.set(record.event.target, list);
  }
  return byService;
}
